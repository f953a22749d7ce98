namespace Syndication.Articles;

/// <summary>
/// Refuses markup nested deeper than browsers build (512 levels): AngleSharp takes quadratic time on it (25,000 nested
/// lists take seconds) and no article needs it. A linear scan of the tags, run before any parsing.
/// </summary>
internal static class HtmlNesting
{
    public const int MaxDepth = 512;

    // Void elements, and elements whose end tag may be left out: they close themselves and never pile up.
    private static readonly HashSet<string> SelfClosing = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr", "param", "keygen",
        "image", "p", "li", "dt", "dd", "tr", "td", "th", "thead", "tbody", "tfoot", "option", "optgroup", "rb", "rt", "rtc",
        "rp", "colgroup", "caption", "html", "head", "body",
    };

    // Elements whose content is text, not tags.
    private static readonly HashSet<string> RawText = new(StringComparer.OrdinalIgnoreCase)
        { "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript", "plaintext" };

    /// <summary>
    /// Throws an "html: …" rejection when start tags left open pile up deeper than <see cref="MaxDepth"/>, or when there
    /// are more than <paramref name="maxElements"/> start tags.
    /// </summary>
    public static void Check(string html, int maxElements = int.MaxValue)
    {
        int depth = 0, foreign = 0, i = 0, elements = 0;
        while ((i = html.IndexOf('<', i)) >= 0)
        {
            if (html.AsSpan(i).StartsWith("<!--"))
            {
                var endComment = html.IndexOf("-->", i + 4, StringComparison.Ordinal);
                if (endComment < 0) return;
                i = endComment + 3;
                continue;
            }
            var closing = i + 1 < html.Length && html[i + 1] == '/';
            var start = closing ? i + 2 : i + 1;
            var end = start;
            while (end < html.Length && (char.IsAsciiLetterOrDigit(html[end]) || html[end] is '-' or ':')) end++;
            if (end == start || !char.IsAsciiLetter(html[start]))
            {
                i++;
                continue;
            }
            // With no '>' left no later tag ends either: stop, rather than scan to the end again from each of
            // 300,000 unclosed "<a" (quadratic, minutes).
            var gt = html.IndexOf('>', end);
            if (gt < 0) return;
            var name = html[start..end];
            var foreignRoot = name.Equals("svg", StringComparison.OrdinalIgnoreCase) || name.Equals("math", StringComparison.OrdinalIgnoreCase);
            i = gt + 1;
            if (closing)
            {
                if (!SelfClosing.Contains(name) && depth > 0) depth--;
                if (foreignRoot && foreign > 0) foreign--;
                continue;
            }
            if (++elements > maxElements)
                throw new ArticleRejectedException($"html: more than {maxElements} elements, more than any article needs");
            if (RawText.Contains(name))
            {
                var close = html.IndexOf("</" + name, i, StringComparison.OrdinalIgnoreCase);
                if (close < 0) return;
                i = close;
                continue;
            }
            // "<x/>" closes itself only inside SVG and MathML; HTML reads "<div/>" as an open <div>.
            if (SelfClosing.Contains(name) || (html[gt - 1] == '/' && (foreign > 0 || foreignRoot))) continue;
            if (foreignRoot) foreign++;
            if (++depth > MaxDepth) throw new ArticleRejectedException($"html: elements are nested more than {MaxDepth} deep");
        }
    }
}
