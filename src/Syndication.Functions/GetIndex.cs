using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Syndication.Http;

namespace Syndication.Functions;

/// <summary>GET /api/: the home page listing the latest articles and the feeds.</summary>
public sealed class GetIndex(SyndicationHandlers handlers)
{
    [Function(nameof(GetIndex))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = Routes.Index)] HttpRequest request) =>
        await handlers.GetIndexAsync(request, request.HttpContext.RequestAborted);
}
