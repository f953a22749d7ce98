using Microsoft.AspNetCore.Http;
using Syndication.Feeds;

namespace Syndication.Http;

// The sitemaps: news.xml (Google News: the last two days, at most 1,000, newest first) and articles.xml (every article
// page; past SitemapPageSize URLs an index of pages, each read from its cursor). Rendered, cached and answered as feeds are.
public sealed partial class SyndicationHandlers
{
    /// <summary>GET/HEAD sitemaps/{file}: "news.xml", or "articles.xml" (?page=1 or ?after={cursor} for a page of its index).</summary>
    public async Task<Reply> GetSitemapAsync(HttpRequest request, string file, CancellationToken ct = default)
    {
        var urls = origins.For(request);
        var o = options.Value;
        switch (file)
        {
            case "news.xml":
            {
                // Keyed on the hour too, so articles leave the two-day window within an hour even when nothing is published.
                var now = TimeProvider.System.GetUtcNow();
                var rendered = await cache.GetOrRenderAsync($"sitemap|{urls.Origin}|news|{now:yyyyMMddHH}", async () =>
                {
                    var page = await store.SitemapPageAsync(Sitemaps.NewsLimit, since: now - Sitemaps.NewsWindow, news: true, ct: ct);
                    return Sitemap(SitemapWriter.UrlSet(page.Articles.Select(a => Sitemaps.News(a, urls, o))), page.Articles);
                }, ct);
                return Respond(request, rendered!);
            }
            case "articles.xml":
            {
                var text = request.Query["after"].ToString();
                var first = request.Query["page"].ToString();
                if (first.Length > 0 && (first != "1" || text.Length > 0))
                    return Reply.BadRequest("a sitemap page is ?page=1 or ?after= a cursor from the sitemap index");
                // Checked before any storage call, as a feed's cursors are.
                var after = text.Length > 0 ? cursors.Read(CursorUse.Sitemap, text) : null;
                if (text.Length > 0 && after is null)
                    return Reply.BadRequest($"this cursor was not issued by this service for the sitemap; start from {urls.Sitemap("articles.xml").AbsoluteUri}");
                var size = Math.Max(1, o.SitemapPageSize);
                var rendered = await cache.GetOrRenderAsync($"sitemap|{urls.Origin}|articles|{first}|{after}", async () =>
                {
                    var page = await store.SitemapPageAsync(size, after, ct: ct);
                    if (page.After is null || first.Length > 0 || after is not null)
                        return Sitemap(SitemapWriter.UrlSet(page.Articles.Select(a => Sitemaps.Url(a, urls))), page.Articles);
                    var starts = await store.SitemapPageStartsAsync(size, ct);
                    var pages = starts.Select(s => urls.Sitemap("articles.xml",
                        s is null ? "page=1" : "after=" + Uri.EscapeDataString(cursors.Issue(CursorUse.Sitemap, s))));
                    return Sitemap(SitemapWriter.Index(pages), page.Articles);
                }, ct);
                return Respond(request, rendered!);
            }
            default:
                return Reply.NotFound($"sitemap '{file}' does not exist; try {string.Join(" or ", Sitemaps.Files.Select(f => f.File))}");
        }
    }

    private static Rendered Sitemap(byte[] xml, IReadOnlyList<Storage.StoredArticle> articles) =>
        new(xml, SitemapWriter.ContentType, articles.Count == 0 ? null : articles.Max(a => a.Updated));
}
