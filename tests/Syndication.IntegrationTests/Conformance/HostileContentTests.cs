using System.Net;
using System.Text;
using System.Text.Json;
using Syndication.Tests.Support;

namespace Syndication.Tests.Conformance;

/// <summary>
/// A Markdown article whose title, summary, names and body hold control characters, "]]>", markup, emoji and
/// right-to-left text: every format must still parse without a bozo flag, validate, and say what the author wrote,
/// its text fields as plain text (markup removed, the text of <c>&lt;b&gt;</c> kept).
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class HostileContentTests(AzuriteFixture azurite)
{
    // C0 controls (not allowed in XML 1.0) and markup are dropped at ingest; everything else must survive as text.
    private const string Title = "Budget ]]> & \"quotes\" 🎉 שלום עולם مرحبا\u200F";
    private const string Summary = "Summary ]]> & not bold 🎉 עברית مرحبا";

    private static readonly string Document = $"""
        ---
        title: "Budget\u0001\u0008\u001B ]]> <script> & \"quotes\" 🎉 שלום עולם مرحبا\u200F"
        summary: "Summary ]]> <script>alert('s')</script> & <b>not bold</b>\u0001 🎉 עברית مرحبا"
        published: 2024-01-15T10:00:00Z
        authors: ["José <Núñez> ]]>"]
        tags: ["<script>", "]]>", "مرحبا"]
        ---
        Body ]]> end <script>alert(1)</script> <img src="https://news.example.com/x.png" onerror="alert(2)">
        <a href="javascript:alert(3)">js</a> <iframe src="https://evil.example.com/"></iframe> 🎉 שלום مرحبا {'\u0002'}

        <div style="color:red" onclick="alert(4)">styled</div>
        """;

    private static async Task<TestSite> HostileSiteAsync(AzuriteFixture azurite)
    {
        var site = new TestSite(azurite);
        await site.UploadTextAsync("hostile.md", Document);
        var result = await site.Ingestor.ReconcileAsync();
        Assert.Equal(1, result.Ingested);
        return site;
    }

    [NeedsValidatorsTheory]
    [InlineData("all.rss", "rss20")]
    [InlineData("all.atom", "atom10")]
    public async Task FeedparserReadsTheHostileArticleWithoutBozoAndWithItsTextIntact(string file, string version)
    {
        await using var site = await HostileSiteAsync(azurite);
        var feed = await AllSamples.FeedAsync(site, file);

        var parsed = await ExternalValidators.FeedparserAsync(feed.Body, feed.ContentType!);
        IndependentParserTests.AssertNoBozo(parsed);
        Assert.Equal(version, parsed.GetProperty("version").GetString());
        var entry = Assert.Single(IndependentParserTests.Entries(parsed));
        Assert.Equal(Title, IndependentParserTests.Text(entry, "title"));
        // feedparser hands the summary back as HTML; decoded, it is the author's plain text, markup included.
        Assert.Equal(Summary, WebUtility.HtmlDecode(IndependentParserTests.Text(entry, "summary")));
        Assert.Equal(["José ]]>"], entry.GetProperty("authors").EnumerateArray().Select(a => IndependentParserTests.Text(a, "name")));
        var content = entry.GetProperty("content").EnumerateArray().Single();
        Assert.Contains("Body ]]> end", WebUtility.HtmlDecode(IndependentParserTests.Text(content, "value")));

        var net = FeedParsers.Syndication(feed.Body).Items.Single();
        Assert.Equal(Title, net.Title.Text);
    }

    [NeedsValidatorsFact]
    public async Task TheHostileArticlesFeedsStillFollowTheW3cRulesAndTheAtomSchema()
    {
        await using var site = await HostileSiteAsync(azurite);
        var rss = await AllSamples.FeedAsync(site, "all.rss");
        var atom = await AllSamples.FeedAsync(site, "all.atom");

        Assert.Empty(W3cFeedRules.Rss(FeedParsers.Document(rss.Body), AllSamples.Origin + "/api/feeds/all.rss"));
        Assert.Empty(W3cFeedRules.Atom10(FeedParsers.Document(atom.Body), AllSamples.Origin + "/api/feeds/all.atom"));
        var (valid, messages) = await ExternalValidators.JingAsync(atom.Body);
        Assert.True(valid, messages);
        foreach (var body in new[] { rss.Text, atom.Text })
        {
            Assert.DoesNotContain("<script", body, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("&lt;script&gt;alert(1)", body, StringComparison.Ordinal);
            Assert.DoesNotContain("&lt;iframe", body, StringComparison.Ordinal);
            Assert.DoesNotContain("onerror", body, StringComparison.Ordinal);
            Assert.DoesNotContain("javascript:", body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task JsonFeedReadersSeeTheHostileTextIntact()
    {
        await using var site = await HostileSiteAsync(azurite);
        var json = await AllSamples.FeedAsync(site, "all.json");

        var reader = FeedParsers.FeedReader(json.Body);
        Assert.Equal(Title, Assert.Single(reader.Items).Title);
        using var doc = JsonDocument.Parse(json.Body);
        var item = doc.RootElement.GetProperty("items").EnumerateArray().Single();
        Assert.Equal(Title, item.GetProperty("title").GetString());
        Assert.Equal(Summary, item.GetProperty("summary").GetString());
        var html = item.GetProperty("content_html").GetString()!;
        Assert.Contains("Body ]]&gt; end", html);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", html, StringComparison.Ordinal);
    }
}
