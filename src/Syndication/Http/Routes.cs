namespace Syndication.Http;

/// <summary>
/// The HTTP routes from the root (host.json's routePrefix is "", so the public root can serve /.well-known/webfinger):
/// every other route starts with <see cref="Api"/>, so its public URL is the one it always had. The Functions
/// attributes and <see cref="RouteTable"/> (the local runner) both use these.
/// </summary>
public static class Routes
{
    /// <summary>The prefix of every route but <see cref="AtRoot"/>'s, as host.json's routePrefix "api" was.</summary>
    public const string Api = "api/";
    /// <summary>A feed ("all.rss") or its preview page ("all.html"): one route, so no host has to rank two patterns that both match.</summary>
    public const string Feed = Api + "feeds/{file}";
    public const string FilteredFeed = Api + "feeds/{kind}/{file}";
    public const string Opml = Api + "feeds.opml";
    public const string Image = Api + "images/{slug}/{file}";
    public const string Article = Api + "articles/{slug}";
    /// <summary>An image's rendition by its content-addressed name.</summary>
    public const string Rendition = Api + "images/{slug}/renditions/{name}";
    /// <summary>news.xml and articles.xml.</summary>
    public const string Sitemap = Api + "sitemaps/{file}";
    public const string Health = Api + "health";
    /// <summary>Key-protected: list rejections, retry one, publish a blob, remove an article.</summary>
    public const string Rejections = Api + "manage/rejections";
    public const string Retry = Api + "manage/rejections/retry";
    public const string PutBlob = Api + "manage/blobs/{*path}";
    public const string DeleteArticle = Api + "manage/articles/{slug}";
    public const string BlobDeleted = Api + "events/blob-deleted";
    /// <summary>Key-protected: create and list partners, rotate a password, change a profile, delete a partner.</summary>
    public const string Partners = Api + "manage/partners";
    public const string RotatePartner = Api + "manage/partners/{id}/rotate";
    /// <summary>One partner: PATCH changes its profile, DELETE removes it.</summary>
    public const string Partner = Api + "manage/partners/{id}";
    public const string DeletePartner = Partner;
    /// <summary>HTTP Basic (the partner's id and password): a partner's feeds.</summary>
    public const string PartnerFeed = Api + "partners/{id}/feeds/{file}";
    public const string PartnerFilteredFeed = Api + "partners/{id}/feeds/{kind}/{file}";
    /// <summary>OAuth 2.0 client credentials: a partner's id and password for a short-lived Bearer token to its feeds.</summary>
    public const string PartnerToken = Api + "partners/token";
    /// <summary>The home page at /api/ (Functions allow no empty route; an always-empty optional segment stands in).</summary>
    public const string Index = Api + "{ignored:maxlength(0)?}";
    /// <summary>WebFinger (RFC 7033), at the root of the public address as fediverse servers look it up.</summary>
    public const string WebFinger = ".well-known/webfinger";
    /// <summary>The publication as an ActivityPub actor, its inbox (personal and shared), outbox and followers.</summary>
    public const string Actor = Api + "fediverse/actor";
    public const string Inbox = Api + "fediverse/inbox";
    public const string Outbox = Api + "fediverse/outbox";
    public const string Followers = Api + "fediverse/followers";

    /// <summary>The routes outside <see cref="Api"/>: a test holds every other route under it.</summary>
    public static readonly IReadOnlyList<string> AtRoot = [WebFinger];
}
