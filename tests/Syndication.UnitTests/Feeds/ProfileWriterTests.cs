using System.Globalization;
using System.Xml.Linq;
using Syndication.Feeds;
using Syndication.Tests.Support;
using Xunit.Abstractions;

namespace Syndication.Tests.Feeds;

/// <summary>
/// Each partner profile's RSS, written from the golden feed and checked element by element against what the platform
/// asks for (../shared/notes/partner-specs.md, docs/profiles/), then read back by parsers we did not write.
/// </summary>
public sealed class ProfileWriterTests(ITestOutputHelper output)
{
    private static readonly XNamespace Mi = FeedProfiles.MiNs, Dcterms = FeedProfiles.DctermsNs, Snf = FeedProfiles.SnfNs;
    private static readonly XNamespace Content = "http://purl.org/rss/1.0/modules/content/";
    private const string LongTitle = "Harbour reopens after the storm, and the ferries run to every island again";

    // The golden feed with a first item whose headline is over MSN's 54 characters and which gives a short title.
    private static Feed Golden(FeedProfile profile)
    {
        var feed = GoldenFeed.For(profile.Rss);
        return feed with { Items = [feed.Items[0] with { Title = LongTitle, ShortTitle = "Harbour reopens" }, .. feed.Items.Skip(1)] };
    }

    private static (XDocument Doc, List<XElement> Items) Written(FeedProfile profile, Feed? feed = null)
    {
        var doc = FeedParsers.Document(profile.Rss.Write(feed ?? Golden(profile)));
        return (doc, doc.Root!.Element("channel")!.Elements("item").ToList());
    }

    [Fact]
    public void MsnDeclaresItsNamespacesAndEveryItemHasGuidTitleFullBodyDatesAndThePrimaryLeadImage()
    {
        var feed = Golden(FeedProfiles.Msn);
        var (doc, items) = Written(FeedProfiles.Msn, feed);

        Assert.Equal(FeedProfiles.MiNs, doc.Root!.GetNamespaceOfPrefix("mi")?.NamespaceName);
        Assert.Equal(FeedProfiles.DctermsNs, doc.Root.GetNamespaceOfPrefix("dcterms")?.NamespaceName);
        Assert.Equal(FeedParsers.Media.NamespaceName, doc.Root.GetNamespaceOfPrefix("media")?.NamespaceName);
        var live = items.Take(feed.Items.Count).ToList();
        foreach (var (item, source) in live.Zip(feed.Items))
        {
            Assert.Equal(source.Id, item.Element("guid")!.Value);
            Assert.Equal(source.Title, item.Element("title")!.Value);
            Assert.Equal(source.Published, DateTimeOffset.Parse(item.Element("pubDate")!.Value, CultureInfo.InvariantCulture));
            Assert.Equal(source.Updated, DateTimeOffset.Parse(item.Element(Dcterms + "modified")!.Value, CultureInfo.InvariantCulture));
            var html = (item.Element(Content + "encoded") ?? item.Element("description"))!.Value;
            Assert.All(source.ContentHtml.Skip(source.Images.Count > 0 ? 1 : 0), part => Assert.Contains(part, html)); // the whole body
            Assert.Empty(item.Descendants(FeedParsers.Media + "group")); // MSN reads a media:group as a slideshow
            Assert.Empty(item.Elements("enclosure"));
        }
        var lead = live[0].Elements(FeedParsers.Media + "content").ToList();
        Assert.Equal(feed.Items[0].Images.Select(i => i.Url.AbsoluteUri), lead.Select(m => (string)m.Attribute("url")!));
        Assert.Equal(["true", null], lead.Select(m => (string?)m.Attribute("isDefault")));
        Assert.Contains($"<img class=\"{RssWriter.PrimaryImageClass}\" src=\"{feed.Items[0].Images[0].Url.AbsoluteUri}\"",
            live[0].Element(Content + "encoded")!.Value);
        Assert.Equal("true", (string?)live[1].Element(FeedParsers.Media + "content")!.Attribute("isDefault")); // a remote lead image too
        Assert.Empty(live[2].Elements(FeedParsers.Media + "content")); // no image, none invented
    }

