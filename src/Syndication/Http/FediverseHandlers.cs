using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Syndication.Fediverse;

namespace Syndication.Http;

/// <summary>
/// The fediverse routes: WebFinger at the root, the actor, its outbox and followers collections, and its inbox. The
/// JSON is <see cref="ActivityDocuments"/>'; this maps requests to it and its answers to replies.
/// </summary>
public sealed class FediverseHandlers(FediverseActor actor, InboxProcessor inbox, ClientAddress clients, RenderCache cache, SiteOrigins origins)
{
    private const string LdJson = "application/ld+json; profile=\"https://www.w3.org/ns/activitystreams\"";
    private static readonly string OutboxCacheControl = Conditional.CacheControl(60);

    /// <summary>GET /.well-known/webfinger?resource=acct:{handle}@{host}: the JRD pointing at the actor (CORS open, as Mastodon's).</summary>
    public async Task<Reply> WebFingerAsync(HttpRequest request, CancellationToken ct = default)
    {
        var resource = request.Query["resource"].ToString();
        if (resource.Length is 0 or > 1000) return Reply.BadRequest("resource is required, e.g. ?resource=acct:news@example.com");
        var jrd = await actor.WebFingerAsync(resource, Urls(request), ct);
        return jrd is null
            ? Reply.NotFound("no such account here").With("Access-Control-Allow-Origin", "*")
            : Json(jrd, "application/jrd+json; charset=utf-8", 3600).With("Access-Control-Allow-Origin", "*");
    }

    /// <summary>GET /api/fediverse/actor: the actor (activity+json; ld+json when that alone is asked for; a browser goes to the home page).</summary>
    public async Task<Reply> GetActorAsync(HttpRequest request, CancellationToken ct = default)
    {
        var urls = Urls(request);
        if (await actor.ActorAsync(urls, ct) is not { } document) return Off();
        var accept = request.Headers.Accept.ToString();
        if (accept.Contains("text/html") && !accept.Contains("json")) return Reply.Text(302, "see the home page").With("Location", urls.Site.Home().AbsoluteUri);
        return Activity(request, document, 300);
    }

    /// <summary>
    /// GET /api/fediverse/outbox[?page=true | ?after=cursor]: the collection, or a page of Creates, newest first; kept in
    /// the render cache at the feed version as the feeds are, with their ETag, so a repeat costs a lookup (304 with If-None-Match).
    /// </summary>
    public async Task<Reply> GetOutboxAsync(HttpRequest request, CancellationToken ct = default)
    {
        var urls = Urls(request);
        var after = request.Query["after"].ToString();
        var page = request.Query["page"] == "true";
        var type = MediaType(request);
        var rendered = await cache.GetOrRenderAsync($"outbox|{urls.Site.Origin}|{type}|{page || after.Length > 0}|{after}", async () =>
            await actor.OutboxAsync(urls, page, after.Length == 0 ? null : after, ct) is { } document
                ? new Rendered(ActivityDocuments.Bytes(document), type, null) : null, ct);
        return rendered is null
            ? Reply.NotFound("no such outbox page; start from the outbox")
            : Conditional.Respond(request, rendered, OutboxCacheControl, "Accept, Accept-Encoding");
    }

    /// <summary>GET /api/fediverse/followers: how many follow (not who).</summary>
    public async Task<Reply> GetFollowersAsync(HttpRequest request, CancellationToken ct = default) =>
        await actor.FollowersAsync(Urls(request), ct) is { } followers ? Activity(request, followers, 60) : Off();

    /// <summary>POST /api/fediverse/inbox: a signed activity (202), unsigned or badly signed (401), over 256 KB (413), a follow change storage failed (503, Retry-After).</summary>
    public async Task<Reply> PostInboxAsync(HttpRequest request, CancellationToken ct = default)
    {
        if (await RequestBody.ReadAsync(request, InboxProcessor.MaxBody, ct) is not { } body)
            return Reply.Text(413, $"activities are at most {InboxProcessor.MaxBody} bytes");
        var urls = Urls(request);
        var headers = request.Headers;
        var result = await inbox.ReceiveAsync(new InboxRequest(request.Method, request.Path + request.QueryString, urls.Site.Origin.Authority,
            h => headers.TryGetValue(h, out var v) ? v.ToString() : null, body.ToArray(), clients.Of(request)), urls, ct);
        if (result.Status == 202) return Reply.Text(202, result.Message);
        var refusal = Json(new JsonObject { ["error"] = result.Message }, "application/json; charset=utf-8", 0, result.Status);
        return result.RetryAfter > 0 ? refusal.With("Retry-After", result.RetryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture)) : refusal;
    }

    private FediverseUrls Urls(HttpRequest request) => actor.Urls(origins.For(request));

    private static Reply Off() => Reply.NotFound("this publication is not on the fediverse");

    // activity+json unless the client asked for ld+json and not activity+json (W3C ActivityPub's MUST).
    private static Reply Activity(HttpRequest request, JsonObject document, int maxAge) =>
        Json(document, MediaType(request), maxAge).With("Vary", "Accept");

    private static string MediaType(HttpRequest request)
    {
        var accept = request.Headers.Accept.ToString();
        return accept.Contains("application/ld+json") && !accept.Contains(ActivityDocuments.MediaType) ? LdJson : ActivityDocuments.MediaType;
    }

    private static Reply Json(JsonObject document, string contentType, int maxAge, int status = 200) =>
        Reply.Bytes(status, contentType, ActivityDocuments.Bytes(document)).With("Cache-Control", maxAge > 0 ? $"public, max-age={maxAge}" : "no-store");
}
