using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace Syndication.Articles;

/// <summary>
/// What Readability leaves in that a feed reader should not see: ad slots, share and follow widgets, newsletter
/// and cookie prompts, comment threads, related-story rails, and paragraphs that only say "Advertisement".
/// </summary>
internal static partial class HtmlNoise
{
    private const string Widgets =
        "script, style, template, form, button, input, select, textarea, dialog, [hidden], amp-ad, amp-social-share, ins.adsbygoogle, "
        + "[class*=ad-slot i], [class*=adslot i], [class*=ad-container i], [class*=ad-wrapper i], [class*=advert i], [class*=place-ad i], "
        + "[id*=dfp-ad i], [class*=dfp-ad i], [data-ad-position], [data-ad-slot], [class*=taboola i], [class*=outbrain i], "
        + "[class*=sponsored i], [class*=share i], [class*=social i], [class*=newsletter i], [class*=subscribe i], "
        + "[class*=cookie i], [id*=cookie i], [class*=popup i], [class*=modal i], [class*=paywall i], [class*=breadcrumb i], "
        + "[class*=related i], [class*=most-read i], [class*=most-popular i], [class*=read-more i], [class*=more-from i], "
        + "[id=comments], [id=respond], [class*=comments i], [class*=comment-list i], [class*=talkback i], [class*=responses i], "
        + "[data-component=most-popular], [data-component=discussion], nav, [role=navigation], footer, [id*=footer i], [class*=footer i], "
        // Bylines and datelines: already read as metadata, and a feed shows them itself.
        + "[class*=byline i], [class*=dateline i], [class*=author i], [class*=autor i], [class*=timestamp i], [class*=postmetadata i], [class*=post-meta i], "
        + "[class*=entry-meta i], [class*=article-meta i], [class*=reading-time i], [data-testid*=byline i], [data-testid*=ReadTime i]";

    /// <summary>Removes the page's widgets and noise lines, never the element that holds the headline or most of the text.</summary>
    public static void Remove(IDocument doc, IElement? headline)
    {
        var body = doc.Body;
        if (body is null) return;
        var total = Math.Max(1, body.TextContent.Length);
        foreach (var e in body.QuerySelectorAll(Widgets).ToList())
        {
            if (e.Parent is null || (headline is not null && e.Contains(headline)) || e.LocalName is "body" or "main" or "article") continue;
            if (e.LocalName is not ("script" or "style") && e.TextContent.Length > total / 2) continue;
            e.Remove();
        }
        RemoveNoiseLines(body);
    }

    /// <summary>
    /// Drops short blocks that are scraper noise ("Advertisement", "Share this"), a byline ("By Ana Lima") or a
    /// dateline ("Published: 3 October 2019") rather than text.
    /// </summary>
    public static void RemoveNoiseLines(IElement root)
    {
        foreach (var e in root.QuerySelectorAll("p, div, span, h2, h3, h4, li, a, small, time").ToList())
        {
            if (e.Parent is null || e.TextContent.Length > 120 || e.QuerySelector("img, picture, video") is not null) continue;
            var line = CleanText.Line(e.TextContent, 200);
            // Words inside a sentence stay: an inline element counts only when it is all its block says.
            if (e.LocalName is "span" or "a" or "small" or "time" && CleanText.Line(e.ParentElement?.TextContent, 200) != line) continue;
            if (NoiseLine().IsMatch(line) || IsMetaLine(line)) e.Remove();
        }
    }

    // A byline or a dateline: a few words, not a sentence, starting with "By" or stating a date.
    private static bool IsMetaLine(string line)
    {
        var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        if (words == 0 || words > 12 || Sentence().IsMatch(line)) return false;
        return BylineStart().IsMatch(line) || (words <= 10 && DateFinder.FirstDate(line) is not null);
    }

    [GeneratedRegex(@"^(?:advertisements?|ad|ads|ad feedback|skip advertisement|sponsored(?: content)?|story continues below(?: advertisement)?|"
        + @"continue reading(?: the main story| below)?|skip to (?:main )?content|share(?: this(?: article| story)?)?(?: on \w+)?:?|"
        + @"read more:?|subscribe(?: now)?|sign up|related(?: articles| stories| coverage)?:?|recommended:?|most (?:read|viewed|popular)|"
        + @"comments?(?: \(\d+\))?|\d+ comments?|leave a (?:reply|comment)|print|email this|follow us|(?:©|copyright\b).*|\d[\d.,]*[km]?)\W*$", RegexOptions.IgnoreCase)]
    private static partial Regex NoiseLine();

    [GeneratedRegex(@"^(?:by|von|par|por|door|(?:words|written|posted|reporting)\s+by)\b|^(?:文|記者)\s*[・:：]|^(?:מאת|بقلم)\s", RegexOptions.IgnoreCase)]
    private static partial Regex BylineStart();

    // Ends like a sentence (but "a.m." and "p.m." end datelines).
    [GeneratedRegex(@"(?<![ap]\.m)[.!?…:”""»]$", RegexOptions.IgnoreCase)]
    private static partial Regex Sentence();
}
