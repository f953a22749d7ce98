using Microsoft.AspNetCore.Http;
using Syndication.Articles;
using Syndication.Storage;

namespace Syndication.Http;

// Renditions: content-addressed names, yet cached only as long as originals, so a withdrawal reaches caches; conditional
// GET and ranges as for originals.
public sealed partial class SyndicationHandlers
{
    /// <summary>
    /// GET/HEAD images/{slug}/renditions/{name}: a rendition's bytes with their real type and length, cached and
    /// revalidated as originals are (never immutable: a withdrawn article's renditions must leave caches; 410 while its
    /// tombstone lasts); Range answered 206/416 as for images.
    /// </summary>
    public async Task<Reply> GetRenditionAsync(HttpRequest request, string slug, string name, CancellationToken ct = default)
    {
        if (!ArticleBlobName.IsValidSlug(slug) || !RenditionName().IsMatch(name))
            return Reply.BadRequest("slug or rendition name has characters we never publish");
        return await PublishedAsync(request, ArticleStore.RenditionBlob(slug, name), () => MissingPublishedAsync(slug, $"rendition '{slug}/{name}'", ct), ct);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^[0-9a-f]{16}-[a-z]+-[0-9]{1,5}x[0-9]{1,5}-r[0-9]+\.(jpg|png|webp)\z")]
    private static partial System.Text.RegularExpressions.Regex RenditionName();
}
