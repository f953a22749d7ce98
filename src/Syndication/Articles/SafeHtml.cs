using Ganss.Xss;

namespace Syndication.Articles;

/// <summary>The one HTML sanitizer: everything we publish as HTML passes through it (allow-list, no scripts or styles).</summary>
public static class SafeHtml
{
    private static readonly HtmlSanitizer Sanitizer = Create();

    /// <summary>Most elements a body may hold: the sanitizer takes quadratic time in their number (80,000 took 10 s, 300,000 minutes).</summary>
    public const int MaxElements = 20_000;

    /// <summary>Sanitizes HTML taken in at ingest; rejected ("html: …") when it nests deeper than browsers build or holds over <see cref="MaxElements"/> elements.</summary>
    public static string Sanitize(string html)
    {
        if (string.IsNullOrWhiteSpace(html)) return string.Empty;
        HtmlNesting.Check(html, MaxElements);
        return CleanText.ForXml(Sanitizer.Sanitize(html));
    }

    /// <summary>Sanitizes and resolves relative URLs against <paramref name="baseUrl"/>, for HTML leaving its page (feeds).</summary>
    public static string Sanitize(string html, Uri baseUrl) =>
        string.IsNullOrWhiteSpace(html) ? string.Empty : Sanitizer.Sanitize(html, baseUrl.AbsoluteUri);

    // Links readers can follow: absolute http(s) with a host, mailto, or relative ones that resolve to such (the feeds
    // resolve them against the article). "http://[" or "https://exa mple.com" are dropped rather than published.
    private static readonly Uri Anywhere = new("https://page.invalid/");

    private static bool WellFormed(string? url)
    {
        if (string.IsNullOrWhiteSpace(url)) return false;
        var hasScheme = url.IndexOf(':') is var colon and > 0 && url[..colon].All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '.' or '-');
        if (!hasScheme) return Uri.TryCreate(Anywhere, url, out var resolved) && resolved.Host.Length > 0;
        return Uri.TryCreate(url, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeMailto || (uri.Scheme is "http" or "https" && uri.Host.Length > 0));
    }

    // Empty candidates (",,, ,x 2x") survive the sanitizer's own list screening and resolve into URLs like ".../,,,".
    private static void CleanSrcset(AngleSharp.Dom.INode node)
    {
        if (node is not AngleSharp.Dom.IElement element || element.GetAttribute("srcset") is not { } srcset) return;
        var candidates = srcset.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Where(c => WellFormed(c.Split(' ')[0])).ToList();
        if (candidates.Count == 0) element.RemoveAttribute("srcset");
        else element.SetAttribute("srcset", string.Join(", ", candidates));
    }

    private static HtmlSanitizer Create()
    {
        var options = new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
            {
                "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd",
                "a", "em", "strong", "b", "i", "u", "s", "sub", "sup", "small", "mark", "code", "pre", "kbd", "q",
                "blockquote", "cite", "abbr", "time", "figure", "figcaption", "img", "picture", "source",
                "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption", "span", "div",
            },
            AllowedAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
            {
                "href", "src", "alt", "title", "width", "height", "datetime", "cite", "colspan", "rowspan",
                "scope", "lang", "dir", "srcset", "sizes", "type", "media", "start", "reversed",
            },
            AllowedSchemes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "http", "https", "mailto" },
            UriAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "src", "cite" },
            // Screened entry by entry: as a URI attribute only its first entry was.
            UriListAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "srcset" },
        };
        var sanitizer = new HtmlSanitizer(options);
        sanitizer.FilterUrl += (_, e) => e.SanitizedUrl = WellFormed(e.SanitizedUrl) ? e.SanitizedUrl : null;
        sanitizer.PostProcessNode += (_, e) => CleanSrcset(e.Node);
        sanitizer.AllowedCssProperties.Clear();
        sanitizer.AllowedAtRules.Clear();
        return sanitizer;
    }
}
