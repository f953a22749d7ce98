using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Syndication.Http;

namespace Syndication.Functions;

/// <summary>POST /api/manage/partners: a new partner and its password, shown once (admin key).</summary>
public sealed class CreatePartner(PartnerManageHandlers handlers)
{
    [Function(nameof(CreatePartner))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Admin, "post", Route = Routes.Partners)] HttpRequest request) =>
        await handlers.CreateAsync(request, request.HttpContext.RequestAborted);
}
