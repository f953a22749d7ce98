using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Syndication.Http;

namespace Syndication.Functions;

/// <summary>GET /api/manage/partners: partners with their last pull and pulls per day (admin key).</summary>
public sealed class ListPartners(PartnerManageHandlers handlers)
{
    [Function(nameof(ListPartners))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Admin, "get", Route = Routes.Partners)] HttpRequest request) =>
        await handlers.ListAsync(request.HttpContext.RequestAborted);
}
