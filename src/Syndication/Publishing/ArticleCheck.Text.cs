using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Syndication.Articles;
using Syndication.Ingestion;

namespace Syndication.Publishing;

// The report's date, title and body: what ingestion will make of them, and warnings a publisher should read.
public static partial class ArticleCheck
{
    // As ingestion believes a stated date (ArticleIngestor.IsBelievable).
    private static (DateTimeOffset?, DateSource, string) Date(ParsedArticle parsed, DocumentFormat format, DateTimeOffset now, List<string> warnings)
    {
        const string upload = "the upload time will be used";
        if (parsed.Published is not { } date) return (null, DateSource.NotStated, $"not stated: {upload}");
        if (date.Year < ArticleIngestor.EarliestBelievedYear)
            return (null, DateSource.NotBelieved, $"{date:yyyy-MM-dd} is before {ArticleIngestor.EarliestBelievedYear} and not believed: {upload}");
        if (!ArticleIngestor.IsBelievable(date, now))
        {
            warnings.Add($"future date: {date:yyyy-MM-dd HH:mm} UTC is in the future (an embargo?); it is not believed and {upload}: publish it when it is due");
            return (null, DateSource.NotBelieved, $"{date:yyyy-MM-dd HH:mm} UTC is in the future and not believed: {upload}");
        }
        if (format == DocumentFormat.Markdown || format == DocumentFormat.Json) return (date, DateSource.Field, "from the document's date field");
        if (format == DocumentFormat.Text) return (date, DateSource.Text, "stated in the text");
        return (date, DateSource.Page, "stated by the page (its metadata or text)");
    }

    private static void TitleWarnings(DocumentFormat format, byte[] bytes, string title, List<string> warnings)
    {
        var source = SourceTitle(format, bytes);
        if (Markup().IsMatch(title))
            warnings.Add($"title holds markup that readers will see as typed: \"{title}\"; write it as plain text");
        // Only the start of the source is looked at: the markup pattern backtracks, and a title is short anyway.
        else if (source is not null && Markup().IsMatch(source[..Math.Min(source.Length, 1000)]))
            warnings.Add($"title with markup removed: \"{CleanText.Line(source, 300)}\" is published as \"{title}\"");
    }

    // The title as the document wrote it, before any cleaning: front matter or first heading, JSON field, first line.
    private static string? SourceTitle(DocumentFormat format, byte[] bytes)
    {
        var text = CleanText.Decode(bytes);
        if (format == DocumentFormat.Markdown)
        {
            var front = FrontMatterTitle().Match(text);
            if (front.Success) return front.Groups[1].Value.Trim().Trim('"', '\'');
            var heading = FirstHeading().Match(text);
            return heading.Success ? heading.Groups[1].Value : null;
        }
        if (format == DocumentFormat.Json)
        {
            try
            {
                return JsonNode.Parse(text) is JsonObject o && (o["title"] ?? o["headline"] ?? o["name"]) is JsonValue v
                    && v.TryGetValue<string>(out var s) ? s : null;
            }
            catch (System.Text.Json.JsonException)
            {
                return null;
            }
        }
        return format == DocumentFormat.Text ? text.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) : null;
    }

    // Words, paragraphs, and characters of text (markup left out, each run of white space one character).
    private static (int Words, int Paragraphs, int Characters) BodySize(string html)
    {
        var words = HtmlText.Words(html);
        return (words.Length, Paragraph().Count(html), HtmlText.Characters(words));
    }

    // HTML tags and entities, and Markdown emphasis, code and links.
    [GeneratedRegex(@"</?[A-Za-z][^>]*>|&(?:[A-Za-z]+|#\d+|#x[0-9A-Fa-f]+);|\*\*|__|`|\[[^\]]+\]\([^)]*\)|(?<![\w*])\*[^*\s][^*]*\*(?![\w*])")]
    private static partial Regex Markup();

    [GeneratedRegex(@"\A\uFEFF?---[ \t]*\r?\n(?:.*\r?\n)*?title:[ \t]*(.+?)[ \t]*\r?$", RegexOptions.Multiline | RegexOptions.NonBacktracking, RegexTimeout.Milliseconds)]
    private static partial Regex FrontMatterTitle();

    [GeneratedRegex(@"^[ \t]*#[ \t]+(.+?)[ \t#]*\r?$", RegexOptions.Multiline | RegexOptions.NonBacktracking, RegexTimeout.Milliseconds)]
    private static partial Regex FirstHeading();

    [GeneratedRegex("<p[ >]")]
    private static partial Regex Paragraph();
}
