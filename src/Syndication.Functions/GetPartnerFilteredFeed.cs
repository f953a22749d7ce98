using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Syndication.Http;

namespace Syndication.Functions;

/// <summary>GET /api/partners/{id}/feeds/{category|tag|author}/{name}.{rss|atom|json}: a partner's filtered feed (HTTP Basic).</summary>
public sealed class GetPartnerFilteredFeed(PartnerFeedHandlers handlers)
{
    [Function(nameof(GetPartnerFilteredFeed))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = Routes.PartnerFilteredFeed)] HttpRequest request, string id, string kind, string file) =>
        await handlers.GetFilteredFeedAsync(request, id, kind, file, request.HttpContext.RequestAborted);
}
