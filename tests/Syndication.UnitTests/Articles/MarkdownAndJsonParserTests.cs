using System.Text;
using Syndication.Articles;

namespace Syndication.Tests.Articles;

public sealed class MarkdownAndJsonParserTests
{
    private const string Markdown = """
        ---
        title: "Harbour reopens after storm"
        summary: The port is open again after three days.
        authors:
          - Ana Lima
          - name: Ben Okafor
        published: 2024-03-05T08:30:00+01:00
        updated: 2024-03-06
        categories: [Local, Weather]
        tags: storms, harbour
        images:
          - file: harbour.png
            caption: Boats return to the harbour.
            credit: Ana Lima
            alt: Fishing boats at a quay
        ---
        The **harbour** reopened on Tuesday.

        - Ferries run again
        - [A link](javascript:alert(1)) and <script>alert(1)</script>
        """;

    [Fact]
    public void FrontMatterFieldsBecomeTheArticle()
    {
        var a = MarkdownArticleParser.Parse(Markdown);
        Assert.Equal("Harbour reopens after storm", a.Title);
        Assert.Equal("The port is open again after three days.", a.Summary);
        Assert.Equal(["Ana Lima", "Ben Okafor"], a.Authors);
        Assert.Equal(new DateTimeOffset(2024, 3, 5, 7, 30, 0, TimeSpan.Zero), a.Published);
        Assert.Equal(new DateTimeOffset(2024, 3, 6, 0, 0, 0, TimeSpan.Zero), a.Updated);
        Assert.Equal(["Local", "Weather"], a.Categories);
        Assert.Equal(["storms", "harbour"], a.Tags);
        var image = Assert.Single(a.Images);
        Assert.Equal(new ImageDescription("harbour.png", "Boats return to the harbour.", "Ana Lima", "Fishing boats at a quay"), image);
    }

    [Fact]
    public void MarkdownBodyIsRenderedToSafeHtml()
    {
        var html = MarkdownArticleParser.Parse(Markdown).BodyHtml;
        Assert.Contains("<strong>harbour</strong>", html);
        Assert.Contains("<li>Ferries run again</li>", html);
        Assert.DoesNotContain("javascript:", html);
        Assert.DoesNotContain("<script", html);
    }

    [Fact]
    public void WithoutATitleFieldTheFirstHeadingIsTheTitle()
    {
        var a = MarkdownArticleParser.Parse("# Plain heading\n\nBody text.");
        Assert.Equal("Plain heading", a.Title);
        Assert.DoesNotContain("Plain heading", a.BodyHtml);
    }

    [Theory]
    [InlineData("---\ntitle: x\nno end", "never ends")]
    [InlineData("---\ntitle: [unclosed\n---\nbody", "not valid YAML")]
    [InlineData("---\n- a\n- b\n---\nbody", "not a mapping")]
    [InlineData("---\nsummary: no title\n---\nbody only", "no title")]
    public void BrokenFrontMatterIsRejectedWithAReason(string text, string reason)
    {
        var e = Assert.Throws<ArticleRejectedException>(() => MarkdownArticleParser.Parse(text));
        Assert.Contains(reason, e.Message);
    }

    [Fact]
    public void YamlAliasBombIsRefusedNotExpanded()
    {
        var yaml = new StringBuilder("---\ntitle: bomb\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (var i = 1; i < 12; i++)
            yaml.Append($"a{i}: &a{i} [*a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}]\n");
        yaml.Append("---\nbody");
        var e = Assert.Throws<ArticleRejectedException>(() => MarkdownArticleParser.Parse(yaml.ToString()));
        Assert.Contains("more than", e.Message);
    }

    [Fact]
    public void JsonDocumentsCarryTheSameFields()
    {
        var a = JsonArticleParser.Parse("""
            {"title": "Budget passes", "summary": "A late vote.", "author": {"name": "C. Diaz"},
             "published": "2023-10-01T12:00:00Z", "categories": ["Politics"], "tags": ["budget"],
             "images": [{"file": "vote.jpg", "caption": "The vote", "credit": "C. Diaz"}, "extra.png"],
             "body": "Members voted **late**."}
            """);
        Assert.Equal("Budget passes", a.Title);
        Assert.Equal(["C. Diaz"], a.Authors);
        Assert.Equal(new DateTimeOffset(2023, 10, 1, 12, 0, 0, TimeSpan.Zero), a.Published);
        Assert.Equal(["Politics"], a.Categories);
        Assert.Equal(2, a.Images.Count);
        Assert.Equal("extra.png", a.Images[1].File);
        Assert.Contains("<strong>late</strong>", a.BodyHtml);
    }

    [Fact]
    public void JsonFieldsOfTheWrongTypeAreIgnoredNotFatal()
    {
        var a = JsonArticleParser.Parse("""{"title": 42, "authors": {"nope": true}, "published": [1], "tags": 7, "images": "x/y/pic.png", "body": "ok"}""");
        Assert.Equal("42", a.Title);
        Assert.Empty(a.Authors);
        Assert.Null(a.Published);
        Assert.Equal("pic.png", Assert.Single(a.Images).File);
    }

    [Theory]
    [InlineData("{not json", "not valid JSON")]
    [InlineData("[1,2]", "not a JSON object")]
    [InlineData("{\"summary\": \"x\"}", "no title")]
    public void BrokenJsonIsRejectedWithAReason(string text, string reason)
    {
        var e = Assert.Throws<ArticleRejectedException>(() => JsonArticleParser.Parse(text));
        Assert.Contains(reason, e.Message);
    }

    [Fact]
    public void BinaryDocumentsAreRejected()
    {
        var e = Assert.Throws<ArticleRejectedException>(() => DocumentParser.Parse(DocumentFormat.Text, [0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 1, 2, 3, 0, 0, 0xFF]));
        Assert.Contains("binary", e.Message);
    }

    [Fact]
    public void Utf16DocumentsAreDecoded()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("Title line\n\nStandfirst here.\n\nBody.")).ToArray();
        Assert.Equal("Title line", DocumentParser.Parse(DocumentFormat.Text, bytes).Title);
        var noBom = Encoding.Unicode.GetBytes("Another title\n\nStandfirst.\n\nBody.");
        Assert.Equal("Another title", DocumentParser.Parse(DocumentFormat.Text, noBom).Title);
    }
}
