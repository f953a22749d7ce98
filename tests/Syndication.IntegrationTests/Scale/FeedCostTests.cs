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

    [Fact]
    public async Task FollowingAnIssuedNextCursorCostsOnePageAndAMadeUpCursorCostsNoStorageCall()
    {
        var counter = new StorageTap();
        await using var site = new TestSite(azurite, replace: counter.On(azurite));
        await BulkArticles.WriteAsync(site, 1_000, bodies: 150);
        Task<TestResponse> FeedAsync(string query) => TestSite.InvokeAsync(r => new GetFeed(site.Handlers).Run(r, "all.rss"), path: "/api/feeds/all.rss", query: query);

        counter.Reset();
        var first = await FeedAsync("");
        var firstCost = new Cost(counter.Count, counter.TableQueries, counter.QueryEntities, counter.ResponseBytes);
        var next = FeedParsers.Link(FeedParsers.Document(first.Body), "next")!;

        counter.Reset();
        var second = await FeedAsync(next.Query);
        Assert.Equal(200, second.Status);
        Assert.Equal("Bulk article 000949", FeedParsers.Syndication(second.Body).Items.First().Title.Text);
        output.WriteLine($"first page: {firstCost.Requests} storage requests; next page: {counter.Count} ({string.Join(", ", counter.Requests.Take(3))}, ...)");
        Assert.Equal(1, counter.TableQueries);
        Assert.Equal(51, counter.QueryEntities); // the page of 50 and the one that says there is a next page
        Assert.Equal(1 + 50, counter.Count); // the query and a body per item (the first page also read the feed version)
        Assert.True(counter.Count <= firstCost.Requests);

        foreach (var query in new[] { "?before=9999999999999999999%7Cz1", "?after=9999999999999999999%7Cz1", "?after=" + Uri.EscapeDataString("0000000000000000001|x.AAAAAAAAAAAAAAAAAAAAAA") })
        {
            counter.Reset();
            Assert.Equal(400, (await FeedAsync(query)).Status);
            Assert.Equal(0, counter.Count);
            Assert.Equal(400, (await TestSite.InvokeAsync(r => new GetSitemap(site.Handlers).Run(r, "articles.xml"), query: query.Replace("before", "after"))).Status);
            Assert.Equal(0, counter.Count);
        }
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
