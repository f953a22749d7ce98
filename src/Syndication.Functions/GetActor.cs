using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Syndication.Http;

namespace Syndication.Functions;

/// <summary>GET /api/fediverse/actor: the publication as an ActivityPub actor.</summary>
public sealed class GetActor(FediverseHandlers handlers)
{
    [Function(nameof(GetActor))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = Routes.Actor)] HttpRequest request) =>
        await handlers.GetActorAsync(request, request.HttpContext.RequestAborted);
}
