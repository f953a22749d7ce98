using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Syndication.Http;

namespace Syndication.Functions;

/// <summary>POST /api/manage/partners/{id}/rotate: a new password, shown once; the old one stops working (admin key).</summary>
public sealed class RotatePartner(PartnerManageHandlers handlers)
{
    [Function(nameof(RotatePartner))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Admin, "post", Route = Routes.RotatePartner)] HttpRequest request, string id) =>
        await handlers.RotateAsync(id, request.HttpContext.RequestAborted);
}
