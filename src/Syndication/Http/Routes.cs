namespace Syndication.Http;

/// <summary>The HTTP routes (after the "api" prefix): the Functions attributes and <see cref="RouteTable"/> (the local runner) both use these.</summary>
public static class Routes
{
    /// <summary>A feed ("all.rss") or its preview page ("all.html"): one route, so no host has to rank two patterns that both match.</summary>
    public const string Feed = "feeds/{file}";
    public const string FilteredFeed = "feeds/{kind}/{file}";
    public const string Opml = "feeds.opml";
    public const string Image = "images/{slug}/{file}";
    public const string Article = "articles/{slug}";
    /// <summary>An image's rendition by its content-addressed name.</summary>
    public const string Rendition = "images/{slug}/renditions/{name}";
    /// <summary>news.xml and articles.xml.</summary>
    public const string Sitemap = "sitemaps/{file}";
    public const string Health = "health";
    /// <summary>Key-protected: list rejections, retry one, publish a blob, remove an article.</summary>
    public const string Rejections = "manage/rejections";
    public const string Retry = "manage/rejections/retry";
    public const string PutBlob = "manage/blobs/{*path}";
    public const string DeleteArticle = "manage/articles/{slug}";
    public const string BlobDeleted = "events/blob-deleted";
    /// <summary>Key-protected: create and list partners, rotate a password, change a profile, delete a partner.</summary>
    public const string Partners = "manage/partners";
    public const string RotatePartner = "manage/partners/{id}/rotate";
    /// <summary>One partner: PATCH changes its profile, DELETE removes it.</summary>
    public const string Partner = "manage/partners/{id}";
    public const string DeletePartner = Partner;
    /// <summary>HTTP Basic (the partner's id and password): a partner's feeds.</summary>
    public const string PartnerFeed = "partners/{id}/feeds/{file}";
    public const string PartnerFilteredFeed = "partners/{id}/feeds/{kind}/{file}";
    /// <summary>OAuth 2.0 client credentials: a partner's id and password for a short-lived Bearer token to its feeds.</summary>
    public const string PartnerToken = "partners/token";
    /// <summary>The home page at /api/ (Functions allow no empty route; an always-empty optional segment stands in).</summary>
    public const string Index = "{ignored:maxlength(0)?}";
}
