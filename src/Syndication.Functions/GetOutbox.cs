using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Syndication.Http;

namespace Syndication.Functions;

/// <summary>GET /api/fediverse/outbox: the actor's outbox, a Create per article, paged from the timeline.</summary>
public sealed class GetOutbox(FediverseHandlers handlers)
{
    [Function(nameof(GetOutbox))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = Routes.Outbox)] HttpRequest request) =>
        await handlers.GetOutboxAsync(request, request.HttpContext.RequestAborted);
}
