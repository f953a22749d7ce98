using System.Globalization;
using System.Text.Json;
using Syndication.Tests.Support;

namespace Syndication.Tests.Conformance;

/// <summary>
/// Every format read back by parsers we did not write (Python's feedparser and jing as processes;
/// System.ServiceModel.Syndication, CodeHollow.FeedReader and System.Text.Json in process), each compared with the
/// sample files themselves: the same items, titles, links, dates and enclosures.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class IndependentParserTests(AzuriteFixture azurite)
{
    private static readonly IReadOnlyList<SampleArticle> Samples = AllSamples.Articles;

    [NeedsValidatorsFact]
    public async Task FeedparserReadsOurRssWithoutBozoAndSeesTheSampleItems()
    {
        await using var site = new TestSite(azurite);
        await AllSamples.IngestAsync(site);
        var rss = await AllSamples.FeedAsync(site, "all.rss");

        var parsed = await ExternalValidators.FeedparserAsync(rss.Body, rss.ContentType!);
        AssertNoBozo(parsed);
        Assert.Equal("rss20", parsed.GetProperty("version").GetString());
        var entries = Entries(parsed);
        Assert.Equal(Samples.Select(s => s.Title), entries.Select(e => Text(e, "title")));
        Assert.Equal(Samples.Select(s => s.Link), entries.Select(e => Text(e, "link")));
        Assert.Equal(Samples.Select(s => Iso(s.Published)), entries.Select(e => Text(e, "published")));
        // RSS allows one enclosure per item: the lead image; every image is a media:content.
        Assert.Equal(Samples.Select(s => Enclosure(s, s.Images[0])), entries.Select(e => AllSamples.Unversioned(Enclosures(e).Single())));
        Assert.Equal(Samples.Select(s => s.Images.Select(i => s.ImageUrl(i))),
            entries.Select(e => e.GetProperty("media_content").EnumerateArray().Select(m => AllSamples.Unversioned(Text(m, "url")))
                .Where(u => !u.Contains("/renditions/"))));

        var net = FeedParsers.Syndication(rss.Body);
        Assert.Equal(entries.Select(e => Text(e, "id")), net.Items.Select(i => i.Id));
        Assert.Equal(entries.Select(e => Text(e, "title")), net.Items.Select(i => i.Title.Text));
        Assert.Equal(entries.Select(e => Text(e, "link")), net.Items.Select(i => i.Links.Single(l => l.RelationshipType == "alternate").Uri.AbsoluteUri));
        Assert.Equal(entries.Select(e => Text(e, "published")), net.Items.Select(i => Iso(i.PublishDate)));
        Assert.Equal(entries.Select(e => Enclosures(e).Single()), net.Items.Select(i =>
            i.Links.Single(l => l.RelationshipType == "enclosure") is var l ? $"{l.Uri.AbsoluteUri} {l.Length} {l.MediaType}" : ""));
    }

    [NeedsValidatorsFact]
    public async Task FeedparserReadsOurAtomWithoutBozoAndSeesEveryImageAsAnEnclosure()
    {
        await using var site = new TestSite(azurite);
        await AllSamples.IngestAsync(site);
        var atom = await AllSamples.FeedAsync(site, "all.atom");

        var parsed = await ExternalValidators.FeedparserAsync(atom.Body, atom.ContentType!);
        AssertNoBozo(parsed);
        Assert.Equal("atom10", parsed.GetProperty("version").GetString());
        var entries = Entries(parsed);
        Assert.Equal(Samples.Select(s => s.Title), entries.Select(e => Text(e, "title")));
        Assert.Equal(Samples.Select(s => s.Link), entries.Select(e => Text(e, "link")));
        Assert.Equal(Samples.Select(s => Iso(s.Published)), entries.Select(e => Text(e, "published")));
        Assert.Equal(Samples.Select(s => s.Images.Select(i => Enclosure(s, i))), entries.Select(e => Enclosures(e).Select(AllSamples.Unversioned)));
        Assert.All(entries, e => Assert.NotNull(Text(e, "updated")));

        var net = FeedParsers.Syndication(atom.Body);
        Assert.Equal(entries.Select(e => Text(e, "id")), net.Items.Select(i => i.Id));
        Assert.Equal(entries.Select(e => Text(e, "title")), net.Items.Select(i => i.Title.Text));
        Assert.Equal(entries.Select(e => Text(e, "published")), net.Items.Select(i => Iso(i.PublishDate)));
        Assert.Equal(entries.Select(e => Text(e, "updated")), net.Items.Select(i => Iso(i.LastUpdatedTime)));
        Assert.Equal(entries.Select(Enclosures), net.Items.Select(i => i.Links.Where(l => l.RelationshipType == "enclosure")
            .Select(l => $"{l.Uri.AbsoluteUri} {l.Length} {l.MediaType}")));
        // An entry without an author of its own has the feed's (RFC 4287 4.2.1).
        var feedAuthors = parsed.GetProperty("feed").GetProperty("authors").EnumerateArray().Select(a => a.GetString() ?? "").ToList();
        Assert.Equal(entries.Select(e => e.GetProperty("authors").EnumerateArray().Select(a => Text(a, "name") ?? "").ToList() is { Count: > 0 } own ? own : feedAuthors),
            net.Items.Select(i => (i.Authors.Count > 0 ? i.Authors : net.Authors).Select(a => a.Name).ToList()));
    }

    [NeedsValidatorsFact]
    public async Task OurAtomFeedIsValidAgainstTheRfc4287Schema()
    {
        await using var site = new TestSite(azurite);
        await AllSamples.IngestAsync(site);
        var (valid, messages) = await ExternalValidators.JingAsync((await AllSamples.FeedAsync(site, "all.atom")).Body);
        Assert.True(valid, messages);
    }

    [Fact]
    public async Task JsonFeedReadersSeeTheSampleItemsWithEveryImageAsAnAttachment()
    {
        await using var site = new TestSite(azurite);
        await AllSamples.IngestAsync(site);
        var json = await AllSamples.FeedAsync(site, "all.json");
        Assert.StartsWith("application/feed+json", json.ContentType);

        // Debian's feedparser (6.0.x) has no JSON Feed parser, so the independent reader here is CodeHollow.FeedReader.
        var reader = FeedParsers.FeedReader(json.Body);
        Assert.Equal(CodeHollow.FeedReader.FeedType.JsonFeed, reader.Type);
        Assert.Equal(Samples.Select(s => s.Title), reader.Items.Select(i => i.Title));
        Assert.Equal(Samples.Select(s => s.Link), reader.Items.Select(i => i.Link));
        Assert.Equal(Samples.Select(s => (DateTime?)s.Published.UtcDateTime), reader.Items.Select(i => i.PublishingDate?.ToUniversalTime()));

        using var doc = JsonDocument.Parse(json.Body);
        var root = doc.RootElement;
        Assert.Equal("https://jsonfeed.org/version/1.1", Text(root, "version"));
        var items = root.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(reader.Items.Select(i => i.Id), items.Select(i => Text(i, "id")));
        Assert.Equal(Samples.Select(s => s.Title), items.Select(i => Text(i, "title")));
        Assert.Equal(Samples.Select(s => s.Link), items.Select(i => Text(i, "url")));
        Assert.Equal(Samples.Select(s => Iso(s.Published)),
            items.Select(i => Iso(DateTimeOffset.Parse(Text(i, "date_published")!, CultureInfo.InvariantCulture))));
        Assert.Equal(Samples.Select(s => s.Images.Select(i => Enclosure(s, i))), items.Select(i => i.GetProperty("attachments")
            .EnumerateArray().Select(a => $"{AllSamples.Unversioned(Text(a, "url"))} {a.GetProperty("size_in_bytes").GetInt64()} {Text(a, "mime_type")}")));
    }

    [Fact]
    public async Task EveryFormatGivesAnArticleTheSameIdAndTitle()
    {
        await using var site = new TestSite(azurite);
        await AllSamples.IngestAsync(site);
        var rss = FeedParsers.Syndication((await AllSamples.FeedAsync(site, "all.rss")).Body).Items.Select(i => (i.Id, i.Title.Text));
        var atom = FeedParsers.Syndication((await AllSamples.FeedAsync(site, "all.atom")).Body).Items.Select(i => (i.Id, i.Title.Text));
        var json = FeedParsers.FeedReader((await AllSamples.FeedAsync(site, "all.json")).Body).Items.Select(i => (i.Id, i.Title));
        Assert.Equal(rss, atom);
        Assert.Equal(rss, json);
        Assert.All(rss, i => Assert.Matches("^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", i.Id));
    }

    internal static void AssertNoBozo(JsonElement parsed) =>
        Assert.True(parsed.GetProperty("bozo").GetInt32() == 0,
            $"feedparser {Text(parsed, "feedparser")} flagged the feed as bozo: {Text(parsed, "bozo_exception")}");

    internal static List<JsonElement> Entries(JsonElement parsed) => parsed.GetProperty("entries").EnumerateArray().ToList();

    internal static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static IEnumerable<string> Enclosures(JsonElement entry) => entry.GetProperty("enclosures").EnumerateArray()
        .Select(x => $"{Text(x, "href")} {Text(x, "length")} {Text(x, "type")}");

    private static string Enclosure(SampleArticle s, SampleImage i) => $"{s.ImageUrl(i)} {i.Length} {i.ContentType}";

    private static string Iso(DateTimeOffset d) => d.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
