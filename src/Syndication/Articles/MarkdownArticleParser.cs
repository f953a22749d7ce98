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

    /// <summary>The article a Markdown document states; front-matter times without a zone are read in <paramref name="zone"/> (UTC when null).</summary>
    public static ParsedArticle Parse(string text, TimeZoneInfo? zone = null)
    {
        var (yaml, body) = SplitFrontMatter(CleanText.ForXml(text));
        var fields = yaml is null ? new JsonObject() : FrontMatterYaml.Read(yaml);
        if (FrontMatter.Text(fields, "title") is null && FirstHeading(body) is { } heading)
        {
            fields["title"] = heading.Title;
            body = body.Remove(heading.Start, heading.Length);
        }
        return FrontMatter.ToArticle(fields, RenderBody(body), "markdown", zone);
    }

    /// <summary>Longest paragraph rendered: Markdig's inline parsing takes quadratic time on some (e.g. "[a](" repeated).</summary>
    public const int MaxParagraphChars = 32 * 1024;

    /// <summary>
    /// Most blocks rendered: each is at least one element, which the sanitizer refuses beyond <see cref="SafeHtml.MaxElements"/>,
    /// but only after Markdig spent seconds on 300,000 of them; refused before it starts.
    /// </summary>
    public const int MaxBlocks = 50_000;

    /// <summary>Markdown to sanitized HTML; also used for JSON documents whose body is Markdown.</summary>
    public static string RenderBody(string markdown)
    {
        var (longest, blocks) = Paragraphs(markdown);
        if (longest > MaxParagraphChars)
            throw new ArticleRejectedException($"markdown: a paragraph of {longest} characters is longer than the {MaxParagraphChars} we render");
        if (blocks > MaxBlocks)
            throw new ArticleRejectedException($"markdown: more than {MaxBlocks} paragraphs, headings and list items, more than any article needs");
        if (DeepestLine(markdown) > MaxMarkersOnALine) throw new ArticleRejectedException(TooDeep);
        string html;
        try
        {
            html = Markdown.ToHtml(markdown, Pipeline);
        }
        catch (ArgumentException e)
        {
            // Markdig's own guard against nesting deep enough to exhaust the stack.
            throw new ArticleRejectedException(TooDeep, e);
        }
        return SafeHtml.Sanitize(html);
    }

    // Characters in the longest run of lines Markdig may parse inline as one paragraph (a blank line ends a run, and a
    // heading or list item line starts a new one), and how many such runs there are.
    private static (int Longest, int Blocks) Paragraphs(string text)
    {
        int longest = 0, current = 0, lineStart = 0, blocks = 0;
        var blank = true;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && text[i] != '\n')
            {
                blank &= char.IsWhiteSpace(text[i]);
                continue;
            }
            var length = i - lineStart;
            var starts = !blank && (current == 0 || BlockStart().IsMatch(text.AsSpan(lineStart, length)));
            if (starts) blocks++;
            current = blank ? 0 : starts ? length : current + length;
            longest = Math.Max(longest, current);
            (lineStart, blank) = (i + 1, true);
        }
        return (longest, blocks);
    }

    private const string TooDeep = "markdown: quotes, lists, links or emphasis are nested too deeply to render";

    // Quote and list markers opening one line ("- - - x", "> > x"): Markdig refuses 100 of them (its depth guard) but
    // takes quadratic time to get there (10,000 took 3 s), so more than this are refused before it starts.
    private const int MaxMarkersOnALine = 100;

    // The most quote and list markers that open any one line, counted in one pass.
    private static int DeepestLine(string text)
    {
        int deepest = 0, depth = 0;
        var atStart = true;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\n') (depth, atStart) = (0, true);
            else if (!atStart || c is ' ' or '\t') continue;
            else if (c == '>' || (c is '-' or '+' or '*' && (i + 1 == text.Length || text[i + 1] is ' ' or '\t'))) deepest = Math.Max(deepest, ++depth);
            else if (char.IsAsciiDigit(c))
            {
                var end = i;
                while (end < text.Length && char.IsAsciiDigit(text[end])) end++;
                if (end < text.Length && text[end] is '.' or ')') (deepest, i) = (Math.Max(deepest, ++depth), end);
                else atStart = false;
            }
            else atStart = false;
        }
        return deepest;
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

    // The first ATX heading of level one ("# Title #"), and the line it spans with its newline. Plain code, not a
    // pattern: the lazy title before optional closing '#'s took quadratic time on a heading of 200,000 spaces.
    private static (string Title, int Start, int Length)? FirstHeading(string body)
    {
        for (var start = 0; start < body.Length;)
        {
            var newline = body.IndexOf('\n', start);
            var end = newline < 0 ? body.Length : newline;
            var line = body.AsSpan(start, end - start);
            var text = line.TrimStart(" \t");
            if (text.Length > 1 && text[0] == '#' && text[1] is ' ' or '\t')
            {
                var title = text[1..].Trim(" \t").TrimEnd(" \t#");
                if (!title.IsEmpty) return (title.ToString(), start, (newline < 0 ? end : end + 1) - start);
            }
            start = end + 1;
        }
        return null;
    }
}
