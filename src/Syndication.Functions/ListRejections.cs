using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Syndication.Http;

namespace Syndication.Functions;

/// <summary>GET /api/manage/rejections: blobs we could not publish; ?for=msn: what that platform would refuse of the newest articles (admin key).</summary>
public sealed class ListRejections(ManageHandlers handlers)
{
    [Function(nameof(ListRejections))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Admin, "get", Route = Routes.Rejections)] HttpRequest request) =>
        await handlers.ListRejectionsAsync(request, request.HttpContext.RequestAborted);
}
