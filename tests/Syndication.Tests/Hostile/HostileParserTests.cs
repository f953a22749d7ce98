using Syndication.Articles;

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
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var reason = Rejection(DocumentFormat.Markdown, "# Title\n\n" + Repeat("[a](", 50_000));
        Assert.Equal("markdown: a paragraph of 200000 characters is longer than the 32768 we render", reason);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"{clock.Elapsed}");
        var many = DocumentParser.Parse(DocumentFormat.Markdown, System.Text.Encoding.UTF8.GetBytes("# Title\n\n" + Repeat(Repeat("word ", 2000) + "\n\n", 50)));
        Assert.Equal("Title", many.Title);
    }
}
