using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Syndication.Http;

namespace Syndication.Functions;

/// <summary>POST /api/partners/token: OAuth 2.0 client credentials, a partner's id and password for a Bearer token (anonymous to the host).</summary>
public sealed class IssuePartnerToken(PartnerTokenHandlers handlers)
{
    [Function(nameof(IssuePartnerToken))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.PartnerToken)] HttpRequest request) =>
        await handlers.IssueAsync(request, request.HttpContext.RequestAborted);
}
