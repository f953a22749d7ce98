using System.Globalization;
using System.Text;
using Syndication.Articles;
using Syndication.Feeds;

namespace Syndication.Pages;

/// <summary>The article as a page a person reads: headline, standfirst, byline, date, images with captions, body.</summary>
public static class ArticlePage
{
    /// <summary>The page of a feed item: the same fields and content a feed reader shows.</summary>
    public static string Render(FeedItem item, SiteUrls urls, FeedOptions options)
    {
        var html = new StringBuilder(item.ContentHtml.Sum(p => p.Length) + 4096);
        html.Append("<article>\n<header>\n<h1>").Append(Html.Encode(item.Title)).Append("</h1>\n");
        if (item.Summary is { } summary) html.Append("<p class=\"lede\">").Append(Html.Encode(summary)).Append("</p>\n");
        html.Append("<p>");
        if (item.Authors.Count > 0) html.Append("By ").Append(Html.Encode(string.Join(", ", item.Authors))).Append(" · ");
        // An article that states no date says so; the date shown is when we received it.
        if (!item.DateStated) html.Append("date not stated (received ");
        html.Append("<time datetime=\"").Append(item.Published.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture))
            .Append("\">").Append(item.Published.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)).Append("</time>")
            .Append(item.DateStated ? "" : ")").Append("</p>\n</header>\n");
        foreach (var part in item.ContentHtml) html.Append(part);
        html.Append("</article>\n");
        return PageLayout.Render(item.Title, item.Language ?? options.Language, urls, options, html.ToString());
    }
}
