using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Syndication.Http;

namespace Syndication.Functions;

/// <summary>PATCH /api/manage/partners/{id} {"profile":"msn"}: the partner's feeds take that profile's shape (admin key).</summary>
public sealed class UpdatePartner(PartnerManageHandlers handlers)
{
    [Function(nameof(UpdatePartner))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Admin, "patch", Route = Routes.Partner)] HttpRequest request, string id) =>
        await handlers.UpdateAsync(request, id, request.HttpContext.RequestAborted);
}
