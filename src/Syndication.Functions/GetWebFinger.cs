using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Syndication.Http;

namespace Syndication.Functions;

/// <summary>GET /.well-known/webfinger?resource=acct:{handle}@{host}: the JRD fediverse servers look the publication up by (at the root, not under /api).</summary>
public sealed class GetWebFinger(FediverseHandlers handlers)
{
    [Function(nameof(GetWebFinger))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = Routes.WebFinger)] HttpRequest request) =>
        await handlers.WebFingerAsync(request, request.HttpContext.RequestAborted);
}
