using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Syndication.Http;

namespace Syndication.Functions;

/// <summary>GET /api/articles/{slug}: the article as a page.</summary>
public sealed class GetArticlePage(SyndicationHandlers handlers)
{
    [Function(nameof(GetArticlePage))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = Routes.Article)] HttpRequest request, string slug) =>
        await handlers.GetArticlePageAsync(request, slug, request.HttpContext.RequestAborted);
}
