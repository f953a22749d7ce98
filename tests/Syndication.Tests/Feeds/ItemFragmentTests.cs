using Syndication.Feeds;

namespace Syndication.Tests.Feeds;

/// <summary>A feed composed from pre-rendered item fragments is byte for byte the feed rendered whole.</summary>
public sealed class ItemFragmentTests
{
    private static readonly Uri Base = new("https://news.example.com/api/");

    // The shared sample plus the shapes that change an item's markup: no summary, no images, a remote image, another
    // language than the feed's, none at all, characters that need escaping.
    internal static Feed VariedFeed()
    {
        var sample = FeedWriterTests.SampleFeed(3);
        var first = sample.Items[0];
        return sample with
        {
            NextUrl = new Uri(Base, "feeds/all.rss?after=x"),
            HubUrl = new Uri("https://hub.example.com/"),
            StylesheetUrl = new Uri(Base, "feeds/feed.xsl"),
            ImageUrl = new Uri(Base, "logo.png"),
            IconUrl = new Uri(Base, "icon.png"),
            Items =
            [
                first with { Language = "en" },
                sample.Items[1] with { Summary = null, Language = "fr-CA", Images = [] },
                sample.Items[2] with { Tags = ["Local", "Ünïcode & \"quotes\""], ContentHtml = ["<p>Tab\tand ]]> and é</p>"] },
                first with
                {
                    Id = "urn:uuid:00000000-0000-5000-8000-000000000199",
                    Authors = [],
                    Categories = [],
                    Tags = [],
                    ContentHtml = [],
                    Images = [new FeedImage(new Uri("https://cdn.example.org/remote.jpg"), 0, "", 0, 0, null, "Agency", null)],
                },
            ],
        };
    }

    public static TheoryData<FeedFormat> Formats => new(FeedFormats.All);

    [Theory]
    [MemberData(nameof(Formats))]
    public void AFeedOfFragmentsIsByteIdenticalToTheWholeRender(FeedFormat format)
    {
        var feed = VariedFeed();
        var fragments = feed.Items.Select(i => FeedFormats.WriteItem(i, format)).ToList();
        var composed = FeedFormats.Write(feed with { Items = [] }, format, fragments);
        Assert.Equal(Text(FeedFormats.Write(feed, format)), Text(composed));
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void AFeedWithoutLanguageOrItemsComposesTheSame(FeedFormat format)
    {
        var feed = VariedFeed() with { Language = null };
        var fragments = feed.Items.Select(i => FeedFormats.WriteItem(i, format)).ToList();
        Assert.Equal(Text(FeedFormats.Write(feed, format)), Text(FeedFormats.Write(feed with { Items = [] }, format, fragments)));
        var empty = feed with { Items = [] };
        Assert.Equal(Text(FeedFormats.Write(empty, format)), Text(FeedFormats.Write(empty, format, [])));
    }

    private static string Text(byte[] bytes) => System.Text.Encoding.UTF8.GetString(bytes);
}
