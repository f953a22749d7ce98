using Syndication.Functions;
using Syndication.Tests.Support;

namespace Syndication.Tests.Scale;

/// <summary>What a CDN in front of the app relies on: how long it may keep feeds and images, withdrawals, and ranges of images.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class CdnCachingTests(AzuriteFixture azurite)
{
    private static readonly string Photo = Repo.Samples(Repo.SampleSlug, "photo-1.jpg");

    private static Task<TestResponse> FeedAsync(TestSite site, Dictionary<string, string>? headers = null) =>
        TestSite.InvokeAsync(r => new GetFeed(site.Handlers).Run(r, "all.rss"), path: "/api/feeds/all.rss", headers: headers);

    private static Task<TestResponse> ImageAsync(TestSite site, string query = "", Dictionary<string, string>? headers = null) =>
        TestSite.InvokeAsync(r => new GetImage(site.Handlers).Run(r, Repo.SampleSlug, "photo-1.jpg"),
            path: $"/api/images/{Repo.SampleSlug}/photo-1.jpg", query: query, headers: headers);

    private static async Task<TestSite> SampleSiteAsync(AzuriteFixture azurite, Dictionary<string, string?>? settings = null)
    {
        var site = new TestSite(azurite, settings);
        await site.UploadSampleAsync();
        await site.Ingestor.ReconcileAsync();
        return site;
    }

    [Fact]
    public async Task FeedsMayBeServedStaleForFiveMinutesWhileACacheRevalidatesThemAndTheWindowIsASetting()
    {
        await using var site = await SampleSiteAsync(azurite);
        var feed = await FeedAsync(site);
        Assert.Equal("public, max-age=60, stale-while-revalidate=300", feed.Headers.CacheControl.ToString());
        var revalidated = await FeedAsync(site, new() { ["If-None-Match"] = feed.Headers.ETag.ToString() });
        Assert.Equal(304, revalidated.Status);
        Assert.Equal("public, max-age=60, stale-while-revalidate=300", revalidated.Headers.CacheControl.ToString());

        var missing = await TestSite.InvokeAsync(r => new GetFeed(site.Handlers).Run(r, "nothing.rss"), path: "/api/feeds/nothing.rss");
        Assert.Equal(404, missing.Status);
        Assert.Equal("no-store", missing.Headers.CacheControl.ToString());

        await using var configured = await SampleSiteAsync(azurite, new() { ["Syndication:StaleWhileRevalidateSeconds"] = "30", ["Syndication:MaxAgeSeconds"] = "10" });
        Assert.Equal("public, max-age=10, stale-while-revalidate=30", (await FeedAsync(configured)).Headers.CacheControl.ToString());
    }

    [Fact]
    public async Task ImagesAreCachedMinutesInBrowsersAnHourInACdnAndRevalidatedWithTheirETagNeverImmutable()
    {
        await using var site = await SampleSiteAsync(azurite);
        var enclosure = FeedParsers.Syndication((await FeedAsync(site)).Body).Items.Single().Links.Single(l => l.RelationshipType == "enclosure");
        Assert.Matches(@"/api/images/[^/]+/photo-1\.jpg\?v=[0-9a-f]{16}$", enclosure.Uri.AbsoluteUri);

        var versioned = await ImageAsync(site, enclosure.Uri.Query);
        Assert.Equal(200, versioned.Status);
        Assert.Equal("public, max-age=300, s-maxage=3600", versioned.Headers.CacheControl.ToString());
        Assert.Equal(await File.ReadAllBytesAsync(Photo), versioned.Body);
        Assert.Equal("bytes", versioned.Headers.AcceptRanges.ToString());
        Assert.NotEmpty(versioned.Headers.LastModified.ToString());
        var unversioned = await ImageAsync(site);
        Assert.Equal(versioned.Headers.CacheControl.ToString(), unversioned.Headers.CacheControl.ToString());

        var revalidated = await ImageAsync(site, enclosure.Uri.Query, new() { ["If-None-Match"] = versioned.Headers.ETag.ToString() });
        Assert.Equal(304, revalidated.Status);
        Assert.Empty(revalidated.Body);
        Assert.Equal("public, max-age=300, s-maxage=3600", revalidated.Headers.CacheControl.ToString());
        var since = await ImageAsync(site, enclosure.Uri.Query, new() { ["If-Modified-Since"] = versioned.Headers.LastModified.ToString() });
        Assert.Equal(304, since.Status);

        // New bytes get a new URL at once (feeds link ?v=), so the bound only matters for withdrawals.
        await site.UploadAsync($"{Repo.SampleSlug}/photo-1.jpg", await File.ReadAllBytesAsync(Repo.Samples(Repo.SampleSlug, "photo-2.png")));
        await site.Ingestor.ReconcileAsync();
        var changed = FeedParsers.Syndication((await FeedAsync(site)).Body).Items.Single().Links.Single(l => l.RelationshipType == "enclosure");
        Assert.NotEqual(enclosure.Uri.Query, changed.Uri.Query);
        Assert.Equal(await File.ReadAllBytesAsync(Repo.Samples(Repo.SampleSlug, "photo-2.png")), (await ImageAsync(site, changed.Uri.Query)).Body);

        await using var configured = await SampleSiteAsync(azurite, new() { ["Syndication:ImageMaxAgeSeconds"] = "60", ["Syndication:ImageSharedMaxAgeSeconds"] = "0" });
        Assert.Equal("public, max-age=60", (await ImageAsync(configured)).Headers.CacheControl.ToString());
    }

    [Fact]
    public async Task AWithdrawnArticlesImagesAnswer410AndNoCacheKeepsThatAnswer()
    {
        await using var site = await SampleSiteAsync(azurite);
        var cached = await ImageAsync(site);
        Assert.Equal(200, cached.Status);
        var json = System.Text.Json.Nodes.JsonNode.Parse((await TestSite.InvokeAsync(r => new GetFeed(site.Handlers).Run(r, "all.json"))).Text)!;
        var rendition = new Uri((string)json["items"]![0]!["image"]!).AbsolutePath.Split('/');
        Assert.Equal("renditions", rendition[^2]);
        Task<TestResponse> RenditionAsync() => TestSite.InvokeAsync(r => new GetRendition(site.Handlers).Run(r, rendition[^3], rendition[^1]));
        Assert.Equal(200, (await RenditionAsync()).Status);

        await site.Incoming.DeleteBlobAsync(Repo.SampleSlug + ".txt");
        await site.Ingestor.IngestSlugAsync(Repo.SampleSlug);

        var gone = await ImageAsync(site);
        Assert.Equal(410, gone.Status);
        Assert.Equal("no-store", gone.Headers.CacheControl.ToString());
        // A cache revalidating the copy it kept is told it is gone, not 304.
        Assert.Equal(410, (await ImageAsync(site, headers: new() { ["If-None-Match"] = cached.Headers.ETag.ToString() })).Status);
        Assert.Equal(410, (await ImageAsync(site, headers: new() { ["Range"] = "bytes=0-9" })).Status);
        Assert.Equal(410, (await RenditionAsync()).Status);
        var never = await TestSite.InvokeAsync(r => new GetImage(site.Handlers).Run(r, "never-published", "photo-1.jpg"),
            path: "/api/images/never-published/photo-1.jpg");
        Assert.Equal(404, never.Status);
    }

    [Fact]
    public async Task ImageRangesAnswer206WithTheBytesAskedForAnd416WhenTheImageHasNone()
    {
        await using var site = await SampleSiteAsync(azurite);
        var bytes = await File.ReadAllBytesAsync(Photo);
        var total = bytes.Length;

        var head = await ImageAsync(site, headers: new() { ["Range"] = "bytes=0-99" });
        Assert.Equal(206, head.Status);
        Assert.Equal($"bytes 0-99/{total}", head.Headers.ContentRange.ToString());
        Assert.Equal(bytes[..100], head.Body);
        Assert.Equal("image/jpeg", head.ContentType);

        var tail = await ImageAsync(site, headers: new() { ["Range"] = "bytes=-10" });
        Assert.Equal(206, tail.Status);
        Assert.Equal($"bytes {total - 10}-{total - 1}/{total}", tail.Headers.ContentRange.ToString());
        Assert.Equal(bytes[^10..], tail.Body);

        var rest = await ImageAsync(site, headers: new() { ["Range"] = $"bytes={total - 5}-{total + 1000}" });
        Assert.Equal(bytes[^5..], rest.Body);

        var beyond = await ImageAsync(site, headers: new() { ["Range"] = $"bytes={total}-" });
        Assert.Equal(416, beyond.Status);
        Assert.Equal($"bytes */{total}", beyond.Headers.ContentRange.ToString());

        var stale = await ImageAsync(site, headers: new() { ["Range"] = "bytes=0-99", ["If-Range"] = "\"an-older-version\"" });
        Assert.Equal(200, stale.Status);
        Assert.Equal(bytes, stale.Body);

        var resumed = await ImageAsync(site, headers: new() { ["Range"] = "bytes=100-", ["If-Range"] = stale.Headers.ETag.ToString() });
        Assert.Equal(206, resumed.Status);
        Assert.Equal(bytes[100..], resumed.Body);
    }
}
