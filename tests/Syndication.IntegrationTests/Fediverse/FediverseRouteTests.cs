using System.Text.Json.Nodes;
using Syndication.Http;
using Syndication.Tests.Support;
using Xunit.Abstractions;

namespace Syndication.Tests.Fediverse;

/// <summary>The fediverse GET routes as a stranger meets them: the outbox served from the render cache with its ETag, WebFinger's refusals.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class FediverseRouteTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    [Fact]
    public async Task ARepeatOutboxPageGetWithItsETagIs304AndCostsNoStorageCallNorRender()
    {
        var tap = new StorageTap();
        await using var site = new TestSite(azurite, DeliveryTests.Settings(Guid.NewGuid().ToString("N")[..12]), tap.On(azurite));
        foreach (var i in Enumerable.Range(0, 3))
        {
            await site.UploadTextAsync($"story-{i}.md", DeliveryTests.Md($"Story {i}"));
            await site.Ingestor.IngestSlugAsync($"story-{i}");
        }
        var handlers = site.Get<FediverseHandlers>();
        var cache = site.Get<RenderCache>();
        var headers = new Dictionary<string, string> { ["Accept"] = "application/activity+json" };

        tap.Reset();
        var first = await TestSite.ExecuteAsync(r => handlers.GetOutboxAsync(r), path: "/api/fediverse/outbox", query: "?page=true", headers: headers);
        var firstCalls = tap.Count;
        Assert.Equal(200, first.Status);
        Assert.Equal(3, ((JsonObject)JsonNode.Parse(first.Body)!)["orderedItems"]!.AsArray().Count);
        var etag = first.Headers.ETag.ToString();
        Assert.False(string.IsNullOrEmpty(etag));

        tap.Reset();
        var renders = cache.Renders;
        var repeat = await TestSite.ExecuteAsync(r => handlers.GetOutboxAsync(r), path: "/api/fediverse/outbox", query: "?page=true",
            headers: new Dictionary<string, string>(headers) { ["If-None-Match"] = etag });
        output.WriteLine($"storage calls per outbox page GET: first {firstCalls}, repeat with its ETag {tap.Count} (before: every GET rebuilt the page)");
        Assert.Equal(304, repeat.Status);
        Assert.Empty(repeat.Body);
        Assert.Equal(renders, cache.Renders);
        Assert.Equal(0, tap.Count);

        var plain = await TestSite.ExecuteAsync(r => handlers.GetOutboxAsync(r), path: "/api/fediverse/outbox", query: "?page=true", headers: headers);
        Assert.Equal((200, first.Text, etag), (plain.Status, plain.Text, plain.Headers.ETag.ToString())); // the same bytes from the cache
        var ld = await TestSite.ExecuteAsync(r => handlers.GetOutboxAsync(r), path: "/api/fediverse/outbox", query: "?page=true",
            headers: new Dictionary<string, string> { ["Accept"] = "application/ld+json" });
        Assert.StartsWith("application/ld+json", ld.ContentType); // each media type its own entry
        Assert.Equal(404, (await TestSite.ExecuteAsync(r => handlers.GetOutboxAsync(r), path: "/api/fediverse/outbox", query: "?after=forged")).Status);
    }

    [Theory]
    [InlineData("", 400)]
    [InlineData("acct:someone-else@news.example.com", 404)]
    [InlineData("acct:news@elsewhere.example", 404)]
    [InlineData("own", 200)]
    public async Task WebFingerAnswersItsOwnAccountAndRefusesOthers(string resource, int status)
    {
        await using var site = new TestSite(azurite);
        var acct = site.Get<Syndication.Fediverse.FediverseActor>().Urls("http", "127.0.0.1:7071").Acct;
        if (resource == "own") resource = acct;
        var reply = await TestSite.ExecuteAsync(r => site.Get<FediverseHandlers>().WebFingerAsync(r), path: "/.well-known/webfinger",
            query: resource.Length == 0 ? "" : "?resource=" + Uri.EscapeDataString(resource));
        Assert.Equal(status, reply.Status);
        if (status != 400) Assert.Equal("*", reply.Headers["Access-Control-Allow-Origin"].ToString());
        if (status == 200) Assert.Equal(acct, (string?)JsonNode.Parse(reply.Body)!["subject"]);
    }

    [Fact]
    public async Task AnOverLongWebFingerResourceIs400WithoutAStorageCall()
    {
        var tap = new StorageTap();
        await using var site = new TestSite(azurite, replace: tap.On(azurite));
        var handlers = site.Get<FediverseHandlers>();
        tap.Reset();
        var reply = await TestSite.ExecuteAsync(r => handlers.WebFingerAsync(r), path: "/.well-known/webfinger",
            query: "?resource=" + Uri.EscapeDataString("acct:" + new string('n', 1001) + "@127.0.0.1:7071"));
        Assert.Equal(400, reply.Status);
        Assert.Equal(0, tap.Count);
    }
}
