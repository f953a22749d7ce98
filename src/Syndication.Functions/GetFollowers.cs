using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Syndication.Http;

namespace Syndication.Functions;

/// <summary>GET /api/fediverse/followers: how many follow the actor.</summary>
public sealed class GetFollowers(FediverseHandlers handlers)
{
    [Function(nameof(GetFollowers))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = Routes.Followers)] HttpRequest request) =>
        await handlers.GetFollowersAsync(request, request.HttpContext.RequestAborted);
}
