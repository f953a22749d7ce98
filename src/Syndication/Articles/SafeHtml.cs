using Ganss.Xss;

namespace Syndication.Articles;

/// <summary>The one HTML sanitizer: everything we publish as HTML passes through it (allow-list, no scripts or styles).</summary>
public static class SafeHtml
{
    private static readonly HtmlSanitizer Sanitizer = Create();

    /// <summary>Sanitizes HTML taken in at ingest; rejected ("html: …") when it nests deeper than browsers build.</summary>
    public static string Sanitize(string html)
    {
        if (string.IsNullOrWhiteSpace(html)) return string.Empty;
        HtmlNesting.Check(html);
        return CleanText.ForXml(Sanitizer.Sanitize(html));
    }

    /// <summary>Sanitizes and resolves relative URLs against <paramref name="baseUrl"/>, for HTML leaving its page (feeds).</summary>
    public static string Sanitize(string html, Uri baseUrl) =>
        string.IsNullOrWhiteSpace(html) ? string.Empty : Sanitizer.Sanitize(html, baseUrl.AbsoluteUri);

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
            UriAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "src", "cite", "srcset" },
        };
        var sanitizer = new HtmlSanitizer(options);
        sanitizer.AllowedCssProperties.Clear();
        sanitizer.AllowedAtRules.Clear();
        return sanitizer;
    }
}
