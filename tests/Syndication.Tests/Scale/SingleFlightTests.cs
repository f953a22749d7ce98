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
        var counter = new StorageCounter();
        await using var site = new TestSite(azurite, replace: s => counter.AddTo(s, azurite));
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
}
