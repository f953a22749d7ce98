using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Syndication.Articles;
using Syndication.Feeds;
using Syndication.Storage;

namespace Syndication.Fediverse;

/// <summary>
/// What the actor's public GET routes answer: WebFinger, the actor, outbox pages read from the timeline as feeds read
/// it (one ranged query a page, signed cursors; what the store holds is what may be seen, so no embargoed or withdrawn
/// article), and the followers count (counted at most once a minute per instance). Null: nothing to answer (404).
/// </summary>
public sealed class FediverseActor(ActorKey key, ArticleStore store, FeedService feeds, PageCursors cursors, FollowerStore followers,
    IOptions<FediverseOptions> options, IOptions<FeedOptions> feedOptions, TimeProvider time)
{
    /// <summary>Creates per outbox page.</summary>
    public const int PageSize = 20;
    private static readonly CursorUse OutboxCursor = new("outbox:after");
    private (int Count, DateTimeOffset At)? counted;

    /// <summary>The actor's addresses on an origin (the configured public base URL wins over the request's).</summary>
    public FediverseUrls Urls(string scheme, string host) => Urls(SiteUrls.For(feedOptions.Value, scheme, host));

    /// <summary>The actor's addresses on the site a request is for (the handlers take it from <c>SiteOrigins</c>, one per origin).</summary>
    public FediverseUrls Urls(SiteUrls site) => new(site, options.Value.Handle);

    /// <summary>The JRD for our acct: resource (case-insensitive, with or without "acct:"), or for the actor's URL; else null.</summary>
    public async Task<JsonObject?> WebFingerAsync(string? resource, FediverseUrls urls, CancellationToken ct = default)
    {
        if (await key.GetAsync(ct) is null || string.IsNullOrEmpty(resource)) return null;
        var acct = resource.StartsWith("acct:", StringComparison.OrdinalIgnoreCase) ? resource : "acct:" + resource.TrimStart('@');
        return string.Equals(acct, urls.Acct, StringComparison.OrdinalIgnoreCase) || resource == urls.Actor.AbsoluteUri
            ? ActivityDocuments.WebFinger(urls) : null;
    }

    /// <summary>The actor document, or null when the fediverse is off.</summary>
    public async Task<JsonObject?> ActorAsync(FediverseUrls urls, CancellationToken ct = default)
    {
        if (await key.GetAsync(ct) is not { } rsa) return null;
        var o = feedOptions.Value;
        var icon = string.IsNullOrWhiteSpace(o.IconUrl ?? o.ImageUrl) ? null : new Uri(urls.Site.Origin, o.IconUrl ?? o.ImageUrl);
        return ActivityDocuments.Actor(urls, options.Value.Name ?? o.Title, options.Value.Summary ?? o.Description, icon, ActorKey.PublicPem(rsa));
    }

    /// <summary>The outbox: the collection (no count: counting is O(archive)), or a page of Creates, or null for a cursor we did not issue.</summary>
    public async Task<JsonObject?> OutboxAsync(FediverseUrls urls, bool page, string? after, CancellationToken ct = default)
    {
        if (await key.GetAsync(ct) is null) return null;
        if (!page && after is null) return ActivityDocuments.Collection(urls.Outbox, null, urls.OutboxPage(null));
        string? position = null;
        if (after is not null && (position = cursors.Read(OutboxCursor, after)) is null) return null;
        var articles = await store.FeedPageAsync(FeedKey.All, PageSize, position, ct: ct);
        var items = await feeds.ItemsAsync(articles.Articles, urls.Site, ct);
        var creates = items.Zip(articles.Articles, (i, a) => (JsonNode)ActivityDocuments.Activity("Create",
            $"{i.Link.AbsoluteUri}#create/{DeliveryMessage.VersionOf(a)}", ActivityDocuments.Article(i, urls), urls, i.Published));
        var next = articles.After is { } older ? urls.OutboxPage(cursors.Issue(OutboxCursor, older)) : null;
        return ActivityDocuments.CollectionPage(after is null ? urls.OutboxPage(null) : urls.OutboxPage(after), urls.Outbox, next, creates);
    }

    /// <summary>The followers collection: the count, not the list.</summary>
    public async Task<JsonObject?> FollowersAsync(FediverseUrls urls, CancellationToken ct = default)
    {
        if (await key.GetAsync(ct) is null) return null;
        var now = time.GetUtcNow();
        if (counted is not { } c || now - c.At > TimeSpan.FromMinutes(1)) counted = c = (await followers.FollowerTotalAsync(ct), now);
        return ActivityDocuments.Collection(urls.Followers, c.Count, null);
    }
}
