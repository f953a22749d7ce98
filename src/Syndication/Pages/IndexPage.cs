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
            .Append("</p>\n<ul class=\"feeds\">\n<li><a href=\"").Append(Html.Encode(urls.FeedPreview(FeedKey.All).AbsoluteUri))
            .Append("\">Follow these articles in a feed reader</a>: what a feed is, how to subscribe, what it holds</li>\n");
        PageLayout.FeedAddresses(html, urls, FeedKey.All);
        foreach (var (file, title) in Sitemaps.Files)
        {
            var url = Html.Encode(urls.Sitemap(file).AbsoluteUri);
            html.Append("<li>").Append(title).Append(": <a href=\"").Append(url).Append("\">").Append(url).Append("</a></li>\n");
        }
        html.Append("</ul></header>\n");
        if (articles.Count == 0) html.Append("<p>No articles yet: upload one to the <code>articles</code> container.</p>\n");
        foreach (var a in articles)
            PageLayout.Teaser(html, urls.Article(a.Slug), a.Title, a.Published, a.Summary, a.Images.Count > 0 ? ItemContent.Image(a.Slug, a.Images[0], urls) : null);
        return PageLayout.Render(options.Title, options.Language, urls, options, html.ToString());
    }
}
