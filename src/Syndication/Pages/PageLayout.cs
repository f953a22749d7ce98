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
        "a{color:#0b57d0}";

    public static string Render(string title, string language, SiteUrls urls, FeedOptions options, string bodyHtml)
    {
        var html = new StringBuilder(bodyHtml.Length + 2048);
        html.Append("<!doctype html>\n<html lang=\"").Append(Html.Encode(language)).Append("\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(Html.Encode(title)).Append("</title>\n");
        foreach (var format in FeedFormats.All)
            Alternate(html, format.MediaType, $"{options.Title} ({format.Name})", urls.Feed("all", format));
        html.Append("<style>").Append(Style).Append("</style>\n</head>\n<body>\n")
            .Append("<nav><a href=\"").Append(Html.Encode(urls.Home().AbsoluteUri)).Append("\">")
            .Append(Html.Encode(options.Title)).Append("</a></nav>\n")
            .Append(bodyHtml)
            .Append("<footer><p>Feeds: ");
        foreach (var format in FeedFormats.All)
            html.Append("<a href=\"").Append(Html.Encode(urls.Feed("all", format).AbsoluteUri)).Append("\">").Append(format.Name).Append("</a> · ");
        html.Append("<a href=\"").Append(Html.Encode(urls.Opml().AbsoluteUri)).Append("\">all feeds (OPML)</a></p></footer>\n")
            .Append("</body>\n</html>\n");
        return html.ToString();
    }

    private static void Alternate(StringBuilder html, string type, string title, Uri href) =>
        html.Append("<link rel=\"alternate\" type=\"").Append(type).Append("\" title=\"").Append(Html.Encode(title))
            .Append("\" href=\"").Append(Html.Encode(href.AbsoluteUri)).Append("\">\n");
}
