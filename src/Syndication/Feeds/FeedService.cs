using Microsoft.Extensions.Options;
using Syndication.Articles;
using Syndication.Storage;

namespace Syndication.Feeds;

/// <summary>
/// A page of a feed as asked for: which articles, in which format, how many, from which position (<paramref name="After"/>
/// and <paramref name="Before"/> are positions read from cursors we issued, see <see cref="PageCursors"/>). With
/// <paramref name="DefaultLimit"/>, links leave out ?limit= when it is that (a partner's own limit), else the configured default.
/// </summary>
public sealed record FeedRequest(FeedKey Key, FeedFormat Format, int Limit, string? After = null, string? Before = null, int? DefaultLimit = null);

/// <summary>An article a partner platform would refuse or downgrade, with what it lacks by that platform's rules.</summary>
public sealed record PlatformRefusal(Uri Link, string Title, DateTimeOffset Published, IReadOnlyList<ProfileFinding> Lacks);

/// <summary>
/// Builds feed pages from stored articles: one ranged query, then each item from the <see cref="ItemCache"/>, or for
/// the items not in it, from its body (downloaded in parallel) and kept. Writes them through the same cache. Its paging
/// links carry signed cursors.
/// </summary>
public sealed class FeedService(ArticleStore store, ScheduleStore schedule, ItemCache items, PageCursors cursors, IOptions<FeedOptions> options, TimeProvider time)
{
    /// <summary>
    /// Each of the newest articles (one page of MaxLimit, as the all feed lists them) that the profile's platform would
    /// refuse or downgrade, and why: what GET manage/rejections?for= and <c>syndication rejections --for</c> list.
    /// </summary>
    public async Task<IReadOnlyList<PlatformRefusal>> RefusalsAsync(FeedProfile profile, SiteUrls urls, CancellationToken ct = default)
    {
        var page = await PageAsync(new FeedRequest(FeedKey.All, FeedFormats.Rss, options.Value.MaxLimit), urls, ct);
        var now = time.GetUtcNow();
        return (page?.Items ?? []).Select(i => new PlatformRefusal(i.Link, i.Title, i.Published, profile.Check(ProfileSubject.Of(i), now)))
            .Where(r => r.Lacks.Count > 0).ToList();
    }

    /// <summary>The feed page, or null when a category, tag or author feed names one no article has.</summary>
    public async Task<Feed?> PageAsync(FeedRequest request, SiteUrls urls, CancellationToken ct = default)
    {
        var o = options.Value;
        var page = await store.FeedPageAsync(request.Key, request.Limit, request.After, request.Before, ct);
        var paged = request.After is not null || request.Before is not null;
        if (page.Articles.Count == 0 && request.Key.Kind != FeedKind.All && !paged) return null;
        var limit = request.Limit == (request.DefaultLimit ?? o.DefaultLimit) ? "" : $"limit={request.Limit}&";
        return new Feed
        {
            Id = StableId.Urn(StableId.For("feed:" + request.Key.Path)),
            Title = request.Key.Kind == FeedKind.All ? o.Title : $"{o.Title}: {DisplayName(request.Key, page.Articles)}",
            Description = o.Description,
            Link = urls.Home(),
            SelfUrl = urls.Feed(request.Key, request.Format, (limit + Cursor(request.Key, request.After, request.Before)).TrimEnd('&')),
            Language = o.Language,
            Updated = Updated(page.Articles),
            Author = o.Author,
            ImageUrl = Absolute(urls, o.ImageUrl),
            IconUrl = Absolute(urls, o.IconUrl),
            LogoUrl = Absolute(urls, o.LogoUrl) ?? urls.Logo(),
            DarkLogoUrl = Absolute(urls, o.DarkModeLogoUrl) ?? urls.Logo(dark: true),
            FirstUrl = urls.Feed(request.Key, request.Format, limit.TrimEnd('&')),
            NextUrl = page.After is { } after ? urls.Feed(request.Key, request.Format, limit + Cursor(request.Key, after, null)) : null,
            // A byte-bounded profile (MSN) may write fewer items than the page has: the link on from an item, made when the writer asks.
            NextUrlAfter = FeedProfiles.Of(request.Format.Profile).MaxBytes > 0
                ? i => i >= 0 && i < page.Articles.Count ? urls.Feed(request.Key, request.Format, limit + Cursor(request.Key, ArticleStore.Order(page.Articles[i]), null)) : null
                : null,
            PreviousUrl = page.Before is { } before ? urls.Feed(request.Key, request.Format, limit + Cursor(request.Key, null, before)) : null,
            HubUrl = Absolute(urls, o.WebSubHub),
            StylesheetUrl = o.Stylesheet && request.Format.Stylesheet ? urls.Stylesheet() : null,
            Items = await ItemsAsync(page.Articles, urls, ct),
            Tombstones = request.Format.Tombstones && !paged ? await TombstonesAsync(request.Key, urls, ct) : [],
        };
    }

