using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Syndication.Http;

namespace Syndication.Functions;

/// <summary>GET /api/images/{slug}/{file}: an article's image.</summary>
public sealed class GetImage(SyndicationHandlers handlers)
{
    [Function(nameof(GetImage))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = Routes.Image)] HttpRequest request, string slug, string file) =>
        await handlers.GetImageAsync(request, slug, file, request.HttpContext.RequestAborted);
}
