using Syndication.Functions;
using Syndication.Tests.Support;
using Xunit.Abstractions;

namespace Syndication.Tests.Scale;

/// <summary>
/// O(page), proven by counting rather than timing (Azurite scans whole tables, Azure does not): what one feed request
/// on a cold instance asks of storage is the same at 1,000 articles as at 10,000 (SYNDICATION_SCALE_ARTICLES: more).
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class FeedCostTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private static readonly int Large = int.TryParse(Environment.GetEnvironmentVariable("SYNDICATION_SCALE_ARTICLES"), out var n) ? n : 10_000;

    [Fact]
    public async Task AColdFeedRequestCostsTheSameStorageRequestsAndEntitiesAtTenTimesTheArticles()
    {
        var small = await ColdFeedCostAsync(1_000);
        var large = await ColdFeedCostAsync(Large);

        Assert.Equal(small.Requests, large.Requests);
        Assert.Equal(small.TableQueries, large.TableQueries);
        Assert.Equal(small.Entities, large.Entities);
        Assert.Equal(1, large.TableQueries);
        Assert.Equal(51, large.Entities); // the page of 50 and the one that says there is a next page
    }

    private async Task<Cost> ColdFeedCostAsync(int articles)
    {
        var counter = new StorageTap();
        await using var site = new TestSite(azurite, replace: counter.On(azurite));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await BulkArticles.WriteAsync(site, articles);
        var written = clock.Elapsed;
        counter.Reset();
        var response = await TestSite.InvokeAsync(r => new GetFeed(site.Handlers).Run(r, "all.rss"), path: "/api/feeds/all.rss");
        Assert.Equal(200, response.Status);
        var items = FeedParsers.Syndication(response.Body).Items.ToList();
        Assert.Equal(50, items.Count);
        Assert.Equal($"Bulk article {articles - 1:D6}", items[0].Title.Text);
        var cost = new Cost(counter.Count, counter.TableQueries, counter.QueryEntities, counter.ResponseBytes);
        output.WriteLine($"{articles} articles (written in {written.TotalSeconds:F1} s): {cost.Requests} storage requests, " +
            $"{cost.TableQueries} table query, {cost.Entities} entities, {cost.Bytes} response bytes; feed {response.Body.Length} bytes");
        return cost;
    }

    private sealed record Cost(long Requests, long TableQueries, long Entities, long Bytes);
}
