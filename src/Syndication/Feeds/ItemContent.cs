using System.Text.RegularExpressions;
using Syndication.Articles;
using Syndication.Storage;

namespace Syndication.Feeds;

/// <summary>A stored article as readers see it in a feed: the item, its images, and its HTML (lead image, body, other images).</summary>
public static partial class ItemContent
{
    /// <summary>
    /// A stored article as a feed item: its fields copied whole, absolute URLs, and its content (the lead figure, the
    /// body with links resolved, the other figures). Its revision names the stored version (content hash and updated
    /// date), which fixes every field here for a given origin.
    /// </summary>
    public static FeedItem Item(StoredArticle article, string bodyHtml, SiteUrls urls)
    {
        var images = Images(article, urls);
        return new FeedItem(article)
        {
            Id = StableId.Urn(article.Id),
            Link = urls.Article(article.Slug),
            ContentHtml = Figures.Content(images, ResolveLinks(article, bodyHtml, urls)),
            Published = article.Published,
            DateStated = article.DateStated,
            Updated = article.Updated,
            Images = images,
            Revision = Revision(article),
        };
    }

    /// <summary>The revision of the item a stored article makes (null for a row from before content hashes).</summary>
    public static string? Revision(StoredArticle article) =>
        article.ContentHash.Length == 0 ? null : $"{article.ContentHash}|{article.Updated.UtcTicks}";

    /// <summary>An article's images as feeds carry them: absolute URL, length, type, size, caption, credit.</summary>
    public static List<FeedImage> Images(StoredArticle article, SiteUrls urls) =>
        article.Images.Select(i => Image(article.Slug, i, urls)).ToList();

    /// <summary>One stored image as feeds carry it (a page showing one image converts only that one).</summary>
    public static FeedImage Image(string slug, StoredImage i, SiteUrls urls) =>
        new(ImageUrl(slug, i, urls), i.Length, i.ContentType, i.Width, i.Height, i.Caption, i.Credit, i.Alt)
        {
            Renditions = (i.Renditions ?? []).Select(r => new FeedRendition(urls.Rendition(slug, r.Name), r.Role, r.ContentType, r.Width, r.Height, r.Length)).ToList(),
        };

    /// <summary>Where readers load the image: our image endpoint at the image's version, or the remote URL the document gave.</summary>
    public static Uri ImageUrl(string slug, StoredImage image, SiteUrls urls) =>
        image.RemoteUrl is { } remote ? new Uri(remote) : urls.Image(slug, image.File, image.Version);

    /// <summary>Feed readers have no page to resolve a relative link against: resolve it against the article's page.</summary>
    public static string ResolveLinks(StoredArticle article, string bodyHtml, SiteUrls urls) =>
        RelativeUrl().IsMatch(bodyHtml) ? SafeHtml.Sanitize(bodyHtml, urls.Article(article.Slug)) : bodyHtml;

    // An href/src/cite/srcset whose value does not start with a scheme (sanitized HTML quotes every attribute).
    [GeneratedRegex(@"\s(?:href|src|cite|srcset)=""(?![A-Za-z][A-Za-z0-9+.\-]*:)|\ssrcset=""[^""]*,\s*(?![A-Za-z][A-Za-z0-9+.\-]*:)")]
    private static partial Regex RelativeUrl();
}
