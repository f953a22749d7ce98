using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Syndication.Http;

namespace Syndication.Functions;

/// <summary>GET /api/images/{slug}/renditions/{name}: an image's rendition (content-addressed; cached and revalidated as originals).</summary>
public sealed class GetRendition(SyndicationHandlers handlers)
{
    [Function(nameof(GetRendition))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = Routes.Rendition)] HttpRequest request, string slug, string name) =>
        await handlers.GetRenditionAsync(request, slug, name, request.HttpContext.RequestAborted);
}
