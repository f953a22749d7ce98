using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Syndication.Http;

namespace Syndication.Functions;

/// <summary>POST /api/manage/rejections/retry?blob=NAME: ingest a fixed blob again (admin key).</summary>
public sealed class RetryRejection(ManageHandlers handlers)
{
    [Function(nameof(RetryRejection))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Admin, "post", Route = Routes.Retry)] HttpRequest request) =>
        await handlers.RetryAsync(request, request.HttpContext.RequestAborted);
}
