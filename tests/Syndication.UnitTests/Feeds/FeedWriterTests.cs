using System.Xml.Linq;
using Syndication.Feeds;
using Syndication.Tests.Support;

namespace Syndication.Tests.Feeds;

/// <summary>One shared sample feed, written in each format and read back by independent parsers.</summary>
public sealed class FeedWriterTests
{
    private static readonly Uri Base = new("https://news.example.com/api/");

    internal static Feed SampleFeed(int items = 2) => new()
    {
        Id = "urn:uuid:00000000-0000-5000-8000-000000000001",
        Title = "Example News",
        Description = "News & views <from> us",
        Link = Base,
        SelfUrl = new Uri(Base, "feeds/all.rss"),
        Language = "en",
        Updated = new DateTimeOffset(2024, 3, 6, 10, 0, 0, TimeSpan.Zero),
        Items = Enumerable.Range(1, items).Select(i => new FeedItem
        {
            Id = $"urn:uuid:00000000-0000-5000-8000-00000000010{i}",
            Title = $"Story {i} & <more>",
            Link = new Uri(Base, $"articles/story-{i}"),
            Summary = $"Summary {i}",
            ContentHtml = [$"<figure><img src=\"https://news.example.com/api/images/story-{i}/a.jpg\"></figure>", $"<p>Body {i} ]]> end</p>"],
            Published = new DateTimeOffset(2024, 3, 6 - i, 8, 0, 0, TimeSpan.Zero),
            Updated = new DateTimeOffset(2024, 3, 6, 9, 0, 0, TimeSpan.Zero),
            Authors = ["Ana Lima", "Ben Okafor"],
            Categories = ["Local"],
            Tags = ["harbour"],
            Images =
            [
                new FeedImage(new Uri(Base, $"images/story-{i}/a.jpg"), 33326, "image/jpeg", 1200, 800, "Caption A", "Credit A", null),
                new FeedImage(new Uri(Base, $"images/story-{i}/b.png"), 49006, "image/png", 1024, 683, "Caption B", null, "Alt B"),
            ],
        }).ToList(),
    };

    [Fact]
    public void RssReadsBackWithTheSameItemsDatesAndOneEnclosure()
    {
        var bytes = FeedFormats.Rss.Write(SampleFeed());
        var feed = FeedParsers.Syndication(bytes);
        Assert.Equal("Example News", feed.Title.Text);
        Assert.Equal(2, feed.Items.Count());
        var item = feed.Items.First();
        Assert.Equal("Story 1 & <more>", item.Title.Text);
        Assert.Equal("urn:uuid:00000000-0000-5000-8000-000000000101", item.Id);
        Assert.Equal(new DateTimeOffset(2024, 3, 5, 8, 0, 0, TimeSpan.Zero), item.PublishDate);
        var enclosure = Assert.Single(item.Links, l => l.RelationshipType == "enclosure");
        Assert.Equal(33326, enclosure.Length);
        Assert.Equal("image/jpeg", enclosure.MediaType);

        var reader = FeedParsers.FeedReader(bytes);
        Assert.Contains(reader.Type, new[] { CodeHollow.FeedReader.FeedType.Rss_2_0, CodeHollow.FeedReader.FeedType.MediaRss });
        Assert.Equal("Story 1 & <more>", reader.Items[0].Title);
        Assert.Contains("Body 1 ]]> end", reader.Items[0].Content);
    }

    [Fact]
    public void RssCarriesMediaRssForEveryImageAndDcCreators()
    {
        var doc = FeedParsers.Document(FeedFormats.Rss.Write(SampleFeed()));
        var item = doc.Descendants("item").First();
        var media = item.Elements(FeedParsers.Media + "content").ToList();
        Assert.Equal(2, media.Count);
        Assert.Equal(["1200", "800", "image", "33326"], new[] { "width", "height", "medium", "fileSize" }.Select(a => (string)media[0].Attribute(a)!));
        Assert.Equal("Caption A", (string?)media[0].Element(FeedParsers.Media + "description"));
        Assert.Equal("Credit A", (string?)media[0].Element(FeedParsers.Media + "credit"));
        Assert.Equal("Caption B", (string?)media[1].Element(FeedParsers.Media + "description"));
        Assert.NotNull(item.Element(FeedParsers.Media + "thumbnail"));
        Assert.Equal(["Ana Lima", "Ben Okafor"], item.Elements(FeedParsers.Dc + "creator").Select(e => e.Value));
        Assert.Equal("false", (string?)item.Element("guid")!.Attribute("isPermaLink"));
        var self = doc.Descendants(FeedParsers.Atom + "link").Single();
        Assert.Equal("self", (string?)self.Attribute("rel"));
        Assert.DoesNotContain("a10:", System.Text.Encoding.UTF8.GetString(FeedFormats.Rss.Write(SampleFeed())));
    }

    [Fact]
    public void AtomReadsBackWithAnEnclosureLinkPerImage()
    {
        var bytes = FeedFormats.Atom.Write(SampleFeed());
        var feed = FeedParsers.Syndication(bytes);
        var item = feed.Items.First();
        Assert.Equal("Story 1 & <more>", item.Title.Text);
        Assert.Equal(new DateTimeOffset(2024, 3, 5, 8, 0, 0, TimeSpan.Zero), item.PublishDate);
        Assert.Equal(new DateTimeOffset(2024, 3, 6, 9, 0, 0, TimeSpan.Zero), item.LastUpdatedTime);
        var enclosures = item.Links.Where(l => l.RelationshipType == "enclosure").ToList();
        Assert.Equal([33326L, 49006L], enclosures.Select(e => e.Length));
        Assert.Equal(["Ana Lima", "Ben Okafor"], item.Authors.Select(a => a.Name));
        Assert.Contains("Body 1 ]]> end", ((System.ServiceModel.Syndication.TextSyndicationContent)item.Content).Text);

        var reader = FeedParsers.FeedReader(bytes);
        Assert.Equal(CodeHollow.FeedReader.FeedType.Atom, reader.Type);
        Assert.Equal(2, reader.Items.Count);
    }

    [Fact]
    public void AnItemWithoutImagesHasNoEnclosure()
    {
        var feed = SampleFeed(1) with { Items = [SampleFeed(1).Items[0] with { Images = [] }] };
        var doc = FeedParsers.Document(FeedFormats.Rss.Write(feed));
        Assert.Empty(doc.Descendants("enclosure"));
        Assert.Empty(doc.Descendants(FeedParsers.Media + "content"));
    }

    [Fact]
    public void AnEmptyFeedIsStillValid()
    {
        var feed = SampleFeed(0);
        Assert.Empty(FeedParsers.Syndication(FeedFormats.Rss.Write(feed)).Items);
        Assert.Empty(FeedParsers.Syndication(FeedFormats.Atom.Write(feed)).Items);
    }

    [Fact]
    public void RssDatesAreRfc822WithFourDigitYears()
    {
        var doc = FeedParsers.Document(FeedFormats.Rss.Write(SampleFeed()));
        Assert.Equal("Tue, 05 Mar 2024 08:00:00 GMT", doc.Descendants("pubDate").First().Value);
    }

    [Fact]
    public void FormatsAreChosenByFileExtension()
    {
        Assert.Equal(("all", FeedFormats.Rss), FeedFormats.FromFileName("all.rss"));
        Assert.Equal(("all", FeedFormats.Atom), FeedFormats.FromFileName("all.atom"));
        Assert.Null(FeedFormats.FromFileName("all.txt"));
        Assert.Null(FeedFormats.FromFileName("all"));
    }
}
