using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Syndication.Http;

namespace Syndication.Functions;

/// <summary>DELETE /api/manage/articles/{slug}: remove an article's document and images (admin key).</summary>
public sealed class DeleteArticle(ManageHandlers handlers)
{
    [Function(nameof(DeleteArticle))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Admin, "delete", Route = Routes.DeleteArticle)] HttpRequest request, string slug) =>
        await handlers.DeleteArticleAsync(slug, request.HttpContext.RequestAborted);
}
