using System.Globalization;
using System.Text;
using Syndication.Articles;
using Syndication.Feeds;
using Syndication.Storage;

namespace Syndication.Pages;

/// <summary>The home page: the latest articles with their lead images, and the feed URLs.</summary>
public static class IndexPage
{
    public static string Render(IReadOnlyList<StoredArticle> articles, SiteUrls urls, FeedOptions options)
    {
        var html = new StringBuilder(1024 + articles.Count * 1024);
        html.Append("<header><h1>").Append(Html.Encode(options.Title)).Append("</h1><p>").Append(Html.Encode(options.Description))
            .Append("</p>\n<ul class=\"feeds\">\n");
        foreach (var format in FeedFormats.All)
        {
            var url = Html.Encode(urls.Feed("all", format).AbsoluteUri);
            html.Append("<li>").Append(format.FullName).Append(": <a href=\"").Append(url).Append("\">").Append(url).Append("</a></li>\n");
        }
        foreach (var (file, title) in Sitemaps.Files)
        {
            var url = Html.Encode(urls.Sitemap(file).AbsoluteUri);
            html.Append("<li>").Append(title).Append(": <a href=\"").Append(url).Append("\">").Append(url).Append("</a></li>\n");
        }
        html.Append("</ul></header>\n");
        if (articles.Count == 0) html.Append("<p>No articles yet: upload one to the <code>articles</code> container.</p>\n");
        foreach (var a in articles)
        {
            html.Append("<article>\n");
            if (a.Images.Count > 0) ItemContent.Figure(html, a.Slug, a.Images[0], urls);
            html.Append("<h2><a href=\"").Append(Html.Encode(urls.Article(a.Slug).AbsoluteUri)).Append("\">")
                .Append(Html.Encode(a.Title)).Append("</a></h2>\n<p><time datetime=\"")
                .Append(a.Published.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append("\">")
                .Append(a.Published.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)).Append("</time>");
            if (a.Summary is { } summary) html.Append(" · ").Append(Html.Encode(summary));
            html.Append("</p>\n</article>\n");
        }
        return PageLayout.Render(options.Title, options.Language, urls, options, html.ToString());
    }
}
