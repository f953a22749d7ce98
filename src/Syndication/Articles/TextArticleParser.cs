using System.Text.RegularExpressions;

namespace Syndication.Articles;

/// <summary>
/// Plain text scraped from a web page: headline on the first real line, the standfirst next, photo captions
/// (often twice, with <c>CREDIT:</c> or <c>(Photo Credit: …)</c>), scraper noise such as <c>Advertisement</c>, then the body.
/// </summary>
public static partial class TextArticleParser
{
    /// <summary>The article a text states; its date (a day) is that day in the publisher's <paramref name="zone"/> (UTC when null).</summary>
    public static ParsedArticle Parse(string text, TimeZoneInfo? zone = null)
    {
        var blocks = Blocks(CleanText.ForXml(text));
        if (blocks.Count == 0) throw new ArticleRejectedException("text: the document has no text");

        var headline = blocks[0][0];
        var rest = new List<List<string>>();
        if (blocks[0].Count > 1) rest.Add(blocks[0].Skip(1).ToList());
        rest.AddRange(blocks.Skip(1));

        var captions = new List<ImageDescription>();
        var paragraphs = new List<string>();
        foreach (var block in rest)
        {
            var lines = block.Distinct(StringComparer.Ordinal).ToList();
            var blockCaptions = lines.Select(ParseCaption).ToList();
            var duplicated = block.Count > 1 && lines.Count == 1;
            if (blockCaptions.All(c => c is not null))
                captions.AddRange(blockCaptions!);
            else if (duplicated)
                captions.Add(new ImageDescription(null, lines[0], null, null));
            else
                paragraphs.Add(string.Join(' ', lines));
        }

        var standfirst = paragraphs.Count > 1 ? paragraphs[0] : null;
        var body = standfirst is null ? paragraphs : paragraphs.Skip(1);
        return new ParsedArticle
        {
            Title = CleanText.Line(headline, 300),
            Summary = standfirst,
            BodyHtml = Html.Paragraphs(body),
            Published = DateFinder.FirstDate(text) is { } day ? PublisherZone.Local(day.DateTime, zone) : null,
            Images = captions,
        };
    }

    /// <summary>Splits a caption line into caption and credit; null when the line is not a caption.</summary>
    internal static ImageDescription? ParseCaption(string line)
    {
        var m = PhotoCreditParenthesis().Match(line);
        if (!m.Success) m = CreditSuffix().Match(line);
        if (!m.Success) return null;
        var caption = m.Groups["caption"].Value.Trim();
        var credit = m.Groups["credit"].Value.Trim().TrimEnd('.').Trim();
        return new ImageDescription(null, caption.Length == 0 ? null : caption, credit.Length == 0 ? null : credit, null);
    }

    // Paragraph blocks separated by blank lines, without noise lines; a noise line also ends a block.
    private static List<List<string>> Blocks(string text)
    {
        var blocks = new List<List<string>>();
        var current = new List<string>();
        foreach (var raw in text.Split('\n'))
        {
            var line = string.Join(' ', raw.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
            if (line.Length == 0 || Noise().IsMatch(line))
            {
                if (current.Count > 0) blocks.Add(current);
                current = [];
                continue;
            }
            current.Add(line);
        }
        if (current.Count > 0) blocks.Add(current);
        return blocks;
    }

    [GeneratedRegex(@"^(?:advertisements?|ad|sponsored(?: content)?|story continues below(?: advertisement)?|skip to (?:main )?content|share(?: this(?: article| story)?)?(?: on \w+)?|continue reading(?: below)?|read more:?|subscribe(?: now)?|sign up for (?:our|the) \w+ newsletter|click here to \w+.*|related(?: articles| stories)?:?|recommended:?|comments?)\W*$", RegexOptions.IgnoreCase)]
    private static partial Regex Noise();

    [GeneratedRegex(@"^(?<caption>.*?)\s*\b(?:PHOTO\s+)?CREDIT\s*:\s*(?<credit>.+?)$", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking, RegexTimeout.Milliseconds)]
    private static partial Regex CreditSuffix();

    [GeneratedRegex(@"^(?<caption>.*?)\s*\((?:Photo|Image|Picture)(?:\s+Credit)?\s*:\s*(?<credit>[^)]+)\)\.?$", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking, RegexTimeout.Milliseconds)]
    private static partial Regex PhotoCreditParenthesis();
}
