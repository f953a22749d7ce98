using System.Text.Json;
using System.Text.Json.Nodes;

namespace Syndication.Articles;

/// <summary>JSON documents: the same fields as Markdown front matter; the body as <c>body</c> (Markdown), <c>body_html</c> or <c>body_text</c>.</summary>
public static class JsonArticleParser
{
    /// <summary>The article a JSON document states; times without a zone are read in <paramref name="zone"/> (UTC when null).</summary>
    public static ParsedArticle Parse(string text, TimeZoneInfo? zone = null)
    {
        JsonNode? root;
        try
        {
            root = JsonText.Parse(text, new JsonDocumentOptions { MaxDepth = 32, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            var at = e.LineNumber is { } line ? $"line {line + 1}, byte {e.BytePositionInLine + 1}: " : "";
            throw new ArticleRejectedException($"json: the document is not valid JSON ({at}{JsonText.Message(e)})", e);
        }
        if (root is not JsonObject fields) throw new ArticleRejectedException("json: the document is not a JSON object");

        var html = FrontMatter.Text(fields, "body_html", "content_html", "bodyHtml", "html");
        var markdown = FrontMatter.Text(fields, "body", "body_markdown", "markdown", "articleBody", "content");
        var plain = FrontMatter.Text(fields, "body_text", "content_text", "text");
        var bodyHtml = html is not null ? SafeHtml.Sanitize(CleanText.ForXml(html))
            : markdown is not null ? MarkdownArticleParser.RenderBody(CleanText.ForXml(markdown))
            : Html.Paragraphs(CleanText.ForXml(plain).Split("\n\n").Select(p => p.Trim()).Where(p => p.Length > 0));
        return FrontMatter.ToArticle(fields, bodyHtml, "json", zone);
    }
}
