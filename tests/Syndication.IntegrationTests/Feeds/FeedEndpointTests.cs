using Syndication.Functions;
using Syndication.Tests.Support;

namespace Syndication.Tests.Feeds;

[Collection(AzuriteCollection.Name)]
public sealed class FeedEndpointTests(AzuriteFixture azurite)
{
    private static Task<TestResponse> GetAsync(TestSite site, string file, string method = "GET", string query = "",
        Dictionary<string, string>? headers = null) =>
        TestSite.InvokeAsync(r => new GetFeed(site.Handlers).Run(r, file), method, "/api/feeds/" + file, query, headers);

    [Fact]
    public async Task AnEmptySiteServesValidEmptyFeeds()
    {
        await using var site = new TestSite(azurite);
        Assert.Empty(FeedParsers.Syndication((await GetAsync(site, "all.rss")).Body).Items);
        var atom = await GetAsync(site, "all.atom");
        Assert.Equal("application/atom+xml; charset=utf-8", atom.ContentType);
        Assert.Empty(FeedParsers.Syndication(atom.Body).Items);
    }

    [Fact]
    public async Task RepeatRequestsWithTheETagGet304WithoutABody()
    {
        await using var site = new TestSite(azurite);
        await site.UploadSampleAsync();
        await site.Ingestor.ReconcileAsync();
        var first = await GetAsync(site, "all.rss");
        var etag = first.Headers.ETag.ToString();
        Assert.StartsWith("\"", etag);
        Assert.Contains("max-age=", first.Headers.CacheControl.ToString());
        Assert.False(string.IsNullOrEmpty(first.Headers.LastModified.ToString()));

        foreach (var inm in new[] { etag, "\"other\", " + etag, "W/" + etag, "*" })
        {
            var again = await GetAsync(site, "all.rss", headers: new() { ["If-None-Match"] = inm });
            Assert.Equal(304, again.Status);
            Assert.Empty(again.Body);
        }
        var since = await GetAsync(site, "all.rss", headers: new() { ["If-Modified-Since"] = first.Headers.LastModified.ToString() });
        Assert.Equal(304, since.Status);
        Assert.Equal(200, (await GetAsync(site, "all.rss", headers: new() { ["If-None-Match"] = "\"stale\"" })).Status);
    }

    [Fact]
    public async Task HeadAnswersWithHeadersOnly()
    {
        await using var site = new TestSite(azurite);
        var head = await GetAsync(site, "all.atom", "HEAD");
        Assert.Equal(200, head.Status);
        Assert.Empty(head.Body);
        Assert.True(head.Headers.ContentLength > 0);
    }

    [Theory]
    [InlineData("all.txt", "", 404)]
    [InlineData("nope.rss", "", 404)]
    [InlineData("all.rss", "limit=abc", 400)]
    [InlineData("all.rss", "limit=0", 400)]
    [InlineData("all.rss", "limit=100000", 400)]
    public async Task BadRequestsGetClearStatuses(string file, string query, int status)
    {
        await using var site = new TestSite(azurite);
        var response = await GetAsync(site, file, query: "?" + query);
        Assert.Equal(status, response.Status);
        if (status != 200) Assert.Equal("text/plain; charset=utf-8", response.ContentType);
    }
}