    [Fact]
    public void MsnCarriesTheShortTitleOnlyWhenTheHeadlineIsOver54CharactersAndTheDocumentGivesOne()
    {
        var feed = Golden(FeedProfiles.Msn);
        feed = feed with { Items = [.. feed.Items, feed.Items[0] with { Id = "urn:uuid:6f1c2a3e-9b1d-5c4e-8f00-000000000104", ShortTitle = null },
            feed.Items[2] with { Id = "urn:uuid:6f1c2a3e-9b1d-5c4e-8f00-000000000105", ShortTitle = "Storm" }] };
        var (_, items) = Written(FeedProfiles.Msn, feed);

        Assert.Equal(["Harbour reopens", null, null, null, null], items.Take(5).Select(i => i.Element(Mi + "shortTitle")?.Value));
        Assert.True(LongTitle.Length > 54 && feed.Items[4].Title.Length <= 54);
    }

    [Fact]
    public void MsnGivesAWithdrawnArticleTheTitleAndDateItHad()
    {
        var published = new DateTimeOffset(2026, 11, 30, 8, 15, 0, TimeSpan.Zero);
        var feed = Golden(FeedProfiles.Msn);
        var tombstone = feed.Tombstones.Single() with { Title = "Harbour ferry withdrawn after a correction", Published = published };
        var (_, items) = Written(FeedProfiles.Msn, feed with { Tombstones = [tombstone] });

        var withdrawn = Assert.Single(items, i => i.Element("guid")!.Value == tombstone.Ref);
        Assert.Equal("Harbour ferry withdrawn after a correction", withdrawn.Element("title")!.Value);
        Assert.Equal(published, DateTimeOffset.Parse(withdrawn.Element("pubDate")!.Value, CultureInfo.InvariantCulture));
    }

    [Fact]
    public void MsnListsAWithdrawnArticleUnderItsIdExpiredWithANewerModifiedDate()
    {
        var feed = Golden(FeedProfiles.Msn);
        var (_, items) = Written(FeedProfiles.Msn, feed);

        var tombstone = feed.Tombstones.Single();
        var withdrawn = Assert.Single(items, i => i.Element("guid")!.Value == tombstone.Ref);
        Assert.Equal(tombstone.Link.AbsoluteUri, withdrawn.Element("link")!.Value);
        Assert.Equal(tombstone.When, DateTimeOffset.Parse(withdrawn.Element(Mi + "expirationDate")!.Value, CultureInfo.InvariantCulture));
        Assert.Equal(tombstone.When, DateTimeOffset.Parse(withdrawn.Element(Dcterms + "modified")!.Value, CultureInfo.InvariantCulture));
        Assert.Equal(feed.Items.Count + 1, items.Count);
        // A tombstone kept without its title and date (rows from before they were kept) still lists, without them.
        Assert.Null(withdrawn.Element("title"));
        Assert.Null(withdrawn.Element("pubDate"));
        // The public RSS says nothing of withdrawals (Atom has at:deleted-entry for that).
        Assert.DoesNotContain(tombstone.Ref, System.Text.Encoding.UTF8.GetString(FeedFormats.Rss.Write(GoldenFeed.For(FeedFormats.Rss))));
    }

