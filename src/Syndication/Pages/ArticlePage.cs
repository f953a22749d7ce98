using System.Globalization;
using System.Text;
using Syndication.Articles;
using Syndication.Feeds;
using Syndication.Storage;

namespace Syndication.Pages;

/// <summary>The article as a page a person reads: headline, standfirst, byline, date, images with captions, body.</summary>
public static class ArticlePage
{
    public static string Render(StoredArticle article, string bodyHtml, SiteUrls urls, FeedOptions options)
    {
        var html = new StringBuilder(bodyHtml.Length + 4096);
        html.Append("<article>\n<header>\n<h1>").Append(Html.Encode(article.Title)).Append("</h1>\n");
        if (article.Summary is { } summary) html.Append("<p class=\"lede\">").Append(Html.Encode(summary)).Append("</p>\n");
        html.Append("<p>");
        if (article.Authors.Count > 0) html.Append("By ").Append(Html.Encode(string.Join(", ", article.Authors))).Append(" · ");
        html.Append("<time datetime=\"").Append(article.Published.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture))
            .Append("\">").Append(article.Published.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)).Append("</time></p>\n")
            .Append("</header>\n")
            .Append(ItemContent.Compose(article, bodyHtml, urls))
            .Append("</article>\n");
        return PageLayout.Render(article.Title, article.Language ?? options.Language, urls, options, html.ToString());
    }
}
