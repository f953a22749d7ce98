using Azure;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
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
        var properties = await store.RenditionPropertiesAsync(slug, name, ct);
        if (properties is null) return Reply.NotFound($"rendition '{slug}/{name}' does not exist");
        var etag = properties.ETag.ToString("H");
        if (Conditional.IsNotModified(request, etag, properties.LastModified))
            return Image(Reply.NotModified(), etag, properties.LastModified, Conditional.Immutable);
        var total = properties.ContentLength;
        var header = request.Headers.Range.ToString();
        var ifRange = request.Headers.IfRange.ToString();
        if (header.Length > 0 && (ifRange.Length == 0 || ifRange == etag))
        {
            var (asked, unsatisfiable) = ByteRange.Parse(header, total);
            if (unsatisfiable)
                return Reply.Text(416, $"the image has {total} bytes").With(HeaderNames.ContentRange, $"bytes */{total}").With(HeaderNames.AcceptRanges, "bytes");
            if (asked is { } r && await store.OpenRenditionAsync(slug, name, ct, new HttpRange(r.First, r.Length), properties.ETag) is { } part)
                return Image(Reply.Stream(properties.ContentType, part.Content, r.Length, status: 206).With(HeaderNames.ContentRange, r.ContentRange(total)),
                    etag, properties.LastModified, Conditional.Immutable);
        }
        var whole = await store.OpenRenditionAsync(slug, name, ct, ifMatch: properties.ETag);
        if (whole is null) return Reply.NotFound($"rendition '{slug}/{name}' does not exist");
        return Image(Reply.Stream(properties.ContentType, whole.Content, total), etag, properties.LastModified, Conditional.Immutable);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^[0-9a-f]{16}-[a-z]+-[0-9]{1,5}x[0-9]{1,5}-r[0-9]+\.(jpg|png|webp)$")]
    private static partial System.Text.RegularExpressions.Regex RenditionName();
}
