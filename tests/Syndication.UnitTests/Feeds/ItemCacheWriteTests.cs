using Microsoft.Extensions.Options;
using Syndication.Feeds;

namespace Syndication.Tests.Feeds;

/// <summary>The item cache sits in front of pure writers: a feed written through it is byte for byte the writer's.</summary>
public sealed class ItemCacheWriteTests
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

    // Every format a feed is written in, the partner profiles' RSS included.
    public static TheoryData<FeedFormat> Formats => new(FeedProfiles.Formats);

    // Each item with a revision, as FeedService gives them, so the cache keeps them.
    private static Feed Revised(Feed feed) => feed with { Items = feed.Items.Select((item, i) => item with { Revision = $"r{i}" }).ToList() };

    [Theory]
    [MemberData(nameof(Formats))]
    public void AFeedWrittenThroughTheItemCacheIsByteIdenticalToThePureWriter(FeedFormat format)
    {
        var feed = Revised(VariedFeed());
        using var cache = new ItemCache(Options.Create(new FeedOptions()));
        foreach (var item in feed.Items) cache.Keep(item);
        var pure = Text(format.Write(feed));
        Assert.Equal(pure, Text(cache.Write(feed, format))); // the items written and kept
        Assert.Equal(pure, Text(cache.Write(feed, format))); // the kept bytes reused
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void AFeedWithoutLanguageOrItemsWritesTheSameThroughTheCache(FeedFormat format)
    {
        using var cache = new ItemCache(Options.Create(new FeedOptions()));
        var feed = Revised(VariedFeed()) with { Language = null };
        foreach (var item in feed.Items) cache.Keep(item);
        cache.Write(feed, format);
        Assert.Equal(Text(format.Write(feed)), Text(cache.Write(feed, format)));
        var empty = feed with { Items = [] };
        Assert.Equal(Text(format.Write(empty)), Text(cache.Write(empty, format)));
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void AnItemAloneIsTheBytesTheFeedHoldsForIt(FeedFormat format)
    {
        var feed = VariedFeed();
        var whole = Text(format.Write(feed));
        foreach (var item in feed.Items) Assert.Contains(Text(format.Item(item)), whole);
    }

    private static string Text(byte[] bytes) => System.Text.Encoding.UTF8.GetString(bytes);
}