    [Fact]
    public void MsnLeavesOutTheOldestItemsToStayUnder10Megabytes()
    {
        var feed = Golden(FeedProfiles.Msn);
        var body = "<p>" + new string('x', 500_000) + "</p>";
        var asked = new List<int>();
        feed = feed with
        {
            Items = Enumerable.Range(0, 25).Select(i => feed.Items[2] with { Id = $"urn:uuid:00000000-0000-5000-8000-{i:D12}", ContentHtml = [body] }).ToList(),
            NextUrl = new Uri("https://news.example.com/api/partners/msn/feeds/all.rss?after=page-end"),
            NextUrlAfter = i =>
            {
                asked.Add(i);
                return new Uri($"https://news.example.com/api/partners/msn/feeds/all.rss?after=item-{i}");
            },
        };

        var bytes = FeedProfiles.Msn.Rss.Write(feed);
        var items = FeedParsers.Document(bytes).Root!.Element("channel")!.Elements("item").Where(i => i.Element("title") is not null).ToList();

        output.WriteLine($"25 items of 500,000 characters ({feed.Items.Count * 500_000:N0} bytes of body): {items.Count} kept, {bytes.Length:N0} bytes");
        Assert.InRange(bytes.Length, 9_000_000, FeedProfiles.Msn.MaxBytes - 1);
        Assert.Equal(feed.Items.Take(items.Count).Select(i => i.Id), items.Select(i => i.Element("guid")!.Value)); // the newest kept
        Assert.InRange(items.Count, 17, 19);
        // The next page starts at the first item left out, so every item is on some page.
        var next = FeedParsers.Document(bytes).Root!.Element("channel")!.Elements(FeedParsers.Atom + "link").Single(l => (string)l.Attribute("rel")! == "next");
        Assert.Equal($"https://news.example.com/api/partners/msn/feeds/all.rss?after=item-{items.Count - 1}", (string)next.Attribute("href")!);
        // One link made (one signed cursor), the one written: not one per item of the page.
        Assert.Equal([items.Count - 1], asked);

        // A page under the bound is written whole and asks for none.
        asked.Clear();
        FeedProfiles.Msn.Rss.Write(feed with { Items = feed.Items.Take(3).ToList() });
        Assert.Empty(asked);
    }

    [Fact]
    public void MsnListsAtMostTheNewestThousandWithdrawalsAndStillEveryItem()
    {
        var feed = Golden(FeedProfiles.Msn);
        var tombstone = feed.Tombstones.Single();
        feed = feed with { Tombstones = Enumerable.Range(0, 1500).Select(i => tombstone with { Ref = $"urn:uuid:00000000-0000-5000-9000-{i:D12}" }).ToList() };

        var (_, items) = Written(FeedProfiles.Msn, feed);

        Assert.Equal(feed.Tombstones.Take(RssWriter.MaxWithdrawals).Select(t => t.Ref), items.Skip(feed.Items.Count).Select(i => i.Element("guid")!.Value));
        Assert.Equal(feed.Items.Select(i => i.Id), items.Take(feed.Items.Count).Select(i => i.Element("guid")!.Value));
    }

    [Fact]
    public void SmartNewsHasItsRequiredChannelElementsTheLogosAndThumbnailsFromTheRenditions()
    {
        var feed = Golden(FeedProfiles.SmartNews) with { LogoUrl = new Uri("https://news.example.com/logo.png"), DarkLogoUrl = new Uri("https://news.example.com/dark.png") };
        var (doc, items) = Written(FeedProfiles.SmartNews, feed);

        Assert.Equal(FeedProfiles.SnfNs, doc.Root!.GetNamespaceOfPrefix("snf")?.NamespaceName);
        var channel = doc.Root.Element("channel")!;
        foreach (var name in new[] { "title", "link", "description", "pubDate", "language" })
            Assert.False(string.IsNullOrWhiteSpace(channel.Element(name)?.Value), name);
        Assert.Equal(feed.Updated, DateTimeOffset.Parse(channel.Element("pubDate")!.Value, CultureInfo.InvariantCulture));
        Assert.Equal("https://news.example.com/logo.png", channel.Element(Snf + "logo")!.Element("url")!.Value);
        Assert.Equal("https://news.example.com/dark.png", channel.Element(Snf + "darkModeLogo")!.Element("url")!.Value);
        var thumbnail = items[0].Element(FeedParsers.Media + "thumbnail")!;
        var rendition = FeedRendition.Pick(feed.Items[0].Images[0].Renditions, FeedRendition.Thumbnail)!;
        Assert.Equal((rendition.Url.AbsoluteUri, "640", "360"), ((string)thumbnail.Attribute("url")!, (string)thumbnail.Attribute("width")!, (string)thumbnail.Attribute("height")!));
        Assert.Equal("image/jpeg", rendition.ContentType);
        Assert.Null(items[2].Element(FeedParsers.Media + "thumbnail"));
    }

