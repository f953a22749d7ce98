using System.Text.Json.Nodes;
using System.Xml.Linq;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Options;
using SkiaSharp;
using Syndication.Functions;
using Syndication.Images;
using Syndication.Ingestion;
using Syndication.Storage;
using Syndication.Tests.Hostile;
using Syndication.Tests.Support;

namespace Syndication.Tests.Images;

[Collection(AzuriteCollection.Name)]
public sealed class RenditionIngestionTests(AzuriteFixture azurite)
{
    private static readonly XNamespace Media = FeedParsers.Media;

    private static BlobContainerClient Published(TestSite site) =>
        site.Get<BlobServiceClient>().GetBlobContainerClient(site.Get<IOptions<StorageOptions>>().Value.PublishedContainer);

    private static async Task<Dictionary<string, string>> RenditionBlobsAsync(TestSite site, string slug)
    {
        var blobs = new Dictionary<string, string>();
        await foreach (var b in Published(site).GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, $"renditions/{slug}/", default)) blobs[b.Name] = b.Properties.ETag.ToString()!;
        return blobs;
    }

    private static async Task PublishAsync(TestSite site, string slug, byte[] image, string file = "lead.jpg")
    {
        await site.UploadAsync($"{slug}/{file}", image);
        await site.UploadTextAsync($"{slug}.md", $"---\ntitle: {slug}\npublished: 2024-03-05\nimages:\n  - file: {file}\n    caption: The lead\n---\nBody.\n");
        Assert.NotEqual(IngestResult.Rejected, (await site.Ingestor.IngestSlugAsync(slug)).Result);
    }

    [Fact]
    public async Task FeedsAndPagesCarryTheRenditionsAndTheyAreCachedAsOriginalsAre()
    {
        await using var site = new TestSite(azurite);
        var source = TestImages.Jpeg(2400, 1600, new SKRectI(600, 400, 1800, 1200));
        await PublishAsync(site, "harbour", source);

        var rss = FeedParsers.Document((await TestSite.InvokeAsync(r => new GetFeed(site.Handlers).Run(r, "all.rss"))).Body);
        var item = rss.Descendants("item").Single();
        var original = item.Elements(Media + "content").Single();
        Assert.Equal("2400", (string?)original.Attribute("width"));
        var group = item.Element(Media + "group")!.Elements(Media + "content").ToList();
        Assert.Equal(6, group.Count);
        Assert.All(group, c => Assert.Equal("image", (string?)c.Attribute("medium")));
        var thumbnail = item.Element(Media + "thumbnail")!;
        Assert.Equal(("640", "360"), ((string?)thumbnail.Attribute("width"), (string?)thumbnail.Attribute("height")));
        var thumbUrl = new Uri((string)thumbnail.Attribute("url")!);
        var listed = group.Single(c => (string?)c.Attribute("url") == thumbUrl.AbsoluteUri);
        Assert.Equal("image/jpeg", (string?)listed.Attribute("type"));

        // Served at its content-addressed URL: true type and length, a bounded cache life (never immutable), ranges.
        var segments = thumbUrl.AbsolutePath.Split('/');
        var served = await TestSite.InvokeAsync(r => new GetRendition(site.Handlers).Run(r, segments[3], segments[5]));
        Assert.Equal(200, served.Status);
        Assert.Equal("image/jpeg", served.ContentType);
        Assert.Equal((string?)listed.Attribute("fileSize"), served.Body.Length.ToString());
        Assert.Equal("public, max-age=300, s-maxage=3600", served.Headers.CacheControl.ToString());
        var (width, height, _) = TestImages.Decode(served.Body);
        Assert.Equal((640, 360), (width, height));
        var part = await TestSite.InvokeAsync(r => new GetRendition(site.Handlers).Run(r, segments[3], segments[5]),
            headers: new Dictionary<string, string> { ["Range"] = "bytes=0-99" });
        Assert.Equal((206, 100), (part.Status, part.Body.Length));
        var again = await TestSite.InvokeAsync(r => new GetRendition(site.Handlers).Run(r, segments[3], segments[5]),
            headers: new Dictionary<string, string> { ["If-None-Match"] = served.Headers.ETag.ToString() });
        Assert.Equal(304, again.Status);

        // Atom too; JSON Feed's image and banner are the promo rendition.
        var atom = FeedParsers.Document((await TestSite.InvokeAsync(r => new GetFeed(site.Handlers).Run(r, "all.atom"))).Body);
        Assert.Equal(thumbUrl.AbsoluteUri, (string?)atom.Descendants(Media + "thumbnail").Single().Attribute("url"));
        var json = JsonNode.Parse((await TestSite.InvokeAsync(r => new GetFeed(site.Handlers).Run(r, "all.json"))).Text)!["items"]![0]!;
        var promo = (string)json["image"]!;
        Assert.Equal(promo, (string?)json["banner_image"]);
        Assert.Contains("-promo-1200x628-", promo);
        Assert.Contains(group, c => (string?)c.Attribute("url") == promo && (string?)c.Attribute("width") == "1200" && (string?)c.Attribute("height") == "628");

        // The page offers the thumbnail to narrow screens.
        var page = (await TestSite.InvokeAsync(r => new GetArticlePage(site.Handlers).Run(r, "harbour"))).Text;
        Assert.Contains($"srcset=\"{thumbUrl.AbsoluteUri} 640w, ", page);
        Assert.Contains("sizes=\"(max-width: 720px) 100vw, 720px\"", page);
    }

    [Fact]
    public async Task ReingestingTheSameBytesReusesTheRenditionsAndNewBytesReplaceThem()
    {
        await using var site = new TestSite(azurite);
        var source = TestImages.Jpeg(1400, 1400, new SKRectI(0, 0, 700, 700));
        await PublishAsync(site, "quay", source);
        var first = await RenditionBlobsAsync(site, "quay");
        Assert.Equal(6, first.Count);

        // The same bytes uploaded again (a new ETag): no rendition is written again.
        await site.UploadAsync("quay/lead.jpg", source);
        await site.Ingestor.IngestSlugAsync("quay");
        Assert.Equal(first, await RenditionBlobsAsync(site, "quay"));
        var row = (await site.Store.ArticleBySlugAsync("quay"))!.Value.Article;
        Assert.Equal(first.Keys.Order(), row.Images.Single().Renditions!.Select(r => ArticleStore.RenditionBlob("quay", r.Name)).Order());

        // New bytes: new names, and the old renditions go.
        await site.UploadAsync("quay/lead.jpg", TestImages.Jpeg(1400, 1400, new SKRectI(700, 700, 1400, 1400)));
        await site.Ingestor.IngestSlugAsync("quay");
        var replaced = await RenditionBlobsAsync(site, "quay");
        Assert.Equal(6, replaced.Count);
        Assert.Empty(replaced.Keys.Intersect(first.Keys));
    }

    [Fact]
    public async Task AnImageThatCannotBeDecodedIsPublishedWithoutRenditionsAndRecorded()
    {
        await using var site = new TestSite(azurite);
        var source = TestImages.Jpeg(1600, 900, new SKRectI(0, 0, 1600, 900));
        await PublishAsync(site, "storm", source[..(source.Length / 3)]);

        var article = (await site.Store.ArticleBySlugAsync("storm"))!.Value.Article;
        var image = article.Images.Single();
        Assert.Null(image.Renditions);
        Assert.Equal(1600, image.Width);
        var rejection = (await site.Rejections.RejectionsAsync()).Single();
        Assert.Equal("storm/lead.jpg", rejection.BlobName);
        Assert.Equal("image: published without renditions, the image could not be decoded (IncompleteInput)", rejection.Reason);
        var rss = FeedParsers.Document((await TestSite.InvokeAsync(r => new GetFeed(site.Handlers).Run(r, "all.rss"))).Body);
        Assert.Null(rss.Descendants(Media + "group").FirstOrDefault());
        Assert.EndsWith("/storm/lead.jpg", AllSamples.Unversioned((string)rss.Descendants(Media + "thumbnail").Single().Attribute("url")!));
    }

    [Fact]
    public async Task EightLargeImagesIngestedAtOnceAreNeverDecodedMoreThanTheSettingAtOnce()
    {
        await using var site = new TestSite(azurite, new Dictionary<string, string?> { ["Syndication:MaxConcurrentDecodes"] = "2" });
        var source = TestImages.Png(6000, 4000, new SKRectI(2500, 1500, 3500, 2500));
        var slugs = Enumerable.Range(1, 8).Select(i => $"large-{i}").ToList();
        foreach (var slug in slugs)
        {
            await site.UploadAsync($"{slug}/lead.png", source);
            await site.UploadTextAsync($"{slug}.md", $"---\ntitle: {slug}\npublished: 2024-03-05\n---\nBody.\n");
        }

        var outcomes = await Task.WhenAll(slugs.Select(s => site.Ingestor.IngestSlugAsync(s)));

        Assert.All(outcomes, o => Assert.Equal(IngestResult.Published, o.Result));
        var gate = site.Get<DecodeGate>();
        Assert.Equal(8, gate.Entered);
        Assert.InRange(gate.MaxInFlight, 1, 2);
        foreach (var slug in slugs)
            Assert.Equal(6, (await site.Store.ArticleBySlugAsync(slug))!.Value.Article.Images.Single().Renditions!.Count);
    }

    [Fact]
    public async Task AnImageOverThePixelCapIsRefusedFromItsHeaderAndItsBlobKept()
    {
        await using var site = new TestSite(azurite);
        // A real PNG header declaring 12000x9000 (108 MP): the cap is read from it, no pixel is decoded.
        var source = ImageBytes.Png(12_000, 9_000);
        await site.UploadAsync("giant/lead.png", source);
        await site.UploadTextAsync("giant.md", "---\ntitle: Giant\npublished: 2024-03-05\nimages:\n  - file: lead.png\n---\nBody.\n");

        Assert.Equal(IngestResult.Published, (await site.Ingestor.IngestSlugAsync("giant")).Result);

        var rejection = (await site.Rejections.RejectionsAsync()).Single();
        Assert.Equal("giant/lead.png", rejection.BlobName);
        Assert.Matches("^image: 12000x9000 pixels is over the 100.000.000-pixel limit$", rejection.Reason);
        Assert.Empty((await site.Store.ArticleBySlugAsync("giant"))!.Value.Article.Images);
        Assert.Equal(0, site.Get<DecodeGate>().Entered);
        Assert.Equal(source, (await site.Incoming.GetBlobClient("giant/lead.png").DownloadContentAsync()).Value.Content.ToArray());
    }
}
