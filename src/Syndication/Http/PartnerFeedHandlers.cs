using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Syndication.Feeds;
using Syndication.Partners;
using Syndication.Storage;
using Syndication.Articles;

namespace Syndication.Http;

/// <summary>
/// Partner feeds, partners/{id}/feeds/...: the public feeds' handler (item cache, render cache, conditional GET, paging,
/// compression) behind HTTP Basic or a Bearer token, with the partner's own URLs and item limit, Cache-Control private and Vary: Authorization,
/// in the shape of the partner's profile (<see cref="FeedProfile.Shape"/>: its RSS; its least item count for every format).
/// </summary>
public sealed class PartnerFeedHandlers(SyndicationHandlers handlers, PartnerGate gate, PartnerPullCounter pulls, ClientAddress clients,
    IOptions<PartnerOptions> partnerOptions, IOptions<FeedOptions> options)
{
    private readonly string cacheControl = $"private, max-age={options.Value.MaxAgeSeconds}";

    /// <summary>GET/HEAD partners/{id}/feeds/all.{rss|atom|json}.</summary>
    public Task<Reply> GetFeedAsync(HttpRequest request, string id, string file, CancellationToken ct = default) =>
        ServeAsync(request, id, null, file, ct);

    /// <summary>GET/HEAD partners/{id}/feeds/{category|tag|author}/{name}.{rss|atom|json}.</summary>
    public Task<Reply> GetFilteredFeedAsync(HttpRequest request, string id, string kind, string file, CancellationToken ct = default) =>
        ServeAsync(request, id, kind, file, ct);

    private async Task<Reply> ServeAsync(HttpRequest request, string id, string? kind, string file, CancellationToken ct)
    {
        var check = await gate.CheckAsync(id, request.Headers.Authorization.ToString(), clients.Of(request), ct);
        if (check.Status == 429)
            return Reply.Text(429, "too many failed attempts from this client; try again later")
                .With(HeaderNames.RetryAfter, Math.Ceiling(check.RetryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture));
        if (check.Partner is not { } partner)
            return check.Bearer
                ? Reply.Text(401, "the access token is invalid, expired or revoked, or not this partner's; get a new one from POST /api/partners/token")
                    .With(HeaderNames.WWWAuthenticate, PartnerGate.BearerChallenge)
                : Reply.Text(401, "partner credentials are required: HTTP Basic with the partner id and its password, or a Bearer token from POST /api/partners/token")
                    .With(HeaderNames.WWWAuthenticate, PartnerGate.FeedChallenges);
        if (Requested(kind, file) is not var (key, format))
            return Reply.NotFound($"'{(kind is null ? "" : kind + "/")}{file}' is not a feed; try {FeedFormats.List("all")} or category/NAME.rss");
        if (!PartnerGate.Allows(partner, key))
            return Reply.Text(403, $"partner '{partner.Id}' may not read {key.Path}; it may read {string.Join(", ", partner.Feeds)}");
        pulls.Count(partner.Id);
        var profile = FeedProfiles.Of(partner.Profile);
        var limit = Math.Max(partner.Limit > 0 ? partner.Limit : partnerOptions.Value.DefaultLimit, profile.MinItems);
        return await handlers.FeedAsync(request, key, profile.Shape(format), new FeedScope(partner.Id, limit, cacheControl), ct);
    }

    private static (FeedKey, FeedFormat)? Requested(string? kind, string file)
    {
        if (FeedFormats.FromFileName(file) is not var (name, format)) return null;
        if (kind is null) return name == "all" ? (FeedKey.All, format) : null;
        return FeedKey.ParseKind(kind) is { } k && FeedKey.IsSlug(name) ? (new FeedKey(k, name), format) : null;
    }
}