    [Fact]
    public void FlipboardEnclosesThePromoRenditionElseAnOriginalOf500PixelsElseNothingAndKeepsBylinesAndCategories()
    {
        var feed = Golden(FeedProfiles.Flipboard);
        var lead = feed.Items[0].Images[0];
        feed = feed with { Items = [.. feed.Items,
            feed.Items[0] with { Id = "urn:uuid:6f1c2a3e-9b1d-5c4e-8f00-000000000106", Images = [lead with { Renditions = [] }] },
            feed.Items[0] with { Id = "urn:uuid:6f1c2a3e-9b1d-5c4e-8f00-000000000107", Images = [lead with { Renditions = [], Width = 800, Height = 499 }] }] };
        var (_, items) = Written(FeedProfiles.Flipboard, feed);

        var promo = FeedRendition.Pick(lead.Renditions, FeedRendition.Promo)!;
        Assert.Equal([promo.Url.AbsoluteUri, null, null, lead.Url.AbsoluteUri, null], items.Select(i => (string?)i.Element("enclosure")?.Attribute("url")));
        var enclosure = items[0].Element("enclosure")!;
        Assert.Equal((promo.Length.ToString(CultureInfo.InvariantCulture), "image/jpeg"), ((string)enclosure.Attribute("length")!, (string)enclosure.Attribute("type")!));
        Assert.True(Math.Min(promo.Width, promo.Height) >= 500);
        Assert.Equal(feed.Items[0].Authors, items[0].Elements(FeedParsers.Dc + "creator").Select(c => c.Value));
        Assert.Equal(["Local", "Harbour"], items[0].Elements("category").Select(c => c.Value));
        Assert.All(items, i => Assert.Empty(i.Elements(FeedParsers.Media + "content")));
    }

    public static TheoryData<string> Profiles => new(FeedProfiles.All.Select(p => p.Name));

    [Theory]
    [MemberData(nameof(Profiles))]
    public void EveryProfilesRssIsReadBackByTwoIndependentParsers(string name)
    {
        var profile = FeedProfiles.Find(name)!;
        var feed = Golden(profile);
        var bytes = profile.Rss.Write(feed);

        var net = FeedParsers.Syndication(bytes);
        var reader = FeedParsers.FeedReader(bytes);
        Assert.Equal(feed.Items.Select(i => i.Title), net.Items.Take(feed.Items.Count).Select(i => i.Title.Text));
        Assert.Equal(feed.Items.Select(i => i.Link.AbsoluteUri), reader.Items.Take(feed.Items.Count).Select(i => i.Link));
        Assert.Equal(feed.Items.Count + (profile.ListWithdrawals ? 1 : 0), net.Items.Count());
    }

    [Fact]
    public void TheStandardProfileIsThePublicRssItself()
    {
        Assert.Same(FeedFormats.Rss, FeedProfiles.Standard.Rss);
        Assert.Same(FeedFormats.Atom, FeedProfiles.Msn.Shape(FeedFormats.Atom));
        Assert.Equal("rss+msn", FeedProfiles.Msn.Shape(FeedFormats.Rss).ToString());
        Assert.Same(FeedProfiles.Standard, FeedProfiles.Of(null));
        Assert.Same(FeedProfiles.Standard, FeedProfiles.Of("retired-profile"));
        Assert.Null(FeedProfiles.Find("MSN"));
    }

    [Fact]
    public void EveryProfileHasItsPageAndEveryRuleCitesAnHttpsSource()
    {
        Assert.Equal(FeedProfiles.All.Count, FeedProfiles.All.Select(p => p.Name).Distinct().Count());
        foreach (var profile in FeedProfiles.All)
        {
            Assert.True(File.Exists(Repo.Path(profile.Docs)), profile.Docs);
            Assert.All(profile.Rules, r => Assert.StartsWith("https://", r.Source));
            var page = File.ReadAllText(Repo.Path(profile.Docs));
            Assert.All(profile.Rules, r => Assert.Contains(r.Source, page));
        }
    }
}
