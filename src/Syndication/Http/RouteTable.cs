using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Syndication.Http;

/// <summary>Who may call a route, as the Functions host's AuthorizationLevel: nobody's key, a function key, the admin key.</summary>
public enum RouteAuth { Anonymous, Function, Admin }

/// <summary>One HTTP function: its name, route (from the root: "api/…" but for <see cref="Routes.AtRoot"/>), methods, key level and the library handler it calls.</summary>
public sealed record HttpRoute(string Function, string Route, string[] Methods, RouteAuth Auth, Func<HttpContext, Task<Reply>> Handle);

/// <summary>
/// Every HTTP function, declared once: the local runner maps these rows, and a test holds the Functions app's
/// compile-time <c>[HttpTrigger]</c> attributes (which cannot read a table) to the same rows in both directions.
/// </summary>
public static class RouteTable
{
    private static readonly string[] Read = [HttpMethods.Get, HttpMethods.Head];

    public static IReadOnlyList<HttpRoute> All { get; } =
    [
        new("GetFeed", Routes.Feed, Read, RouteAuth.Anonymous,
            c => Handlers<SyndicationHandlers>(c).GetFeedAsync(c.Request, Value(c, "file"), c.RequestAborted)),
        new("GetFilteredFeed", Routes.FilteredFeed, Read, RouteAuth.Anonymous,
            c => Handlers<SyndicationHandlers>(c).GetFilteredFeedAsync(c.Request, Value(c, "kind"), Value(c, "file"), c.RequestAborted)),
        new("GetOpml", Routes.Opml, Read, RouteAuth.Anonymous,
            c => Handlers<SyndicationHandlers>(c).GetOpmlAsync(c.Request, c.RequestAborted)),
        new("GetImage", Routes.Image, Read, RouteAuth.Anonymous,
            c => Handlers<SyndicationHandlers>(c).GetImageAsync(c.Request, Value(c, "slug"), Value(c, "file"), c.RequestAborted)),
        new("GetRendition", Routes.Rendition, Read, RouteAuth.Anonymous,
            c => Handlers<SyndicationHandlers>(c).GetRenditionAsync(c.Request, Value(c, "slug"), Value(c, "name"), c.RequestAborted)),
        new("GetSitemap", Routes.Sitemap, Read, RouteAuth.Anonymous,
            c => Handlers<SyndicationHandlers>(c).GetSitemapAsync(c.Request, Value(c, "file"), c.RequestAborted)),
        new("GetArticlePage", Routes.Article, Read, RouteAuth.Anonymous,
            c => Handlers<SyndicationHandlers>(c).GetArticlePageAsync(c.Request, Value(c, "slug"), c.RequestAborted)),
        new("GetHealth", Routes.Health, Read, RouteAuth.Anonymous,
            c => Handlers<SyndicationHandlers>(c).GetHealthAsync(c.RequestAborted)),
        new("GetPartnerFeed", Routes.PartnerFeed, Read, RouteAuth.Anonymous,
            c => Handlers<PartnerFeedHandlers>(c).GetFeedAsync(c.Request, Value(c, "id"), Value(c, "file"), c.RequestAborted)),
        new("GetPartnerFilteredFeed", Routes.PartnerFilteredFeed, Read, RouteAuth.Anonymous,
            c => Handlers<PartnerFeedHandlers>(c).GetFilteredFeedAsync(c.Request, Value(c, "id"), Value(c, "kind"), Value(c, "file"), c.RequestAborted)),
        new("IssuePartnerToken", Routes.PartnerToken, [HttpMethods.Post], RouteAuth.Anonymous,
            c => Handlers<PartnerTokenHandlers>(c).IssueAsync(c.Request, c.RequestAborted)),
        new("GetIndex", Routes.Index, Read, RouteAuth.Anonymous,
            c => Handlers<SyndicationHandlers>(c).GetIndexAsync(c.Request, c.RequestAborted)),
        new("ListRejections", Routes.Rejections, [HttpMethods.Get], RouteAuth.Admin,
            c => Handlers<ManageHandlers>(c).ListRejectionsAsync(c.Request, c.RequestAborted)),
        new("RetryRejection", Routes.Retry, [HttpMethods.Post], RouteAuth.Admin,
            c => Handlers<ManageHandlers>(c).RetryAsync(c.Request, c.RequestAborted)),
        new("PutArticleBlob", Routes.PutBlob, [HttpMethods.Put], RouteAuth.Admin,
            c => Handlers<ManageHandlers>(c).PutBlobAsync(c.Request, Value(c, "path"), c.RequestAborted)),
        new("DeleteArticle", Routes.DeleteArticle, [HttpMethods.Delete], RouteAuth.Admin,
            c => Handlers<ManageHandlers>(c).DeleteArticleAsync(Value(c, "slug"), c.RequestAborted)),
        new("CreatePartner", Routes.Partners, [HttpMethods.Post], RouteAuth.Admin,
            c => Handlers<PartnerManageHandlers>(c).CreateAsync(c.Request, c.RequestAborted)),
        new("ListPartners", Routes.Partners, [HttpMethods.Get], RouteAuth.Admin,
            c => Handlers<PartnerManageHandlers>(c).ListAsync(c.RequestAborted)),
        new("RotatePartner", Routes.RotatePartner, [HttpMethods.Post], RouteAuth.Admin,
            c => Handlers<PartnerManageHandlers>(c).RotateAsync(Value(c, "id"), c.RequestAborted)),
        new("UpdatePartner", Routes.Partner, [HttpMethods.Patch], RouteAuth.Admin,
            c => Handlers<PartnerManageHandlers>(c).UpdateAsync(c.Request, Value(c, "id"), c.RequestAborted)),
        new("DeletePartner", Routes.DeletePartner, [HttpMethods.Delete], RouteAuth.Admin,
            c => Handlers<PartnerManageHandlers>(c).DeleteAsync(Value(c, "id"), c.RequestAborted)),
        new("GetWebFinger", Routes.WebFinger, Read, RouteAuth.Anonymous,
            c => Handlers<FediverseHandlers>(c).WebFingerAsync(c.Request, c.RequestAborted)),
        new("GetActor", Routes.Actor, Read, RouteAuth.Anonymous,
            c => Handlers<FediverseHandlers>(c).GetActorAsync(c.Request, c.RequestAborted)),
        new("GetOutbox", Routes.Outbox, Read, RouteAuth.Anonymous,
            c => Handlers<FediverseHandlers>(c).GetOutboxAsync(c.Request, c.RequestAborted)),
        new("GetFollowers", Routes.Followers, Read, RouteAuth.Anonymous,
            c => Handlers<FediverseHandlers>(c).GetFollowersAsync(c.Request, c.RequestAborted)),
        new("PostInbox", Routes.Inbox, [HttpMethods.Post], RouteAuth.Anonymous,
            c => Handlers<FediverseHandlers>(c).PostInboxAsync(c.Request, c.RequestAborted)),
        new("HandleBlobDeleted", Routes.BlobDeleted, [HttpMethods.Post], RouteAuth.Function,
            c => Handlers<EventHandlers>(c).BlobDeletedAsync(c.Request, c.RequestAborted)),
    ];

    private static T Handlers<T>(HttpContext context) where T : notnull => context.RequestServices.GetRequiredService<T>();

    // A route parameter the pattern requires, decoded as minimal APIs bind it.
    private static string Value(HttpContext context, string name) => context.Request.RouteValues[name]?.ToString() ?? "";
}
