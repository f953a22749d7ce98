using Microsoft.Extensions.Logging.Abstractions;
using Syndication.Functions;
using Syndication.Ingestion;
using Syndication.Tests.Support;

namespace Syndication.Tests.Ingestion;

/// <summary>The sample article end to end on Azurite: blob trigger function in, feed functions out, parsed back.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class SampleArticleTests(AzuriteFixture azurite)
{
    private static async Task IngestAllAsync(TestSite site)
    {
        var function = new IngestArticle(site.Ingestor, NullLogger<IngestArticle>.Instance);
        await foreach (var blob in site.Incoming.GetBlobsAsync())
            await function.Run(site.Incoming.GetBlobClient(blob.Name), CancellationToken.None);
    }

    private static Task<TestResponse> FeedAsync(TestSite site, string file, string query = "") =>
        TestSite.InvokeAsync(r => new GetFeed(site.Handlers).Run(r, file), path: "/api/feeds/" + file, query: query);

    [Fact]
    public async Task SampleArticleAppearsInRssWithTitleDateAndImageEnclosures()
    {
        await using var site = new TestSite(azurite);
        await site.UploadSampleAsync();
        await IngestAllAsync(site);

        var response = await FeedAsync(site, "all.rss");
        Assert.Equal(200, response.Status);
        Assert.Equal("application/rss+xml; charset=utf-8", response.ContentType);
        var feed = FeedParsers.Syndication(response.Body);
        var item = Assert.Single(feed.Items);
        Assert.Equal("Trump-Kim summit ends early, leaders leave with no nuclear deal", item.Title.Text);
        Assert.Equal(new DateTimeOffset(2019, 2, 28, 0, 0, 0, TimeSpan.Zero), item.PublishDate);
        Assert.Equal("https://news.example.com/api/articles/" + Repo.SampleSlug, item.Links.Single(l => l.RelationshipType == "alternate").Uri.AbsoluteUri);
        var enclosure = Assert.Single(item.Links, l => l.RelationshipType == "enclosure");
        Assert.Matches("^https://news.example.com/api/images/000_11b3e0eb4ad0bcf4/photo-1.jpg\\?v=[0-9a-f]{16}$", enclosure.Uri.AbsoluteUri);
        Assert.Equal(new FileInfo(Repo.Samples(Repo.SampleSlug, "photo-1.jpg")).Length, enclosure.Length);
        Assert.Equal("image/jpeg", enclosure.MediaType);

        var doc = FeedParsers.Document(response.Body);
        // The originals are the item's media:content; their renditions follow in a media:group each.
        var media = doc.Descendants("item").Single().Elements(FeedParsers.Media + "content").ToList();
        Assert.Equal(["1200x800", "1024x683"], media.Select(m => $"{m.Attribute("width")!.Value}x{m.Attribute("height")!.Value}"));
        Assert.Equal(["Vietnam News Agency/Handout/Getty Images", "Saul LOEB / AFP"], media.Select(m => m.Element(FeedParsers.Media + "credit")!.Value));

        var reader = FeedParsers.FeedReader(response.Body);
        var readerItem = Assert.Single(reader.Items);
        Assert.Equal(new DateTime(2019, 2, 28, 0, 0, 0, DateTimeKind.Utc), readerItem.PublishingDate?.ToUniversalTime());
        Assert.StartsWith("<figure><img src=\"https://news.example.com/api/images/000_11b3e0eb4ad0bcf4/photo-1.jpg?v=", readerItem.Content);
        Assert.DoesNotContain("Advertisement", readerItem.Content);
    }

    [Fact]
    public async Task EnclosureUrlsResolveThroughTheImageEndpointToTheSameBytes()
    {
        await using var site = new TestSite(azurite);
        await site.UploadSampleAsync();
        await IngestAllAsync(site);

        var atom = FeedParsers.Syndication((await FeedAsync(site, "all.atom")).Body);
        var enclosures = atom.Items.Single().Links.Where(l => l.RelationshipType == "enclosure").ToList();
        Assert.Equal(2, enclosures.Count);
        foreach (var enclosure in enclosures)
        {
            var segments = enclosure.Uri.Segments.Select(s => s.Trim('/')).ToArray();
            Assert.Equal(["", "api", "images"], segments[..3]);
            var response = await TestSite.InvokeAsync(r => new GetImage(site.Handlers).Run(r, segments[3], segments[4]));
            Assert.Equal(200, response.Status);
            Assert.Equal(enclosure.MediaType, response.ContentType);
            Assert.Equal(enclosure.Length, response.Body.Length);
            Assert.Equal(await File.ReadAllBytesAsync(Repo.Samples(Repo.SampleSlug, segments[4])), response.Body);
            Assert.Equal("nosniff", response.Headers["X-Content-Type-Options"].ToString());
        }
    }

    [Fact]
    public async Task ReuploadingKeepsOneItemWithTheSameGuidAndAChangeUpdatesIt()
    {
        await using var site = new TestSite(azurite);
        await site.UploadSampleAsync();
        await IngestAllAsync(site);
        var first = FeedParsers.Syndication((await FeedAsync(site, "all.rss")).Body).Items.Single();

        await site.UploadSampleAsync();
        await IngestAllAsync(site);
        var again = FeedParsers.Syndication((await FeedAsync(site, "all.rss")).Body).Items.Single();
        Assert.Equal(first.Id, again.Id);

        var text = await File.ReadAllTextAsync(Repo.Samples(Repo.SampleSlug + ".txt"));
        await site.UploadTextAsync(Repo.SampleSlug + ".txt", text.Replace("leaders leave with no nuclear deal", "no deal reached"));
        Assert.Equal(IngestResult.Updated, (await site.Ingestor.IngestBlobAsync(Repo.SampleSlug + ".txt")).Result);
        var changed = FeedParsers.Syndication((await FeedAsync(site, "all.rss")).Body).Items.Single();
        Assert.Equal(first.Id, changed.Id);
        Assert.Equal("Trump-Kim summit ends early, no deal reached", changed.Title.Text);
        Assert.True(changed.LastUpdatedTime >= first.LastUpdatedTime);
    }

    [Fact]
    public async Task AnImageArrivingAfterItsDocumentUpdatesTheItem()
    {
        await using var site = new TestSite(azurite);
        await site.UploadAsync(Repo.SampleSlug + ".txt", await File.ReadAllBytesAsync(Repo.Samples(Repo.SampleSlug + ".txt")));
        await IngestAllAsync(site);
        Assert.Empty(FeedParsers.Document((await FeedAsync(site, "all.rss")).Body).Descendants("enclosure"));

        var image = await site.UploadAsync(Repo.SampleSlug + "/photo-2.png", await File.ReadAllBytesAsync(Repo.Samples(Repo.SampleSlug, "photo-2.png")));
        await new IngestArticle(site.Ingestor, NullLogger<IngestArticle>.Instance).Run(image, CancellationToken.None);

        var enclosure = FeedParsers.Document((await FeedAsync(site, "all.rss")).Body).Descendants("enclosure").Single();
        Assert.Equal("image/png", enclosure.Attribute("type")!.Value);
        Assert.Equal("49006", enclosure.Attribute("length")!.Value);
    }

    [Fact]
    public async Task PublishedDateFromBlobMetadataWinsOverTheText()
    {
        await using var site = new TestSite(azurite);
        await site.UploadAsync(Repo.SampleSlug + ".txt", await File.ReadAllBytesAsync(Repo.Samples(Repo.SampleSlug + ".txt")),
            new Dictionary<string, string> { ["published"] = "2019-03-01T06:30:00Z" });
        await IngestAllAsync(site);
        var item = FeedParsers.Syndication((await FeedAsync(site, "all.atom")).Body).Items.Single();
        Assert.Equal(new DateTimeOffset(2019, 3, 1, 6, 30, 0, TimeSpan.Zero), item.PublishDate);
    }

    [Fact]
    public async Task ArticlePageShowsTheArticleWithItsImagesAndCredits()
    {
        await using var site = new TestSite(azurite);
        await site.UploadSampleAsync();
        await IngestAllAsync(site);
        var page = await TestSite.InvokeAsync(r => new GetArticlePage(site.Handlers).Run(r, Repo.SampleSlug));
        Assert.Equal(200, page.Status);
        Assert.Equal("text/html; charset=utf-8", page.ContentType);
        Assert.Contains("<h1>Trump-Kim summit ends early, leaders leave with no nuclear deal</h1>", page.Text);
        Assert.Contains("<small>Saul LOEB / AFP</small>", page.Text);
        Assert.Contains("images/000_11b3e0eb4ad0bcf4/photo-2.png", page.Text);
        Assert.Contains("default-src 'none'", page.Headers["Content-Security-Policy"].ToString());
        Assert.Equal(404, (await TestSite.InvokeAsync(r => new GetArticlePage(site.Handlers).Run(r, "missing"))).Status);
    }
}
