using Microsoft.Extensions.Options;
using Syndication.Articles;
using Syndication.Storage;

namespace Syndication.Feeds;

/// <summary>A page of a feed as asked for: which articles, in which format, how many, from which cursor.</summary>
public sealed record FeedRequest(FeedKey Key, FeedFormat Format, int Limit, string? After = null, string? Before = null);

/// <summary>A feed page ready to write: the feed's own fields (no Items) and each item already rendered in the format.</summary>
public sealed record ComposedFeed(Feed Feed, FeedFormat Format, IReadOnlyList<byte[]> Items)
{
    public byte[] Write() => FeedFormats.Write(Feed, Format, Items);
}

/// <summary>
/// Builds a feed page from stored articles: one ranged query, then each item from the rendered-item cache, or for
/// the items not in it, from its body (downloaded in parallel) rendered once and kept.
/// </summary>
public sealed class FeedService(ArticleStore store, ItemFragments fragments, IOptions<FeedOptions> options, TimeProvider time)
{
    /// <summary>The feed page, or null when a category, tag or author feed names one no article has.</summary>
    public async Task<ComposedFeed?> PageAsync(FeedRequest request, SiteUrls urls, CancellationToken ct = default)
    {
        var o = options.Value;
        var page = await store.FeedPageAsync(request.Key, request.Limit, request.After, request.Before, ct);
        var paged = request.After is not null || request.Before is not null;
        if (page.Articles.Count == 0 && request.Key.Kind != FeedKind.All && !paged) return null;
        var items = await ItemsAsync(page.Articles, request.Format, urls, ct);
        var limit = request.Limit == o.DefaultLimit ? "" : $"limit={request.Limit}&";
        var feed = new Feed
        {
            Id = StableId.Urn(StableId.For("feed:" + request.Key.Path)),
            Title = request.Key.Kind == FeedKind.All ? o.Title : $"{o.Title}: {DisplayName(request.Key, page.Articles)}",
            Description = o.Description,
            Link = urls.Home(),
            SelfUrl = urls.Feed(request.Key, request.Format, Query(request, limit)),
            Language = o.Language,
            // No article dates an empty feed: today rather than 1970, which readers and the W3C validator call implausible;
            // the day, not the second, so every instance writes the same bytes (and ETag) for it.
            Updated = page.Articles.Count == 0 ? Today(time.GetUtcNow()) : page.Articles.Max(a => a.Updated),
            Author = o.Author,
            ImageUrl = Absolute(urls, o.ImageUrl),
            IconUrl = Absolute(urls, o.IconUrl),
            FirstUrl = urls.Feed(request.Key, request.Format, limit.TrimEnd('&')),
            NextUrl = page.After is { } after ? urls.Feed(request.Key, request.Format, $"{limit}after={Uri.EscapeDataString(after)}") : null,
            PreviousUrl = page.Before is { } before ? urls.Feed(request.Key, request.Format, $"{limit}before={Uri.EscapeDataString(before)}") : null,
            HubUrl = Absolute(urls, o.WebSubHub),
            StylesheetUrl = o.Stylesheet && request.Format != FeedFormat.Json ? urls.Stylesheet() : null,
            Items = [],
        };
        return new ComposedFeed(feed, request.Format, items);
    }

    // Cached items as they are; only the others cost a body download and a render.
    private async Task<byte[][]> ItemsAsync(IReadOnlyList<StoredArticle> articles, FeedFormat format, SiteUrls urls, CancellationToken ct)
    {
        var items = articles.Select(a => fragments.Find(format, urls, a)).ToArray();
        var missing = Enumerable.Range(0, items.Length).Where(i => items[i] is null).ToList();
        var bodies = await Task.WhenAll(missing.Select(i => store.ReadBodyAsync(articles[i].BodyBlob, ct)));
        for (var m = 0; m < missing.Count; m++)
            items[missing[m]] = fragments.Render(format, urls, articles[missing[m]], bodies[m]);
        return items!;
    }

    /// <summary>One stored article as a feed item with absolute URLs.</summary>
    public static FeedItem ToItem(StoredArticle a, string body, SiteUrls urls)
    {
        var images = ItemContent.Images(a, urls);
        return new FeedItem
        {
            Id = StableId.Urn(a.Id),
            Title = a.Title,
            Link = urls.Article(a.Slug),
            Summary = a.Summary,
            ContentHtml = ItemContent.Parts(images, ItemContent.ResolveLinks(a, body, urls)),
            Published = a.Published,
            Updated = a.Updated,
            Authors = a.Authors,
            Categories = a.Categories,
            Tags = a.Tags,
            Language = a.Language,
            Images = images,
        };
    }

    private static string Query(FeedRequest r, string limit) =>
        (limit + (r.After is { } a ? $"after={Uri.EscapeDataString(a)}" : r.Before is { } b ? $"before={Uri.EscapeDataString(b)}" : "")).TrimEnd('&');

    private static string DisplayName(FeedKey key, IEnumerable<StoredArticle> articles)
    {
        var names = articles.SelectMany(a => key.Kind switch
        {
            FeedKind.Category => a.Categories,
            FeedKind.Tag => a.Tags,
            _ => a.Authors,
        });
        return names.FirstOrDefault(n => FeedKey.Slugify(n) == key.Slug) ?? key.Slug;
    }

    private static Uri? Absolute(SiteUrls urls, string? url) =>
        string.IsNullOrWhiteSpace(url) ? null : new Uri(urls.Origin, url);

    private static DateTimeOffset Today(DateTimeOffset d) => new(d.UtcDateTime.Date, TimeSpan.Zero);
}
