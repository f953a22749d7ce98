using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Markdig;

namespace Syndication.Articles;

/// <summary>Markdown with YAML front matter: fields from the front matter, the body rendered by Markdig and sanitized.</summary>
public static partial class MarkdownArticleParser
{
    private static readonly MarkdownPipeline Pipeline = CreatePipeline();

    // Without heading ids: the sanitizer drops them anyway, and making each unique takes quadratic time (20,000
    // headings of the same text took 11 s).
    private static MarkdownPipeline CreatePipeline()
    {
        var builder = new MarkdownPipelineBuilder().UseAdvancedExtensions();
        builder.Extensions.TryRemove<Markdig.Extensions.AutoIdentifiers.AutoIdentifierExtension>();
        return builder.Build();
    }

    public static ParsedArticle Parse(string text)
    {
        var (yaml, body) = SplitFrontMatter(CleanText.ForXml(text));
        var fields = yaml is null ? new JsonObject() : FrontMatterYaml.Read(yaml);
        if (FrontMatter.Text(fields, "title") is null && FirstHeading(body) is { } heading)
        {
            fields["title"] = heading.Title;
            body = body.Remove(heading.Start, heading.Length);
        }
        return FrontMatter.ToArticle(fields, RenderBody(body), "markdown");
    }

    /// <summary>Longest paragraph rendered: Markdig's inline parsing takes quadratic time on some (e.g. "[a](" repeated).</summary>
    public const int MaxParagraphChars = 32 * 1024;

    /// <summary>Markdown to sanitized HTML; also used for JSON documents whose body is Markdown.</summary>
    public static string RenderBody(string markdown)
    {
        if (LongestParagraph(markdown) is var longest && longest > MaxParagraphChars)
            throw new ArticleRejectedException($"markdown: a paragraph of {longest} characters is longer than the {MaxParagraphChars} we render");
        string html;
        try
        {
            html = Markdown.ToHtml(markdown, Pipeline);
        }
        catch (ArgumentException e)
        {
            // Markdig's own guard against nesting deep enough to exhaust the stack.
            throw new ArticleRejectedException("markdown: quotes, lists, links or emphasis are nested too deeply to render", e);
        }
        return SafeHtml.Sanitize(html);
    }

    // Characters in the longest run of lines Markdig may parse inline as one paragraph: a blank line ends a run,
    // and a heading or list item line starts a new one.
    private static int LongestParagraph(string text)
    {
        int longest = 0, current = 0, lineStart = 0;
        var blank = true;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && text[i] != '\n')
            {
                blank &= char.IsWhiteSpace(text[i]);
                continue;
            }
            var length = i - lineStart;
            current = blank ? 0 : BlockStart().IsMatch(text.AsSpan(lineStart, length)) ? length : current + length;
            longest = Math.Max(longest, current);
            (lineStart, blank) = (i + 1, true);
        }
        return longest;
    }

    [GeneratedRegex(@"^ {0,3}(#{1,6}[ \t]|[-+*][ \t]|\d{1,9}[.)][ \t])")]
    private static partial Regex BlockStart();

    private static (string? Yaml, string Body) SplitFrontMatter(string text)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n');
        if (lines.Length == 0 || lines[0].Trim() != "---") return (null, text);
        for (var i = 1; i < lines.Length; i++)
            if (lines[i].Trim() is "---" or "...")
                return (string.Join('\n', lines[1..i]), string.Join('\n', lines[(i + 1)..]));
        throw new ArticleRejectedException("markdown: the front matter starts with '---' but never ends");
    }

    private static (string Title, int Start, int Length)? FirstHeading(string body)
    {
        var match = System.Text.RegularExpressions.Regex.Match(body, @"^[ \t]*#[ \t]+(.+?)[ \t#]*$\n?", System.Text.RegularExpressions.RegexOptions.Multiline);
        return match.Success ? (match.Groups[1].Value, match.Index, match.Length) : null;
    }
}