    /// <summary>Every article withdrawn within <see cref="FeedOptions.TombstoneDays"/>, newest first.</summary>
    public Task<List<Tombstone>> WithdrawnAsync(CancellationToken ct = default) => schedule.TombstonesAsync(TombstonesSince(), ct);

    /// <summary>The slug's tombstone when it was withdrawn within <see cref="FeedOptions.TombstoneDays"/>, else null.</summary>
    public Task<Tombstone?> WithdrawnAsync(string slug, CancellationToken ct = default) => schedule.TombstoneAsync(slug, TombstonesSince(), ct);

    private DateTimeOffset TombstonesSince() => time.GetUtcNow().AddDays(-options.Value.TombstoneDays);

    /// <summary>The articles withdrawn from this feed within <see cref="FeedOptions.TombstoneDays"/>, newest first.</summary>
    public async Task<IReadOnlyList<FeedTombstone>> TombstonesAsync(FeedKey key, SiteUrls urls, CancellationToken ct = default)
    {
        return (await WithdrawnAsync(ct)).Where(t => t.FeedPaths.Contains(key.Path))
            .Select(t => new FeedTombstone(StableId.Urn(t.Id), t.When, urls.Article(t.Slug), t.Title, t.Published)).ToList();
    }

    /// <summary>The feed in the format: <see cref="FeedFormat.Write"/>'s bytes, with kept items' bytes reused.</summary>
    public byte[] Write(Feed feed, FeedFormat format) => items.Write(feed, format);

    /// <summary>One stored article as a feed item (the article page's content), kept like a feed's items.</summary>
    public async Task<FeedItem> ItemAsync(StoredArticle article, SiteUrls urls, CancellationToken ct = default) =>
        (await ItemsAsync([article], urls, ct))[0];

    /// <summary>Stored articles as feed items (kept items as they are; only the others cost a body download).</summary>
    public async Task<FeedItem[]> ItemsAsync(IReadOnlyList<StoredArticle> articles, SiteUrls urls, CancellationToken ct)
    {
        var found = articles.Select(a => ItemContent.Revision(a) is { } r ? items.Find(urls.Article(a.Slug), r) : null).ToArray();
        var missing = Enumerable.Range(0, found.Length).Where(i => found[i] is null).ToList();
        var bodies = await Task.WhenAll(missing.Select(i => store.ReadBodyAsync(articles[i].BodyBlob, ct)));
        for (var m = 0; m < missing.Count; m++)
        {
            var item = ItemContent.Item(articles[missing[m]], bodies[m], urls);
            // Not an empty body, which is how a lost body blob reads, so that its restoration shows at the next render.
            if (bodies[m].Length > 0) items.Keep(item);
            found[missing[m]] = item;
        }
        return found!;
    }

    // The query of a page from a position: "after=" or "before=" its signed cursor, or nothing for the first page.
    private string Cursor(FeedKey key, string? after, string? before) =>
        after is not null ? "after=" + Uri.EscapeDataString(cursors.Issue(CursorUse.After(key), after))
        : before is not null ? "before=" + Uri.EscapeDataString(cursors.Issue(CursorUse.Before(key), before)) : "";

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

    /// <summary>When a feed last changed, as its first page (default limit) dates it: for the OPML list's dateCreated.</summary>
    public async Task<DateTimeOffset> UpdatedAsync(FeedKey key, CancellationToken ct = default) =>
        Updated((await store.FeedPageAsync(key, options.Value.DefaultLimit, ct: ct)).Articles);

    // The page's latest update. No article dates an empty feed: today rather than 1970, which readers and the W3C
    // validator call implausible; the day, not the second, so every instance writes the same bytes (and ETag) for it.
    private DateTimeOffset Updated(IReadOnlyList<StoredArticle> articles) =>
        articles.Count == 0 ? new(time.GetUtcNow().UtcDateTime.Date, TimeSpan.Zero) : articles.Max(a => a.Updated);
}
