using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Syndication.Http;

namespace Syndication.Functions;

/// <summary>PUT /api/manage/blobs/{slug}.{ext} or {slug}/{image}: publish over HTTP (admin key).</summary>
public sealed class PutArticleBlob(ManageHandlers handlers)
{
    [Function(nameof(PutArticleBlob))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Admin, "put", Route = Routes.PutBlob)] HttpRequest request, string path) =>
        await handlers.PutBlobAsync(request, path, request.HttpContext.RequestAborted);
}
