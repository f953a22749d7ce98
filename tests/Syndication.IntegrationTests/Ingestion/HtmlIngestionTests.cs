using Syndication.Functions;
using Syndication.Ingestion;
using Syndication.Tests.Support;

namespace Syndication.Tests.Ingestion;

/// <summary>A saved HTML page and the pictures saved beside it, ingested on Azurite and read back from the RSS feed.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class HtmlIngestionTests(AzuriteFixture azurite)
{
    private const string Slug = "harbour-storm-html";

    [Fact]
    public async Task ASavedPageBecomesAnItemWithItsPicturesPairedByFileName()
    {
        await using var site = new TestSite(azurite);
        await site.UploadAsync(Slug + ".html", await File.ReadAllBytesAsync(Repo.Samples(Slug + ".html")));
        var lead = await File.ReadAllBytesAsync(Repo.Samples(Slug, "harbour-storm-lead.jpg"));
        await site.UploadAsync(Slug + "/breakwater-repairs.png", await File.ReadAllBytesAsync(Repo.Samples(Slug, "breakwater-repairs.png")));
        await site.UploadAsync(Slug + "/harbour-storm-lead.jpg", lead);
        Assert.Equal(IngestResult.Published, (await site.Ingestor.IngestBlobAsync(Slug + ".html")).Result);

        var rss = (await TestSite.InvokeAsync(r => new GetFeed(site.Handlers).Run(r, "all.rss"))).Body;
        var item = Assert.Single(FeedParsers.Syndication(rss).Items);
        Assert.Equal("Harbour closed for three days as storm damages breakwater", item.Title.Text);
        Assert.Equal(new DateTimeOffset(2024, 11, 18, 7, 45, 0, TimeSpan.Zero), item.PublishDate);
        var enclosure = Assert.Single(item.Links, l => l.RelationshipType == "enclosure");
        Assert.EndsWith($"/{Slug}/harbour-storm-lead.jpg", AllSamples.Unversioned(enclosure.Uri.AbsoluteUri));
        Assert.Equal(lead.Length, enclosure.Length);

        var media = FeedParsers.Document(rss).Descendants("item").Single().Elements(FeedParsers.Media + "content").ToList();
        Assert.Equal(["Jenna Polglase", "Harbour Authority"], media.Select(m => m.Element(FeedParsers.Media + "credit")!.Value));
        var content = Assert.Single(FeedParsers.FeedReader(rss).Items).Content;
        // Once as an image (its srcset names it again, beside its thumbnail rendition).
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(content, "src=\"[^\"]*harbour-storm-lead\\.jpg"));
        Assert.DoesNotContain("Advertisement", content);
        Assert.DoesNotContain("<script", content);
    }
}
