using Syndication.Articles;
using Syndication.Images;

namespace Syndication.Tests.Hostile;

/// <summary>The parser defects the hostile corpus found, one by one, without storage: each ends as a readable rejection or clean text.</summary>
public sealed class HostileParserTests
{
    private static string Repeat(string s, int n) => string.Concat(Enumerable.Repeat(s, n));

    private static string Rejection(DocumentFormat format, string text) =>
        Assert.Throws<ArticleRejectedException>(() => DocumentParser.Parse(format, System.Text.Encoding.UTF8.GetBytes(text))).Message;

    [Fact]
    public void MarkdownNestedBeyondMarkdigsLimitIsRejectedNotThrown()
    {
        var reason = Rejection(DocumentFormat.Markdown, "# Title\n\n" + Repeat("> ", 5000) + "quote");
        Assert.Equal("markdown: quotes, lists, links or emphasis are nested too deeply to render", reason);
        Assert.StartsWith("markdown:", Rejection(DocumentFormat.Json, "{\"title\": \"T\", \"body\": \"" + Repeat("> ", 5000) + "x\"}"));
    }

    [Fact]
    public void AnEnormousMarkdownParagraphIsRejectedBeforeMarkdigSpendsQuadraticTimeOnIt()
    {
        // The reason comes from the length check that runs before Markdig sees the text (no timing: that is a benchmark's job).
        var reason = Rejection(DocumentFormat.Markdown, "# Title\n\n" + Repeat("[a](", 50_000));
        Assert.Equal("markdown: a paragraph of 200000 characters is longer than the 32768 we render", reason);
        var many = DocumentParser.Parse(DocumentFormat.Markdown, System.Text.Encoding.UTF8.GetBytes("# Title\n\n" + Repeat(Repeat("word ", 2000) + "\n\n", 50)));
        Assert.Equal("Title", many.Title);
        var list = DocumentParser.Parse(DocumentFormat.Markdown, System.Text.Encoding.UTF8.GetBytes("# Title\n" + Repeat("- an item of a long list\n## A heading\n", 3000)));
        Assert.Equal("Title", list.Title);
        Assert.StartsWith("markdown: a paragraph of", Rejection(DocumentFormat.Markdown, "# Title\n\n- item\n" + Repeat("[a](\n", 10_000)));
    }

    [Theory]
    [InlineData("<ul><li>", 25_000)]
    [InlineData("<i>", 60_000)]
    [InlineData("<div/>", 40_000)]
    [InlineData("<table><tr><td>", 10_000)]
    public void HtmlNestedDeeperThanBrowsersBuildIsRejectedBeforeParsing(string open, int times)
    {
        var page = $"<html><head><title>Deep</title></head><body><h1>Deep</h1>{Repeat(open, times)}text</body></html>";
        // The reason comes from the linear tag scan that runs before AngleSharp builds the tree.
        Assert.Equal("html: elements are nested more than 512 deep", Rejection(DocumentFormat.Html, page));
        Assert.Equal("html: elements are nested more than 512 deep", Rejection(DocumentFormat.Json, $"{{\"title\": \"T\", \"body_html\": \"{Repeat(open, times)}\"}}"));
    }

    [Fact]
    public void APageOfMoreElementsThanAnyArticleNeedsIsRejectedByTheTagScanBeforeExtraction()
    {
        // 3.5 MB of sibling paragraphs, under the 5 MB document cap: extraction took about 20 s before being refused for
        // the body's element count; the scan before parsing refuses it with the page's count.
        var page = "<html><head><title>Big</title><meta property=\"article:published_time\" content=\"2024-03-05T08:30:00Z\"></head><body><h1>Big</h1><article>"
            + Repeat("<p>Paragraph of the body text that goes on.</p>", HtmlArticleParser.MaxPageElements) + "</article></body></html>";
        Assert.Equal($"html: more than {HtmlArticleParser.MaxPageElements} elements, more than any article needs", Rejection(DocumentFormat.Html, page));
    }

    [Fact]
    public void PagesWithManyParagraphsListItemsAndSvgShapesAreNotDeep()
    {
        var page = "<html><head><title>Harbour</title><script>var s = '" + Repeat("<div>", 1000) + "';</script></head><body><article><h1>Harbour</h1>"
            + Repeat("<p>Harbour text that goes on", 2000) + "<ul>" + Repeat("<li>item", 2000) + "</ul><svg>" + Repeat("<path d=\"M0 0\"/>", 2000)
            + "</svg><!--" + Repeat("<span>", 1000) + "--></article></body></html>";
        Assert.Equal("Harbour", DocumentParser.Parse(DocumentFormat.Html, System.Text.Encoding.UTF8.GetBytes(page)).Title);
    }

