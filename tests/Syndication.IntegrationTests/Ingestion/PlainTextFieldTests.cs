using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using AngleSharp.Html.Parser;
using Syndication.Articles;
using Syndication.Functions;
using Syndication.Ingestion;
using Syndication.Tests.Support;

namespace Syndication.Tests.Ingestion;

/// <summary>
/// Titles, summaries, authors, categories, captions and credits are plain text in every output, whatever markup the
/// document wrote in them: many readers treat an RSS title as HTML, so after one HTML decode no '<' may start a tag.
/// Pages wrap what is left, however long its words.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed partial class PlainTextFieldTests(AzuriteFixture azurite)
{
    private const string Markdown = """
        ---
        title: "<script>alert(1)</script>XSS title"
        published: 2024-03-05T08:30:00Z
        summary: "<b>Bold</b> words &amp; <style>p{color:red}</style>more"
        authors: ["<i>Ana</i> Lima<script>alert(2)</script>"]
        tags: ["<b>Harbour</b>"]
        images:
          - file: lead.jpg
            caption: "<em>Boats</em> at dawn<script>alert(3)</script>"
            credit: "<a href='https://x.example/'>Jo Bloggs</a>"
        ---
        The harbour reopened on Tuesday.
        """;

    private const string Page = "<html><head><title>x</title><meta property=og:title content=\"&lt;img src=x onerror=alert(5)&gt;Page title\"></head>"
        + "<body><article><h1>Page title</h1><p>The harbour reopened on Tuesday after three days of repairs to the breakwater, "
        + "and the first ferries left on time.</p><p>Fishermen said the storm was the worst in forty years.</p></article></body></html>";

    [Fact]
    public async Task MarkupInTextFieldsIsRemovedFromRssAtomJsonFeedAndTheArticlePage()
    {
        await using var site = new TestSite(azurite);
        await site.UploadAsync("xss/lead.jpg", await File.ReadAllBytesAsync(Repo.Samples(Repo.SampleSlug, "photo-1.jpg")));
        await site.UploadTextAsync("xss.md", Markdown);
        await site.UploadTextAsync("bold.txt", "<b>Bold</b> words\n\nThe first paragraph of the story.\n\nThe second paragraph.\n");
        await site.UploadTextAsync("escaped.json", """{"title": "&lt;script&gt;alert(4)&lt;/script&gt;Escaped title", "author": "<b>Ben</b> Okafor", "body": "Text."}""");
        await site.UploadTextAsync("page.html", Page);
        foreach (var blob in new[] { "xss.md", "bold.txt", "escaped.json", "page.html" })
            Assert.Equal(IngestResult.Published, (await site.Ingestor.IngestBlobAsync(blob)).Result);

        var rss = FeedParsers.Document(await FeedAsync(site, "all.rss"));
        Assert.Equal(["Bold words", "Escaped title", "Page title", "XSS title"], rss.Descendants("item").Select(i => i.Element("title")!.Value).Order());
        var item = rss.Descendants("item").Single(i => i.Element("title")!.Value == "XSS title");
        Assert.Equal("Bold words &amp; more", item.Element("description")!.Value);
        Assert.Equal("Ana Lima", item.Element(FeedParsers.Dc + "creator")!.Value);
        Assert.Equal("Harbour", item.Element("category")!.Value);
        Assert.Equal("Jo Bloggs", item.Descendants(FeedParsers.Media + "credit").Single().Value);
        Assert.Equal("Ben Okafor", rss.Descendants(FeedParsers.Dc + "creator").Single(c => c.Value != "Ana Lima").Value);
        AssertPlain(rss, "description", "encoded");

        var atom = FeedParsers.Document(await FeedAsync(site, "all.atom"));
        Assert.Contains(atom.Descendants(FeedParsers.Atom + "title"), t => t.Value == "XSS title");
        AssertPlain(atom, "content");

        using var json = JsonDocument.Parse(await FeedAsync(site, "all.json"));
        var jsonItem = json.RootElement.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("title").GetString() == "XSS title");
        Assert.Equal("Bold words & more", jsonItem.GetProperty("summary").GetString());
        Assert.Equal("Boats at dawn", jsonItem.GetProperty("attachments")[0].GetProperty("title").GetString());
        AssertPlain(json.RootElement);

        var page = new HtmlParser().ParseDocument((await TestSite.InvokeAsync(r => new GetArticlePage(site.Handlers).Run(r, "xss"))).Text);
        Assert.Equal("XSS title", page.QuerySelector("h1")!.TextContent);
        // A long unbroken word in a title or caption wraps instead of overflowing the layout.
        Assert.Contains("overflow-wrap:anywhere", page.QuerySelector("style")!.TextContent);
        Assert.Equal("Boats at dawn", page.QuerySelector("figcaption")!.ChildNodes[0].TextContent.Trim());
        Assert.Empty(page.Body!.QuerySelectorAll("script, b, i, em, a[href^='https://x.example']"));
        Assert.DoesNotMatch(TagStart(), page.Body!.TextContent);
    }

    [Theory]
    [InlineData("<b>Bold</b> words", "Bold words", true)]
    [InlineData("<script>alert(1)</script>XSS title", "XSS title", true)]
    [InlineData("&lt;script&gt;alert(1)&lt;/script&gt;Escaped", "Escaped", true)]
    [InlineData("Fish &amp;amp; chips", "Fish &amp; chips", false)]
    [InlineData("<p>One</p><p>Two</p>", "One Two", true)]
    [InlineData("Why <script> tags block rendering", "Why tags block rendering", true)]
    [InlineData("José <Núñez>", "José", true)]
    [InlineData("a < b and 3 <4", "a < b and 3 <4", false)]
    [InlineData("Plain title", "Plain title", false)]
    public void PlainTextKeepsTheTextOfMarkupAndDropsScripts(string text, string plain, bool markup)
    {
        Assert.Equal(plain, PlainText.From(text));
        Assert.Equal(markup, PlainText.HasMarkup(text));
    }

    private static async Task<byte[]> FeedAsync(TestSite site, string name) =>
        (await TestSite.InvokeAsync(r => new GetFeed(site.Handlers).Run(r, name))).Body;

    // Every text and attribute of a feed, except the elements that hold HTML, read once more as HTML holds no tag.
    private static void AssertPlain(XDocument feed, params string[] htmlElements)
    {
        foreach (var e in feed.Descendants().Where(e => !htmlElements.Contains(e.Name.LocalName)))
        {
            foreach (var text in e.Nodes().OfType<XText>()) Assert.DoesNotMatch(TagStart(), WebUtility.HtmlDecode(text.Value));
            foreach (var attribute in e.Attributes()) Assert.DoesNotMatch(TagStart(), WebUtility.HtmlDecode(attribute.Value));
        }
    }

    private static void AssertPlain(JsonElement json)
    {
        switch (json.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var p in json.EnumerateObject().Where(p => p.Name != "content_html")) AssertPlain(p.Value);
                break;
            case JsonValueKind.Array:
                foreach (var v in json.EnumerateArray()) AssertPlain(v);
                break;
            case JsonValueKind.String:
                Assert.DoesNotMatch(TagStart(), WebUtility.HtmlDecode(json.GetString()!));
                break;
        }
    }

    [GeneratedRegex("<[A-Za-z/!?]")]
    private static partial Regex TagStart();
}
