using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Syndication.Http;

namespace Syndication.Functions;

/// <summary>POST /api/fediverse/inbox: signed activities from the fediverse (Follow, Undo, Delete).</summary>
public sealed class PostInbox(FediverseHandlers handlers)
{
    [Function(nameof(PostInbox))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.Inbox)] HttpRequest request) =>
        await handlers.PostInboxAsync(request, request.HttpContext.RequestAborted);
}