    [Theory]
    [InlineData("tags: [[[[")]
    [InlineData("tags:\n  - - - - - ")]
    [InlineData("extra: {a: {a: {a: {a: ")]
    public void FrontMatterNestedDeeperThan64IsRejectedQuicklyWithoutExhaustingTheStack(string opening)
    {
        var deep = opening + Repeat(opening[^4..], 60_000) + "x";
        Assert.Equal("markdown: the front matter is nested more than 64 deep", Rejection(DocumentFormat.Markdown, $"---\ntitle: T\n{deep}\n---\nBody."));
    }

    [Fact]
    public void FrontMatterBombsDuplicateKeysAndUnknownAliasesAreRejectedWithReasons()
    {
        var laughs = "a: &a [x,x,x,x,x,x,x,x,x]\n" + string.Concat("bcdefgh".Select((c, i) => $"{c}: &{c} [{string.Join(',', Enumerable.Repeat("*" + "abcdefgh"[i], 9))}]\n"));
        Assert.Equal("markdown: the front matter has more than 5000 values", Rejection(DocumentFormat.Markdown, $"---\ntitle: T\n{laughs}---\nBody."));
        Assert.Equal("markdown: the front matter names 'title' twice", Rejection(DocumentFormat.Markdown, "---\ntitle: A\ntitle: B\n---\nBody."));
        Assert.StartsWith("markdown: the front matter is not valid YAML (*nowhere names no anchor", Rejection(DocumentFormat.Markdown, "---\ntitle: *nowhere\n---\nBody."));
        Assert.StartsWith("markdown: the front matter is not valid YAML", Rejection(DocumentFormat.Markdown, "---\ntitle: [Harbour\nsummary: x\n---\nBody."));
        var merged = DocumentParser.Parse(DocumentFormat.Markdown, System.Text.Encoding.UTF8.GetBytes("---\nbase: &b {x: 1}\ntags: [*b, *b]\ntitle: &t Harbour\nsummary: *t\n---\nBody."));
        Assert.Equal(("Harbour", "Harbour"), (merged.Title, merged.Summary));
    }

    [Fact]
    public void JsonFieldsNamedTwiceAreRejectedAndLoneSurrogateEscapesReadAsReplacementCharacters()
    {
        var twice = Rejection(DocumentFormat.Json, "{\"title\": \"A\", \"title\": \"B\"}");
        Assert.Equal("json: the document is not valid JSON (Duplicate property 'title' encountered during deserialization.)", twice);
        Assert.Contains("title", twice);
        Assert.DoesNotContain("LineNumber", twice);
        var lone = DocumentParser.Parse(DocumentFormat.Json, "{\"title\": \"Harbour \\ud800 reopens \\udfff\\\\ud800 \\ud83c\\udf89\"}"u8);
        Assert.Equal("Harbour \uFFFD reopens \uFFFD\\ud800 🎉", lone.Title);
        var page = "<html><head><title>Harbour</title><script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", \"headline\": \"A\", "
            + "\"headline\": \"B\"}</script><script type=\"application/ld+json\">{\"@type\": \"Person\", \"name\": \"\\udfff\"}</script></head>"
            + "<body><h1>Harbour</h1><p>Text.</p></body></html>";
        Assert.Equal("Harbour", DocumentParser.Parse(DocumentFormat.Html, System.Text.Encoding.UTF8.GetBytes(page)).Title);
    }

    [Fact]
    public void ImageChunksClaimingGigabytesAreRejectedBeforeMetadataExtractorAllocatesThem()
    {
        var png = Assert.Throws<ArticleRejectedException>(() => ImageInspector.Inspect(new MemoryStream(ImageBytes.PngWithLyingChunkLength())));
        Assert.Equal("image: the file is cut short (its 'tEXt' chunk claims 2147483632 bytes, 13 remain)", png.Message);
        var webp = Assert.Throws<ArticleRejectedException>(() => ImageInspector.Inspect(new MemoryStream(ImageBytes.WebPWithLyingChunkLength())));
        Assert.StartsWith("image: the file is cut short (its 'EXIF' chunk claims 2147483632 bytes", webp.Message);
        Assert.Equal("image/webp", ImageInspector.Inspect(new MemoryStream(ImageBytes.WebP)).ContentType);
        Assert.Equal(new ImageInfo("image/png", 8, 8), ImageInspector.Inspect(new MemoryStream([.. ImageBytes.Png(8, 8), .. "trailing bytes after IEND"u8])));
    }

