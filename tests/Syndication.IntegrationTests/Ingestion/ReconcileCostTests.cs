using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Syndication.Storage;
using Syndication.Tests.Support;
using Xunit.Abstractions;

namespace Syndication.Tests.Ingestion;

/// <summary>What a reconcile pass costs in storage requests and table entities, counted on the wire at two archive sizes.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ReconcileCostTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private sealed record Cost(int BlobRequests, int TableRequests, int TableEntities);

    [Fact]
    public async Task ASteadyPassReadsTwoRowsAndAChangedPassReadsOnlyWhatChangedAtAnyArchiveSize()
    {
        var small = await MeasureAsync(50);
        // SYNDICATION_RECONCILE_ARTICLES measures a larger archive (docs/benchmarks.md gives 1,000).
        var large = await MeasureAsync(int.TryParse(Environment.GetEnvironmentVariable("SYNDICATION_RECONCILE_ARTICLES"), out var n) ? n : 500);

        // The listing (one page up to 5,000 blobs), the watermark's top row and the feed version row.
        Assert.Equal(new Cost(1, 2, 2), small.Quiet);
        Assert.Equal(small.Quiet, large.Quiet);
        Assert.Equal(small.Changed.TableEntities, large.Changed.TableEntities);
        Assert.Equal(small.Changed.TableRequests, large.Changed.TableRequests);
    }

    [Fact]
    public async Task AChangedListingConvergesNewAndDeletedArticlesAndAFailedSlugIsTriedAgainByTheNextPass()
    {
        var tap = new StorageTap();
        await using var site = new TestSite(azurite, replace: tap.On(azurite));
        foreach (var i in new[] { 1, 2, 3 }) await site.UploadTextAsync($"story-{i}.md", $"---\ntitle: Story {i}\n---\nBody {i}.\n");
        Assert.Equal(3, (await site.Ingestor.ReconcileAsync()).Ingested);

        await site.Incoming.DeleteBlobAsync("story-2.md");
        await site.UploadTextAsync("story-4.md", "---\ntitle: Story 4\n---\nBody 4.\n");
        tap.Fault = m => m.Request.Uri.Path.EndsWith("$batch", StringComparison.Ordinal) ? 503 : null;
        var throttled = await site.Ingestor.ReconcileAsync();
        Assert.Equal(2, throttled.Failed);

        tap.Fault = null;
        var next = await site.Ingestor.ReconcileAsync();
        Assert.Equal((1, 1, 0), (next.Ingested, next.Deleted, next.Failed));
        Assert.Null(await site.Store.ArticleBySlugAsync("story-2"));
        Assert.NotNull(await site.Store.ArticleBySlugAsync("story-4"));
        tap.Reset();
        Assert.Equal(0, (await site.Ingestor.ReconcileAsync()).Ingested);
        Assert.Equal(2, tap.Requests.Count(r => r.Port == azurite.TablePort));
    }

    [Fact]
    public async Task TheTimersPassVerifiesPublishedBlobsOncePerIntervalNotEveryPass()
    {
        var clock = new MovableTime();
        await using var site = new TestSite(azurite, replace: s => s.AddSingleton<TimeProvider>(clock));
        await site.UploadTextAsync("story.md", "---\ntitle: Story\n---\nBody.\n");
        Assert.Equal(1, (await site.Ingestor.ReconcileScheduledAsync()).Ingested); // the first pass verifies
        var published = site.Get<BlobServiceClient>().GetBlobContainerClient(site.Get<IOptions<StorageOptions>>().Value.PublishedContainer);
        var body = (await site.Store.ArticleBySlugAsync("story"))!.Value.Article.BodyBlob;

        await published.DeleteBlobAsync(body);
        clock.Advance(TimeSpan.FromHours(23));
        Assert.Equal(0, (await site.Ingestor.ReconcileScheduledAsync()).Ingested); // not due: a quiet pass
        Assert.False((await published.GetBlobClient(body).ExistsAsync()).Value);
        clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(1, (await site.Ingestor.ReconcileScheduledAsync()).Ingested); // due: the lost body is written again
        Assert.True((await published.GetBlobClient(body).ExistsAsync()).Value);
    }

    private sealed class MovableTime : TimeProvider
    {
        private TimeSpan offset;
        public void Advance(TimeSpan by) => offset += by;
        public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + offset;
    }

    private async Task<(Cost Quiet, Cost Changed)> MeasureAsync(int articles)
    {
        var tap = new StorageTap();
        await using var site = new TestSite(azurite, replace: tap.On(azurite));
        await Parallel.ForEachAsync(Enumerable.Range(1, articles), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, _) =>
            await site.UploadTextAsync($"story-{i:D4}.md", $"---\ntitle: Story {i}\npublished: 2024-01-01\n---\nBody {i}.\n"));
        Assert.Equal(articles, (await site.Ingestor.ReconcileAsync()).Ingested);

        tap.Reset();
        var quiet = await site.Ingestor.ReconcileAsync();
        var quietCost = Measure(tap);
        Assert.Equal((articles, 0), (quiet.Documents, quiet.Ingested));

        await site.UploadTextAsync("story-0007.md", "---\ntitle: Story 7, corrected\npublished: 2024-01-01\n---\nBody 7.\n");
        tap.Reset();
        var changed = await site.Ingestor.ReconcileAsync();
        var changedCost = Measure(tap);
        Assert.Equal(1, changed.Ingested);
        Assert.Equal("Story 7, corrected", (await site.Store.ArticleBySlugAsync("story-0007"))!.Value.Article.Title);
        output.WriteLine($"{articles} articles: quiet pass {quietCost}; one changed article {changedCost}");
        return (quietCost, changedCost);
    }

    private Cost Measure(StorageTap tap)
    {
        var table = tap.Requests.Count(r => r.Port == azurite.TablePort);
        return new Cost(tap.Count - table, table, tap.TableEntities);
    }
}
