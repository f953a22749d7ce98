using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Syndication.Http;

namespace Syndication.Functions;

/// <summary>POST /api/events/blob-deleted: Event Grid's BlobDeleted deliveries (its own "eventgrid" function key); the article leaves the feeds.</summary>
public sealed class HandleBlobDeleted(EventHandlers handlers)
{
    [Function(nameof(HandleBlobDeleted))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = Routes.BlobDeleted)] HttpRequest request) =>
        await handlers.BlobDeletedAsync(request, request.HttpContext.RequestAborted);
}
