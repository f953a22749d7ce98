using Microsoft.Extensions.Options;
using Syndication.Articles;
using Syndication.Storage;

namespace Syndication.Feeds;

/// <summary>Builds the neutral feed model from stored articles: one ranged query, then the bodies in parallel.</summary>
public sealed class FeedService(ArticleStore store, IOptions<FeedOptions> options)
{
    /// <summary>The newest <paramref name="limit"/> articles as a feed served in <paramref name="format"/>.</summary>
    public async Task<Feed> LatestAsync(SiteUrls urls, FeedFormat format, int limit, CancellationToken ct = default)
    {
        var o = options.Value;
        var (articles, _) = await store.LatestArticlesAsync(limit, null, ct);
        var bodies = await Task.WhenAll(articles.Select(a => store.ReadBodyAsync(a.BodyBlob, ct)));
        var items = articles.Select((a, i) => ToItem(a, bodies[i], urls)).ToList();
        return new Feed
        {
            Id = StableId.Urn(StableId.For("feed:all")),
            Title = o.Title,
            Description = o.Description,
            Link = urls.Home(),
            SelfUrl = urls.Feed("all", format),
            Language = o.Language,
            Updated = items.Count == 0 ? DateTimeOffset.UnixEpoch : items.Max(i => i.Updated),
            Author = o.Author,
            ImageUrl = Absolute(urls, o.ImageUrl),
            IconUrl = Absolute(urls, o.IconUrl),
            Items = items,
        };
    }

    /// <summary>One stored article as a feed item with absolute URLs.</summary>
    public static FeedItem ToItem(StoredArticle a, string body, SiteUrls urls) => new()
    {
        Id = StableId.Urn(a.Id),
        Title = a.Title,
        Link = urls.Article(a.Slug),
        Summary = a.Summary,
        ContentHtml = ItemContent.Compose(a, body, urls),
        Published = a.Published,
        Updated = a.Updated,
        Authors = a.Authors,
        Categories = a.Categories,
        Tags = a.Tags,
        Language = a.Language,
        Images = a.Images.Select(i => new FeedImage(urls.Image(a.Slug, i.File), i.Length, i.ContentType, i.Width, i.Height,
            i.Caption, i.Credit, i.Alt)).ToList(),
    };

    private static Uri? Absolute(SiteUrls urls, string? url) =>
        string.IsNullOrWhiteSpace(url) ? null : new Uri(urls.Origin, url);
}
