using Azure;
using Syndication.Storage;
using Syndication.Feeds;
using Syndication.Functions;
using Syndication.Ingestion;
using Syndication.Tests.Support;
using Syndication.Articles;

namespace Syndication.Tests.Resilience;

/// <summary>Storage answers 503 (tables) and 429 (blobs) for a while: nothing is lost, and feeds already rendered keep answering.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ThrottlingTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task ThrottledStorageLosesNoArticleAndRenderedFeedsKeepAnsweringFromCache()
    {
        var tap = new StorageTap();
        // Read the version on every request, so each feed request below really asks the throttled table.
        await using var site = new TestSite(azurite, new Dictionary<string, string?> { ["Syndication:VersionCheckSeconds"] = "0" }, tap.On(azurite));
        foreach (var i in Enumerable.Range(1, 3)) await site.UploadTextAsync($"old-{i}.md", Document("Old", i));
        Assert.Equal(3, (await site.Ingestor.ReconcileAsync()).Ingested);
        var before = await FeedAsync(site);
        Assert.Equal(200, before.Status);
        var etag = before.Headers.ETag.ToString();
        foreach (var i in Enumerable.Range(1, 6)) await site.UploadTextAsync($"new-{i}.md", Document("New", i));

        // Outage: every table call answers 503, every blob call 429, beyond the SDK's retries.
        tap.Fault = m => StorageTap.IsTable(m, azurite) ? 503 : 429;
        foreach (var i in Enumerable.Range(1, 6))
            await Assert.ThrowsAnyAsync<Exception>(() => site.Ingestor.IngestBlobAsync($"new-{i}.md")); // the host retries it
        await Assert.ThrowsAnyAsync<Exception>(() => site.Ingestor.ReconcileAsync());
        tap.Reset();
        var during = await FeedAsync(site);
        var notModified = await FeedAsync(site, etag);
        Assert.Contains(tap.Requests, r => r.Port == azurite.TablePort); // the feed requests did ask the table, and were refused
        Assert.Equal((200, before.Text), (during.Status, during.Text));
        Assert.Equal(304, notModified.Status);

        // Throttling: two calls in three refused, so ingestions fail half-way (and any that get through must be whole).
        var calls = 0;
        tap.Fault = m => Interlocked.Increment(ref calls) % 3 == 0 ? null : StorageTap.IsTable(m, azurite) ? 503 : 429;
        var ingested = new List<string>();
        foreach (var i in Enumerable.Range(1, 6))
        {
            try
            {
                var outcome = await site.Ingestor.IngestBlobAsync($"new-{i}.md");
                if (outcome.Result is IngestResult.Published or IngestResult.Updated or IngestResult.Unchanged) ingested.Add($"New {i}");
            }
            catch (Exception e) when (e is RequestFailedException or AggregateException) { }
        }
        try { await site.Ingestor.ReconcileAsync(); }
        catch (Exception e) when (e is RequestFailedException or AggregateException) { }

        // Storage answers: throttling left nothing half-done. Every article the store holds (the old three, any that got
        // through, each ingestion that said it was done) is in the feed before any further pass, and no refused call
        // was taken for a bad document (a later pass could clear that rejection and hide it).
        tap.Fault = null;
        var served = FeedParsers.Syndication((await FeedAsync(site)).Body).Items.Select(item => item.Title.Text).ToHashSet();
        var stored = await site.Store.ArticleSignaturesAsync();
        Assert.All(ingested, title => Assert.Contains(title, served));
        Assert.True(stored.Count == served.Count, $"stored {stored.Count}, served {served.Count}, ingested {string.Join(", ", ingested)}");
        Assert.Empty(await site.Rejections.RejectionsAsync());

        // The next pass converges everything, and nothing was taken for a bad document.
        var after = await site.Ingestor.ReconcileAsync();
        Assert.Equal(0, after.Failed);
        Assert.Empty(await site.Rejections.RejectionsAsync());
        var titles = (await site.Store.FeedPageAsync(FeedKey.All, 50)).Articles.Select(a => a.Title).Order().ToList();
        Assert.Equal(Enumerable.Range(1, 3).Select(i => $"Old {i}").Concat(Enumerable.Range(1, 6).Select(i => $"New {i}")).Order().ToList(), titles);
        var feed = FeedParsers.Syndication((await FeedAsync(site)).Body);
        Assert.Equal(9, feed.Items.Count());
        Assert.All(feed.Items, item => Assert.False(string.IsNullOrEmpty(item.Title.Text)));
    }

    private static string Document(string title, int i) =>
        $"---\ntitle: {title} {i}\npublished: 2024-01-{i:D2}\n---\nBody of {title.ToLowerInvariant()} {i}.\n";

    private static Task<TestResponse> FeedAsync(TestSite site, string? ifNoneMatch = null) =>
        TestSite.InvokeAsync(r => new GetFeed(site.Handlers).Run(r, "all.rss"),
            headers: ifNoneMatch is null ? null : new Dictionary<string, string> { ["If-None-Match"] = ifNoneMatch });
}
