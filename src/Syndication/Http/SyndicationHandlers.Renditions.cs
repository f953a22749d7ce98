using Microsoft.AspNetCore.Http;
using Syndication.Articles;

namespace Syndication.Http;

// Renditions: content-addressed names, so every answer is immutable; conditional GET and ranges as for originals.
public sealed partial class SyndicationHandlers
{
    /// <summary>
    /// GET/HEAD images/{slug}/renditions/{name}: a rendition's bytes with their real type and length, cached a year as
    /// immutable (the name changes whenever the bytes would); Range answered 206/416 as for images.
    /// </summary>
    public async Task<Reply> GetRenditionAsync(HttpRequest request, string slug, string name, CancellationToken ct = default)
    {
        if (!ArticleBlobName.IsValidSlug(slug) || !RenditionName().IsMatch(name))
            return Reply.BadRequest("slug or rendition name has characters we never publish");
        return await PublishedAsync(request, $"rendition '{slug}/{name}'", Conditional.Immutable,
            (range, ifMatch) => store.OpenRenditionAsync(slug, name, ct, range, ifMatch), () => store.RenditionPropertiesAsync(slug, name, ct));
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^[0-9a-f]{16}-[a-z]+-[0-9]{1,5}x[0-9]{1,5}-r[0-9]+\.(jpg|png|webp)\z")]
    private static partial System.Text.RegularExpressions.Regex RenditionName();
}
