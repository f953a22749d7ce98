using System.Text;
using Syndication.Articles;
using Syndication.Feeds;

namespace Syndication.Pages;

/// <summary>
/// A feed as a page a person reads, from the same model its formats are written from: what a feed is, how to
/// subscribe, the feed's address in every format, and its items. Browsers show the feeds themselves as raw XML.
/// </summary>
public static class FeedPreviewPage
{
    public static string Render(Feed feed, FeedKey key, SiteUrls urls, FeedOptions options)
    {
        var html = new StringBuilder(4096 + feed.Items.Count * 1024);
        html.Append("<header><h1>").Append(Html.Encode(feed.Title)).Append("</h1><p>").Append(Html.Encode(feed.Description)).Append("</p></header>\n")
            .Append("<section class=\"subscribe\">\n<h2>Subscribe</h2>\n")
            .Append("<p>This is a preview of a web feed: a list of the newest articles that a feed reader checks for you, ")
            .Append("so new ones reach you without visiting the site. To subscribe, copy one of these addresses into your ")
            .Append("feed reader (most readers take any of them; RSS is the most widely read):</p>\n<ul class=\"feeds\">\n");
        PageLayout.FeedAddresses(html, urls, key);
        html.Append("</ul>\n</section>\n<h2>Latest articles</h2>\n");
        if (feed.Items.Count == 0) html.Append("<p>No articles in this feed yet.</p>\n");
        foreach (var item in feed.Items)
            PageLayout.Teaser(html, item.Link, item.Title, item.Published, item.Summary, item.Images.Count > 0 ? item.Images[0] : null);
        return PageLayout.Render($"{feed.Title} (feed)", feed.Language ?? options.Language, urls, options, html.ToString(), key, feed.Title);
    }
}
