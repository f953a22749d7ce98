using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Syndication.Articles;
using Syndication.Feeds;
using Syndication.Pages;
using Syndication.Storage;

namespace Syndication.Http;

/// <summary>The HTTP handlers both doors host: each validates the request, calls the library, and returns a <see cref="Reply"/>.</summary>
public sealed partial class SyndicationHandlers(FeedService feeds, ArticleStore store, RenderCache cache, HealthCheck health,
    PageCursors cursors, SiteOrigins origins, IOptions<FeedOptions> options)
{
    /// <summary>GET/HEAD articles/{slug}: the article as an HTML page.</summary>
    public async Task<Reply> GetArticlePageAsync(HttpRequest request, string slug, CancellationToken ct = default)
    {
        if (!ArticleBlobName.IsValidSlug(slug)) return Reply.BadRequest("slug has characters we never publish");
        var urls = origins.For(request);
        var page = await cache.GetOrRenderAsync($"article|{urls.Origin}|{slug}", async () =>
        {
            if (await store.ArticleBySlugAsync(slug, ct) is not var (article, _)) return null;
            return Html(ArticlePage.Render(await feeds.ItemAsync(article, urls, ct), urls, options.Value), article.Updated);
        }, ct);
        return page is null ? await MissingArticleAsync(slug, ct) : Respond(request, page);
    }

    /// <summary>GET/HEAD the home page: latest articles with lead images, feed URLs and discovery links.</summary>
    public async Task<Reply> GetIndexAsync(HttpRequest request, CancellationToken ct = default)
    {
        var urls = origins.For(request);
        var page = await cache.GetOrRenderAsync($"index|{urls.Origin}", async () =>
        {
            var latest = await store.FeedPageAsync(FeedKey.All, 30, ct: ct);
            return Html(IndexPage.Render(latest.Articles, urls, options.Value), null);
        }, ct);
        return Respond(request, page!);
    }

    private static readonly byte[] Healthy = """{"status":"healthy"}"""u8.ToArray(), Unhealthy = """{"status":"unhealthy"}"""u8.ToArray();

    /// <summary>GET/HEAD health: 200 when storage answers, 503 when not; no detail (that goes to the log), probed at most every few seconds.</summary>
    public async Task<Reply> GetHealthAsync(CancellationToken ct = default)
    {
        var healthy = await health.HealthyAsync().WaitAsync(ct);
        return Reply.Bytes(healthy ? 200 : 503, "application/json; charset=utf-8", healthy ? Healthy : Unhealthy).With(HeaderNames.CacheControl, "no-store");
    }

    /// <summary>A rendered representation in the best encoding the client accepts, or 304 when it has that one already.</summary>
    private Reply Respond(HttpRequest request, Rendered rendered, string? control = null, string vary = "Accept-Encoding") =>
        Conditional.Respond(request, rendered, control ?? cacheControl, vary);

    private static Rendered Html(string html, DateTimeOffset? lastModified) =>
        new(Encoding.UTF8.GetBytes(html), "text/html; charset=utf-8", lastModified, contentSecurityPolicy: PageLayout.ContentSecurityPolicy);

    private readonly string cacheControl = Conditional.CacheControl(options.Value.MaxAgeSeconds, options.Value.StaleWhileRevalidateSeconds);
}
