using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Syndication.Http;

namespace Syndication.Functions;

/// <summary>GET /api/partners/{id}/feeds/all.{rss|atom|json}: a partner's feed (HTTP Basic; anonymous to the host).</summary>
public sealed class GetPartnerFeed(PartnerFeedHandlers handlers)
{
    [Function(nameof(GetPartnerFeed))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = Routes.PartnerFeed)] HttpRequest request, string id, string file) =>
        await handlers.GetFeedAsync(request, id, file, request.HttpContext.RequestAborted);
}
