using System.Globalization;
using System.Text;
using Syndication.Articles;
using Syndication.Feeds;

namespace Syndication.Pages;

/// <summary>The HTML frame of our pages: feed discovery links, a small stylesheet, and a strict CSP.</summary>
public static class PageLayout
{
    /// <summary>No scripts, no frames, no forms: our pages only show text and our images.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; img-src 'self' https: http: data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private const string Style =
        // A long unbroken word (a URL, a German compound, a wire slug) wraps instead of widening the page.
        "body{font:17px/1.55 Georgia,serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#1d1d1f;overflow-wrap:anywhere}" +
        "pre{white-space:pre-wrap}" +
        "h1{font:700 2rem/1.2 system-ui,sans-serif}header p,footer,nav{font-family:system-ui,sans-serif;color:#555}" +
        "img{max-width:100%;height:auto}figure{margin:1.5rem 0}figcaption{font:14px/1.4 system-ui,sans-serif;color:#555}" +
        "figcaption small{display:block;color:#777}.lede{font-size:1.2rem}article+article{border-top:1px solid #ddd}" +
        "a{color:#0b57d0}.feeds code{user-select:all}.subscribe{background:#eef4ff;padding:.1rem 1rem;font-family:system-ui,sans-serif}";

    /// <summary>A page of the site: its discovery links name the site's feed (all articles).</summary>
    public static string Render(string title, string language, SiteUrls urls, FeedOptions options, string bodyHtml) =>
        Render(title, language, urls, options, bodyHtml, FeedKey.All, options.Title);

    /// <summary>A page whose discovery links name one feed in every format, so a reader given the page's URL finds that feed.</summary>
    public static string Render(string title, string language, SiteUrls urls, FeedOptions options, string bodyHtml, FeedKey feed, string feedTitle)
    {
        var html = new StringBuilder(bodyHtml.Length + 2048);
        html.Append("<!doctype html>\n<html lang=\"").Append(Html.Encode(language)).Append("\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(Html.Encode(title)).Append("</title>\n");
        foreach (var format in FeedFormats.All)
            Alternate(html, format.MediaType, $"{feedTitle} ({format.Name})", urls.Feed(feed, format));
        html.Append("<style>").Append(Style).Append("</style>\n</head>\n<body>\n")
            .Append("<nav><a href=\"").Append(Html.Encode(urls.Home().AbsoluteUri)).Append("\">")
            .Append(Html.Encode(options.Title)).Append("</a></nav>\n")
            .Append(bodyHtml)
            // A person who clicks "feed" gets the preview page (browsers show a raw feed as XML); readers use the discovery links.
            .Append("<footer><p><a href=\"").Append(Html.Encode(urls.FeedPreview(FeedKey.All).AbsoluteUri))
            .Append("\">Follow in a feed reader</a> (");
        html.AppendJoin(", ", FeedFormats.All.Select(f => f.Name));
        html.Append(") · <a href=\"").Append(Html.Encode(urls.Opml().AbsoluteUri)).Append("\">all feeds (OPML)</a></p></footer>\n")
            .Append("</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>One article in a list (home page, feed preview): its lead image, linked title, date and summary.</summary>
    public static void Teaser(StringBuilder html, Uri link, string title, DateTimeOffset published, string? summary, FeedImage? lead)
    {
        html.Append("<article>\n");
        if (lead is not null) Figures.Figure(html, lead);
        html.Append("<h2><a href=\"").Append(Html.Encode(link.AbsoluteUri)).Append("\">")
            .Append(Html.Encode(title)).Append("</a></h2>\n<p><time datetime=\"")
            .Append(published.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append("\">")
            .Append(published.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)).Append("</time>");
        if (summary is not null) html.Append(" · ").Append(Html.Encode(summary));
        html.Append("</p>\n</article>\n");
    }

    /// <summary>A feed's addresses, one per format, as text to copy into a reader (shown, not linked: a click would show raw XML).</summary>
    public static void FeedAddresses(StringBuilder html, SiteUrls urls, FeedKey feed)
    {
        foreach (var format in FeedFormats.All)
            html.Append("<li>").Append(format.FullName).Append(": <code>").Append(Html.Encode(urls.Feed(feed, format).AbsoluteUri)).Append("</code></li>\n");
    }

    private static void Alternate(StringBuilder html, string type, string title, Uri href) =>
        html.Append("<link rel=\"alternate\" type=\"").Append(type).Append("\" title=\"").Append(Html.Encode(title))
            .Append("\" href=\"").Append(Html.Encode(href.AbsoluteUri)).Append("\">\n");
}
