using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Syndication.Http;

namespace Syndication.Functions;

/// <summary>DELETE /api/manage/partners/{id}: the partner's credentials stop working (admin key).</summary>
public sealed class DeletePartner(PartnerManageHandlers handlers)
{
    [Function(nameof(DeletePartner))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Admin, "delete", Route = Routes.DeletePartner)] HttpRequest request, string id) =>
        await handlers.DeleteAsync(id, request.HttpContext.RequestAborted);
}
