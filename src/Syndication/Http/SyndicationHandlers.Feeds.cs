using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using Syndication.Feeds;
using Syndication.Pages;
using Syndication.Storage;
using Syndication.Articles;

namespace Syndication.Http;

// The feed endpoints: every feed, the OPML list and the stylesheet.
public sealed partial class SyndicationHandlers
{
    // The files served beside the feeds from the library's resources: the stylesheet, and the logo platforms show
    // when no LogoUrl is configured (SmartNews snf:logo).
    private static readonly Dictionary<string, Lazy<Rendered>> Files = new()
    {
        ["feed.xsl"] = Resource("feed.xsl", "text/xsl; charset=utf-8"),
        ["logo.png"] = Resource("logo.png", "image/png"),
        ["logo-dark.png"] = Resource("logo-dark.png", "image/png"),
    };

    private static Lazy<Rendered> Resource(string name, string contentType) => new(() =>
    {
        using var stream = typeof(SyndicationHandlers).Assembly.GetManifestResourceStream(name)!;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return new Rendered(copy.ToArray(), contentType, null);
    });

    /// <summary>GET/HEAD feeds/{file}: "all.rss", "all.atom", "all.json", its preview "all.html" (and the stylesheet "feed.xsl", the logos "logo.png", "logo-dark.png").</summary>
    public Task<Reply> GetFeedAsync(HttpRequest request, string file, CancellationToken ct = default)
    {
        if (Files.TryGetValue(file, out var served)) return Task.FromResult(Respond(request, served.Value));
        if (file == "withdrawn.json") return GetWithdrawnAsync(request, ct);
        if (FeedFormats.PreviewName(file) == "all") return FeedPreviewAsync(request, FeedKey.All, ct);
        return FeedFormats.FromFileName(file) is ("all", var format)
            ? FeedAsync(request, FeedKey.All, format, ct)
            : Task.FromResult(Reply.NotFound($"feed '{file}' does not exist; try {FeedFormats.List("all")}"));
    }

    /// <summary>GET/HEAD feeds/{kind}/{file}: one category's, tag's or author's feed ("category/politics.rss") or its preview (".html").</summary>
    public Task<Reply> GetFilteredFeedAsync(HttpRequest request, string kind, string file, CancellationToken ct = default)
    {
        if (FeedKey.ParseKind(kind) is not { } k) return Task.FromResult(Reply.NotFound("feeds are by category, tag or author"));
        var (slug, format) = FeedFormats.FromFileName(file) is var (name, f) ? (name, f) : (FeedFormats.PreviewName(file), null);
        if (slug is null) return Task.FromResult(Reply.NotFound($"'{file}' is not a feed; try {FeedFormats.List(file.Split('.')[0])}"));
        if (!FeedKey.IsSlug(slug)) return Task.FromResult(Reply.BadRequest("feed names are lower-case letters, digits and hyphens, like 'city-council'"));
        return format is null ? FeedPreviewAsync(request, new FeedKey(k, slug), ct) : FeedAsync(request, new FeedKey(k, slug), format, ct);
    }

    /// <summary>
    /// A feed's preview page: its first page, rendered from the same model as the feed, cached at the feed version and
    /// validated as feeds are. The query is ignored (no ?limit=, no cursors), so each feed has one preview to cache.
    /// </summary>
    private async Task<Reply> FeedPreviewAsync(HttpRequest request, FeedKey key, CancellationToken ct)
    {
        var o = options.Value;
        var urls = origins.For(request);
        var page = await cache.GetOrRenderAsync($"preview|{urls.Origin}|{key.Path}", async () =>
        {
            // The model as the RSS feed's first page has it (RSS reads no tombstones); the page takes no URL of its own from it.
            if (await feeds.PageAsync(new FeedRequest(key, FeedFormats.Rss, o.DefaultLimit), urls, ct) is not { } feed) return null;
            return Html(FeedPreviewPage.Render(feed, key, urls, o), feed.Updated);
        }, ct);
        return page is null ? Reply.NotFound($"no {FeedKey.KindName(key.Kind)} '{key.Slug}' has articles") : Respond(request, page);
    }

