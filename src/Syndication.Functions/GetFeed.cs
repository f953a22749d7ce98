using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Syndication.Http;

namespace Syndication.Functions;

/// <summary>GET /api/feeds/all.rss, all.atom and all.json, and all.html: the feed's preview page for people.</summary>
public sealed class GetFeed(SyndicationHandlers handlers)
{
    [Function(nameof(GetFeed))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = Routes.Feed)] HttpRequest request, string file) =>
        await handlers.GetFeedAsync(request, file, request.HttpContext.RequestAborted);
}