    [Fact]
    public void DelC1ControlsAndEscapedControlsLeaveNoTraceInAnyFieldOrBody()
    {
        Assert.Equal("abcde", CleanText.ForXml("a\u007Fb\u0085c\u009Fd\u0001e"));
        var page = "<html><head><title>Harbour&#1; \u0081reopens</title></head><body><article><h1>Harbour&#1; \u0081reopens</h1>"
            + "<p>Boats &#1;&#27;returned\u0085 to the quay on Tuesday morning after three days of gales kept them in.</p></article></body></html>";
        var html = DocumentParser.Parse(DocumentFormat.Html, System.Text.Encoding.UTF8.GetBytes(page));
        Assert.Equal("Harbour reopens", html.Title);
        Assert.DoesNotContain(html.BodyHtml, char.IsControl);
        var markdown = DocumentParser.Parse(DocumentFormat.Markdown, "---\ntitle: \"Harbour\\x01\\x7F\"\n---\nBody &#1; <b>&#x1b;</b>"u8);
        Assert.Equal("Harbour", markdown.Title);
        Assert.DoesNotContain(markdown.BodyHtml.Replace("\n", ""), char.IsControl);
    }

    [Fact]
    public void Utf32WithABigEndianByteOrderMarkIsText()
    {
        byte[] bytes = [0, 0, 0xFE, 0xFF, .. new System.Text.UTF32Encoding(true, false).GetBytes("Harbour reopens\n\nBody.")];
        Assert.Equal("Harbour reopens", DocumentParser.Parse(DocumentFormat.Text, bytes).Title);
    }

    [Fact]
    public void LinksThatAreNotWellFormedUrlsAreDroppedAndSrcsetIsScreenedEntryByEntry()
    {
        var html = SafeHtml.Sanitize("""
            <a href="http://[">a</a> <a href="https://exa mple.com/a b">b</a> <a href="http://%%%/">c</a> <img src="http://[::1">
            <a href="relative/page.html">d</a> <a href="/root">e</a> <a href="mailto:ana@example.com">f</a> <a href="https://ok.example/x?y=1">g</a>
            <img srcset="https://ok.example/a.png 1x, javascript:alert(1) 2x, http://[ 3x"> <img srcset=",,, ,x 2x">
            """);
        Assert.DoesNotContain("http://[", html);
        Assert.DoesNotContain("exa mple", html);
        Assert.DoesNotContain("%%%", html);
        Assert.DoesNotContain("javascript:", html);
        Assert.Contains("srcset=\"x 2x\"", html);
        Assert.Contains("srcset=\"https://news.example.com/api/articles/x 2x\"", SafeHtml.Sanitize(html, new Uri("https://news.example.com/api/articles/a")));
        foreach (var kept in new[] { "href=\"relative/page.html\"", "href=\"/root\"", "href=\"mailto:ana@example.com\"", "href=\"https://ok.example/x?y=1\"", "https://ok.example/a.png 1x" })
            Assert.Contains(kept, html);
    }

    [Theory]
    [InlineData("en", "en")]
    [InlineData("pt-BR", "pt-BR")]
    [InlineData("en_US", "en-US")]
    [InlineData("<script>", null)]
    [InlineData("en US", null)]
    [InlineData("zz-ZZZZZZZZZZ-!!", null)]
    [InlineData("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…", null)]
    [InlineData("42", null)]
    [InlineData("zz", null)]
    public void OnlyLanguageTagsOfKnownLanguagesReachTheFeeds(string stated, string? kept) =>
        Assert.Equal(kept, CleanText.LanguageTag(stated));

    [Fact]
    public void TwentyThousandHeadingsOfTheSameTextRenderWithoutHeadingIds()
    {
        // Making 20,000 identical heading ids unique was quadratic (11 s); headings get no ids at all now.
        var parsed = DocumentParser.Parse(DocumentFormat.Markdown, System.Text.Encoding.UTF8.GetBytes("# Harbour\n" + Repeat("## Harbour news\n", 20_000)));
        Assert.Equal("Harbour", parsed.Title);
        Assert.Equal(20_000, System.Text.RegularExpressions.Regex.Count(parsed.BodyHtml, "<h2>"));
        Assert.DoesNotContain(" id=", parsed.BodyHtml);
    }
}
