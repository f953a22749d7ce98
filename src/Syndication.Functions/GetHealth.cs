using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Syndication.Http;

namespace Syndication.Functions;

/// <summary>GET /api/health: whether storage is reachable.</summary>
public sealed class GetHealth(SyndicationHandlers handlers)
{
    [Function(nameof(GetHealth))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = Routes.Health)] HttpRequest request) =>
        await handlers.GetHealthAsync(request.HttpContext.RequestAborted);
}
