using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;
using Syndication.Feeds;

namespace Syndication.Http;

// Withdrawals readers can see: the list of tombstones, and 410 Gone for a withdrawn article's page and images.
public sealed partial class SyndicationHandlers
{
    private sealed record WithdrawnEntry(
        [property: JsonPropertyName("id")] string Id,
        [property: JsonPropertyName("url")] string Url,
        [property: JsonPropertyName("withdrawn_at")] string WithdrawnAt);

    /// <summary>GET/HEAD feeds/withdrawn.json: every article withdrawn within the tombstone window, {id, url, withdrawn_at}, newest first.</summary>
    public async Task<Reply> GetWithdrawnAsync(HttpRequest request, CancellationToken ct = default)
    {
        var urls = origins.For(request);
        var list = await cache.GetOrRenderAsync($"withdrawn|{urls.Origin}", async () =>
        {
            var entries = (await feeds.WithdrawnAsync(ct)).Select(t => new WithdrawnEntry(Articles.StableId.Urn(t.Id),
                urls.Article(t.Slug).AbsoluteUri, Xml.Rfc3339(t.When)));
            return new Rendered(JsonSerializer.SerializeToUtf8Bytes(entries), "application/json; charset=utf-8", null);
        }, ct);
        return Respond(request, list!);
    }

    // No article row: 410 Gone while its tombstone lasts, else 404.
    private async Task<Reply> MissingArticleAsync(string slug, CancellationToken ct) =>
        await feeds.WithdrawnAsync(slug, ct) is { } gone
            ? Reply.Text(410, $"article '{slug}' was withdrawn at {Xml.Rfc3339(gone.When)}")
            : Reply.NotFound($"article '{slug}' does not exist");

    // A published blob that is not there: 410 Gone while its article's tombstone lasts, else 404 (neither is cached).
    private async Task<Reply> MissingPublishedAsync(string slug, string what, CancellationToken ct) =>
        await feeds.WithdrawnAsync(slug, ct) is { } gone
            ? Reply.Text(410, $"{what} was withdrawn with its article at {Xml.Rfc3339(gone.When)}")
            : Reply.NotFound($"{what} does not exist");
}
