using Syndication.Functions;
using Syndication.Http;
using Syndication.Tests.Support;

namespace Syndication.Tests.Scale;

/// <summary>A burst of readers for a feed nobody has asked for yet (after a publish, on a fresh instance): one render.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class SingleFlightTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task SixtyFourConcurrentRequestsForAnUncachedFeedCauseOneRenderAndOneTimelineQuery()
    {
        var counter = new StorageTap();
        await using var site = new TestSite(azurite, replace: counter.On(azurite));
        await site.UploadSampleAsync();
        await site.Ingestor.ReconcileAsync();
        var cache = site.Get<RenderCache>();
        counter.Reset();

        using var start = new ManualResetEventSlim();
        var requests = Enumerable.Range(0, 64).Select(_ => Task.Run(() =>
        {
            start.Wait();
            return TestSite.InvokeAsync(r => new GetFeed(site.Handlers).Run(r, "all.rss"), path: "/api/feeds/all.rss");
        })).ToList();
        start.Set();
        var responses = await Task.WhenAll(requests);

        Assert.All(responses, r => Assert.Equal(200, r.Status));
        Assert.Single(responses.Select(r => r.Headers.ETag.ToString()).Distinct());
        Assert.Single(FeedParsers.Syndication(responses[0].Body).Items);
        Assert.Equal(1, cache.Renders);
        Assert.Equal(1, counter.TableQueries);
    }

    [Fact]
    public async Task AReaderWhoseSharedRenderWasCancelledByAnotherReaderGetsARenderOfItsOwn()
    {
        await using var site = new TestSite(azurite);
        var cache = site.Get<RenderCache>();
        using var leaving = new CancellationTokenSource();
        var started = new TaskCompletionSource();
        var first = cache.GetOrRenderAsync("feed|test", async () =>
        {
            started.SetResult();
            await Task.Delay(Timeout.Infinite, leaving.Token);
            return null;
        }, leaving.Token);
        await started.Task;
        var second = cache.GetOrRenderAsync("feed|test", () => Task.FromResult<Rendered?>(new Rendered("ok"u8.ToArray(), "text/plain", null)));

        await leaving.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
        Assert.Equal("ok"u8.ToArray(), (await second)!.Body);
        Assert.Equal(2, cache.Renders);
    }
}
