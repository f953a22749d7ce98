using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Syndication.Http;

namespace Syndication.Functions;

/// <summary>GET /api/sitemaps/{file}: the news sitemap and the sitemap of every article page.</summary>
public sealed class GetSitemap(SyndicationHandlers handlers)
{
    [Function(nameof(GetSitemap))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = Routes.Sitemap)] HttpRequest request, string file) =>
        await handlers.GetSitemapAsync(request, file, request.HttpContext.RequestAborted);
}
