using Syndication.Storage;

namespace Syndication.Feeds;

/// <summary>Stored articles as sitemap entries: their pages, lastmod, and for the news sitemap the news facts and lead image.</summary>
public static class Sitemaps
{
    /// <summary>How far back a news sitemap reaches (Google News: articles of the last two days).</summary>
    public static readonly TimeSpan NewsWindow = TimeSpan.FromDays(2);
    /// <summary>At most this many news:news per news sitemap.</summary>
    public const int NewsLimit = 1000;
    /// <summary>The sitemaps we serve, by file name (the OPML and the home page list them).</summary>
    public static readonly IReadOnlyList<(string File, string Title)> Files = [("news.xml", "News sitemap"), ("articles.xml", "Sitemap of every article")];

    public static SitemapUrl Url(StoredArticle a, SiteUrls urls) => new(urls.Article(a.Slug), a.Updated);

    public static SitemapUrl News(StoredArticle a, SiteUrls urls, FeedOptions options) =>
        Url(a, urls) with
        {
            News = new SitemapNews(string.IsNullOrWhiteSpace(options.NewsPublicationName) ? options.Title : options.NewsPublicationName,
                NewsLanguage(a.Language ?? options.Language), a.Published, a.Title),
            Images = a.Images.Take(1).Select(i => ItemContent.ImageUrl(a.Slug, i, urls)).ToList(),
        };

    // Google News takes ISO 639 codes (two or three letters), and zh-cn / zh-tw: "en-GB" is "en".
    private static string NewsLanguage(string tag)
    {
        var lower = tag.Trim().ToLowerInvariant();
        if (lower is "zh-cn" or "zh-tw") return lower;
        if (lower.StartsWith("zh-hant", StringComparison.Ordinal) || lower is "zh-hk") return "zh-tw";
        if (lower.StartsWith("zh", StringComparison.Ordinal)) return "zh-cn";
        var primary = lower.Split('-', '_')[0];
        return primary.Length is 2 or 3 && primary.All(char.IsAsciiLetterLower) ? primary : "en";
    }
}
