using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Syndication.Tests.Support;

namespace Syndication.Tests.Conformance;

/// <summary>
/// Our RSS and Atom, requested at the configured public URL (https://news.example.com), checked against the W3C Feed
/// Validation Service's rules (W3cFeedRules): zero errors and zero warnings. The rules are shown to catch what the
/// service catches by breaking our own output one way at a time.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class W3cFeedRulesTests(AzuriteFixture azurite)
{
    [Theory]
    [InlineData("all.rss", "")]
    [InlineData("all.rss", "limit=1")]
    [InlineData("tag/storms.rss", "")]
    [InlineData("author/carmen-diaz.rss", "")]
    public async Task RssFollowsTheW3cValidatorRulesAndCarriesOneEnclosurePerItem(string path, string query)
    {
        await using var site = new TestSite(azurite);
        await AllSamples.IngestAsync(site);
        var rss = await FeedAsync(site, path, query);

        var doc = FeedParsers.Document(rss.Body);
        Assert.Empty(W3cFeedRules.Rss(doc, Url(path, query)));
        var items = doc.Root!.Element("channel")!.Elements("item").ToList();
        Assert.NotEmpty(items);
        Assert.All(items, item => Assert.Single(item.Elements("enclosure")));
        Assert.All(items, item => Assert.Empty(item.Elements("author")));
        Assert.Contains(items, item => item.Elements(FeedParsers.Dc + "creator").Any());
        Assert.Equal(W3cFeedRules.MediaRss, doc.Root.GetNamespaceOfPrefix("media")?.NamespaceName);
    }

    [NeedsValidatorsTheory]
    [InlineData("all.atom", "")]
    [InlineData("all.atom", "limit=1")]
    [InlineData("category/weather.atom", "")]
    public async Task AtomFollowsTheW3cValidatorRules(string path, string query)
    {
        await using var site = new TestSite(azurite);
        await AllSamples.IngestAsync(site);
        var atom = await FeedAsync(site, path, query);

        Assert.Empty(W3cFeedRules.Atom10(FeedParsers.Document(atom.Body), Url(path, query)));
        var (valid, messages) = await ExternalValidators.JingAsync(atom.Body);
        Assert.True(valid, messages);
    }

    [Theory]
    [InlineData("all.rss")]
    [InlineData("all.atom")]
    public async Task AnEmptyFeedFollowsTheW3cValidatorRules(string path)
    {
        await using var site = new TestSite(azurite);
        var feed = await FeedAsync(site, path, "");
        var doc = FeedParsers.Document(feed.Body);
        Assert.Empty(path.EndsWith(".rss", StringComparison.Ordinal) ? W3cFeedRules.Rss(doc, Url(path, "")) : W3cFeedRules.Atom10(doc, Url(path, "")));
    }

    [Fact]
    public async Task TheJsonFeedCarriesNoRelativeUrlEither()
    {
        await using var site = new TestSite(azurite);
        await AllSamples.IngestAsync(site);
        using var json = JsonDocument.Parse((await FeedAsync(site, "all.json", "")).Body);

        var urls = new List<string>();
        var html = new List<string>();
        Collect(json.RootElement, null, urls, html);
        Assert.NotEmpty(html);
        foreach (var fragment in html)
        {
            using var document = new HtmlParser().ParseDocument(fragment);
            urls.AddRange(document.QuerySelectorAll("[href]").Select(e => e.GetAttribute("href")!));
            urls.AddRange(document.QuerySelectorAll("[src]").Select(e => e.GetAttribute("src")!));
        }
        Assert.True(urls.Count > 10, $"only {urls.Count} URLs found");
        Assert.All(urls, url => Assert.True(Uri.TryCreate(url, UriKind.Absolute, out var u) && u.Scheme is "https" or "http", $"relative URL '{url}'"));
    }

    [Theory]
    [InlineData("all.rss")]
    [InlineData("all.atom")]
    public async Task AnArticleWithoutSummaryAndWithRelativeLinksStillFollowsTheW3cRules(string path)
    {
        await using var site = new TestSite(azurite);
        await site.UploadTextAsync("plain-note.md", """
            ---
            title: A note without a summary
            published: 2024-02-01T09:00:00Z
            ---
            See [the harbour story](/api/articles/harbour-reopens), [the budget](city-budget-vote) and ![a chart](chart.png).
            """);
        Assert.Equal(1, (await site.Ingestor.ReconcileAsync()).Ingested);
        var feed = await FeedAsync(site, path, "");
        var doc = FeedParsers.Document(feed.Body);
        Assert.Empty(path.EndsWith(".rss", StringComparison.Ordinal) ? W3cFeedRules.Rss(doc, Url(path, "")) : W3cFeedRules.Atom10(doc, Url(path, "")));
        Assert.Contains("https://news.example.com/api/articles/harbour-reopens", feed.Text);
        Assert.Contains("https://news.example.com/api/articles/chart.png", feed.Text);
    }

    // Each case breaks one thing in our real output the way the W3C validator would flag it.
    [Theory]
    [InlineData("all.rss", "Thu, 28 Feb 2019", "Wed, 28 Feb 2019", "IncorrectDOW")]
    [InlineData("all.rss", "28 Feb 2019 00:00:00 GMT", "28 Feb 19 00:00:00 GMT", "InvalidRFC2822Date")]
    [InlineData("all.rss", "Thu, 28 Feb 2019", "Tue, 28 Feb 1989", "ImplausibleDate")]
    [InlineData("all.rss", "isPermaLink=\"false\"", "isPermaLink=\"true\"", "InvalidPermalink")]
    [InlineData("all.rss", "<dc:creator>Carmen Diaz</dc:creator>", "<author>Carmen Diaz</author>", "InvalidContact")]
    [InlineData("all.rss", "xmlns:media=\"http://search.yahoo.com/mrss/\"", "xmlns:media=\"http://search.yahoo.com/mrss\"", "MediaRssNamespace")]
    [InlineData("all.rss", "length=\"6744\"", "length=\"0\"", "InvalidIntegerAttribute")]
    [InlineData("all.rss", "length=\"6744\" type=\"image/webp\"", "length=\"6744\" type=\"webp\"", "InvalidMIMEAttribute")]
    [InlineData("all.rss", "<media:thumbnail url=\"https://news.example.com/api/images/city-budget-vote",
        "<enclosure url=\"https://news.example.com/a.jpg\" length=\"1\" type=\"image/jpeg\" /><media:thumbnail url=\"https://news.example.com/api/images/city-budget-vote", "DuplicateEnclosure")]
    [InlineData("all.rss", "href=\"https://news.example.com/api/feeds/all.rss\" rel=\"self\"", "href=\"http://127.0.0.1:7071/api/feeds/all.rss\" rel=\"self\"", "SelfDoesntMatchLocation")]
    [InlineData("all.rss", "rel=\"self\" type=\"application/rss+xml\"", "rel=\"alternate\" type=\"application/rss+xml\"", "MissingAtomSelfLink")]
    [InlineData("all.rss", "src=\"https://news.example.com/api/images/city-budget-vote/", "src=\"/api/images/city-budget-vote/", "ContainsRelRef")]
    [InlineData("all.rss", "&lt;p&gt;The city council", "&lt;script&gt;alert(1)&lt;/script&gt;&lt;p&gt;The city council", "SecurityRisk")]
    [InlineData("all.rss", "<description>Ferries and fishing boats returned on Tuesday as the port lifted its storm closure.</description>", "", "NeedDescriptionBeforeContent")]
    [InlineData("all.rss", "<language>en</language>", "<language>english</language>", "InvalidLanguage")]
    [InlineData("all.rss", "<description>The latest articles</description>", "", "MissingElement")]
    [InlineData("all.atom", "<updated>2024-03-05T08:30:00Z</updated>", "<updated>2024-03-05 08:30:00</updated>", "InvalidRFC3339Date")]
    [InlineData("all.atom", "<id>urn:uuid:", "<id>urn:uuid:x", "InvalidIRI")]
    [InlineData("all.atom", "type=\"application/atom+xml\" href=\"https://news.example.com/api/feeds/all.atom\"", "type=\"text/xml\" href=\"https://news.example.com/api/feeds/all.atom\"", "SelfNotAtom")]
    [InlineData("all.atom", "<content type=\"html\">", "<content type=\"text\">", "ContentType")]
    [InlineData("all.atom", "<name>Test feed</name>", "", "MissingAuthor")]
    [InlineData("all.atom", "xml:lang=\"en\"", "xml:lang=\"en_GB\"", "InvalidLanguage")]
    [InlineData("all.atom", "rel=\"first\"", "rel=\"beginning\"", "UnregisteredAtomLinkRel")]
    public async Task TheRulesFlagWhatTheW3cValidatorFlags(string path, string find, string replace, string code)
    {
        await using var site = new TestSite(azurite);
        await AllSamples.IngestAsync(site);
        var original = Encoding.UTF8.GetString((await FeedAsync(site, path, "")).Body);
        var broken = original.Replace(find, replace, StringComparison.Ordinal);
        if (code == "MissingAuthor") broken = Regex.Replace(original, @"<author>\s*<name>Test feed</name>\s*</author>", "");
        Assert.NotEqual(original, broken);

        var doc = FeedParsers.Document(Encoding.UTF8.GetBytes(broken));
        var problems = path.EndsWith(".rss", StringComparison.Ordinal) ? W3cFeedRules.Rss(doc, Url(path, "")) : W3cFeedRules.Atom10(doc, Url(path, ""));
        Assert.Contains(problems, p => p.StartsWith(code + ":", StringComparison.Ordinal));
    }

    private static string Url(string path, string query) =>
        $"{AllSamples.Origin}/api/feeds/{path}{(query.Length > 0 ? "?" + query : "")}";

    private static Task<TestResponse> FeedAsync(TestSite site, string path, string query) => path.Contains('/')
        ? TestSite.InvokeAsync(r => new Syndication.Functions.GetFilteredFeed(site.Handlers).Run(r, path.Split('/')[0], path.Split('/')[1]),
            path: "/api/feeds/" + path, query: query.Length > 0 ? "?" + query : "")
        : AllSamples.FeedAsync(site, path, query.Length > 0 ? "?" + query : "");

    // Every string under a URL-valued key, and every HTML body, anywhere in the JSON Feed.
    private static void Collect(JsonElement e, string? key, List<string> urls, List<string> html)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var p in e.EnumerateObject()) Collect(p.Value, p.Name, urls, html);
                break;
            case JsonValueKind.Array:
                foreach (var v in e.EnumerateArray()) Collect(v, key, urls, html);
                break;
            case JsonValueKind.String when key == "content_html":
                html.Add(e.GetString()!);
                break;
            case JsonValueKind.String when key is not null && (key.EndsWith("url", StringComparison.Ordinal) || key is "image" or "banner_image" or "icon" or "favicon" or "avatar"):
                urls.Add(e.GetString()!);
                break;
        }
    }
}
