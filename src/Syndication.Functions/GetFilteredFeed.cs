using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Syndication.Http;

namespace Syndication.Functions;

/// <summary>GET /api/feeds/{category|tag|author}/{slug}.{rss|atom|json}, and .html: the feed's preview page for people.</summary>
public sealed class GetFilteredFeed(SyndicationHandlers handlers)
{
    [Function(nameof(GetFilteredFeed))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = Routes.FilteredFeed)] HttpRequest request, string kind, string file) =>
        await handlers.GetFilteredFeedAsync(request, kind, file, request.HttpContext.RequestAborted);
}
