using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Syndication.Http;

namespace Syndication.Functions;

/// <summary>GET /api/feeds.opml: every feed we serve.</summary>
public sealed class GetOpml(SyndicationHandlers handlers)
{
    [Function(nameof(GetOpml))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = Routes.Opml)] HttpRequest request) =>
        await handlers.GetOpmlAsync(request, request.HttpContext.RequestAborted);
}