    /// <summary>GET/HEAD feeds.opml: every feed in every format, for subscribing at once.</summary>
    public async Task<Reply> GetOpmlAsync(HttpRequest request, CancellationToken ct = default)
    {
        var o = options.Value;
        var urls = origins.For(request);
        var opml = await cache.GetOrRenderAsync($"opml|{urls.Origin}", async () =>
        {
            var names = await store.FeedNamesAsync(ct);
            var list = names.OrderBy(n => n.Key.Kind).ThenBy(n => n.Key.Slug, StringComparer.Ordinal)
                .Select(n => ($"{o.Title}: {n.Name}", n.Key)).Prepend((o.Title, FeedKey.All)).ToList();
            // Dated as the whole feed is (its newest articles' latest update), not 1970.
            var created = await feeds.UpdatedAsync(FeedKey.All, ct);
            return new Rendered(OpmlWriter.Write(o.Title, created, list, urls,
                Sitemaps.Files.Select(f => (f.Title, urls.Sitemap(f.File))).ToList()), "text/x-opml; charset=utf-8", created);
        }, ct);
        return Respond(request, opml!);
    }

    private Task<Reply> FeedAsync(HttpRequest request, FeedKey key, FeedFormat format, CancellationToken ct) =>
        FeedAsync(request, key, format, null, ct);

    /// <summary>A feed for the public (<paramref name="scope"/> null) or for one partner: its URLs, limits and caching.</summary>
    internal async Task<Reply> FeedAsync(HttpRequest request, FeedKey key, FeedFormat format, FeedScope? scope, CancellationToken ct)
    {
        using var activity = Telemetry.Source.StartActivity("serve feed");
        activity?.SetTag("feed.path", key.Path);
        activity?.SetTag("feed.format", format.Extension);
        var reply = await BuildFeedAsync(request, key, format, scope, ct);
        activity?.SetTag("http.response.status_code", reply.Status);
        return reply;
    }

    private async Task<Reply> BuildFeedAsync(HttpRequest request, FeedKey key, FeedFormat format, FeedScope? scope, CancellationToken ct)
    {
        var o = options.Value;
        var (defaultLimit, maxLimit) = scope is null ? (o.DefaultLimit, o.MaxLimit) : (scope.Limit, scope.Limit);
        // Out of range is refused, not capped: a reader asking 500 learns the page size rather than silently getting 200.
        if (!TryLimit(request, defaultLimit, maxLimit, out var limit))
            return Reply.BadRequest($"limit must be a whole number from 1 to {maxLimit}, the most one page holds; the feed's next links page on from there");
        var urls = scope is null ? origins.For(request) : origins.For(request).ForPartner(scope.PartnerId);
        var (afterText, beforeText) = (request.Query["after"].ToString(), request.Query["before"].ToString());
        if (afterText.Length > 0 && beforeText.Length > 0)
            return Reply.BadRequest("after and before are page cursors from a feed's next and previous links (one at a time)");
        // Checked before any storage call: a made-up cursor would miss every cache and start a query.
        var after = afterText.Length > 0 ? cursors.Read(CursorUse.After(key), afterText) : null;
        var before = beforeText.Length > 0 ? cursors.Read(CursorUse.Before(key), beforeText) : null;
        if ((afterText.Length > 0 && after is null) || (beforeText.Length > 0 && before is null))
            return Reply.BadRequest("this cursor was not issued by this service for this feed; start from "
                + urls.Feed(key, format, limit == defaultLimit ? null : $"limit={limit}").AbsoluteUri + " and follow its next and previous links");
        var rendered = await cache.GetOrRenderAsync($"feed|{urls.Origin}|{urls.FeedsPath}|{key.Path}|{format}|{limit}|{after}|{before}", async () =>
        {
            if (await feeds.PageAsync(new FeedRequest(key, format, limit, after, before, defaultLimit), urls, ct) is not { } feed) return null;
            // A partner's feed is private: no hub may fetch it for subscribers.
            if (scope is not null) feed = feed with { HubUrl = null };
            var link = $"<{feed.SelfUrl.AbsoluteUri}>; rel=\"self\"";
            if (feed.HubUrl is { } hub) link = $"<{hub.AbsoluteUri}>; rel=\"hub\", " + link;
            return new Rendered(feeds.Write(feed, format), format.ContentType, feed.Updated, link);
        }, ct);
        if (rendered is null) return Reply.NotFound($"no {FeedKey.KindName(key.Kind)} '{key.Slug}' has articles");
        return scope is null ? Respond(request, rendered) : Respond(request, rendered, scope.CacheControl, FeedScope.Vary);
    }

    private static bool TryLimit(HttpRequest request, int defaultLimit, int maxLimit, out int limit)
    {
        limit = defaultLimit;
        var text = request.Query["limit"].ToString();
        if (text.Length == 0) return true;
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var asked) || asked < 1 || asked > maxLimit) return false;
        limit = asked;
        return true;
    }
}
