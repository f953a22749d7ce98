using Azure;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using Syndication.Articles;

namespace Syndication.Http;

// The image endpoint: the bytes as published, kept by caches for good at a versioned URL, in ranges when asked.
public sealed partial class SyndicationHandlers
{
    private static readonly string ImageCacheControl = Conditional.CacheControl(86400);

    /// <summary>
    /// GET/HEAD images/{slug}/{file}: the published image bytes with their real type and length. With ?v= naming the
    /// version the article row holds (the URL feeds and pages link) caches keep it a year as immutable; an older
    /// version's URL gets today's bytes for a day only. A Range header gets 206 with those bytes, or 416 when the image
    /// has none of them.
    /// </summary>
    public async Task<Reply> GetImageAsync(HttpRequest request, string slug, string file, CancellationToken ct = default)
    {
        if (!ArticleBlobName.IsValidSlug(slug) || !ArticleBlobName.IsValidFileName(file))
            return Reply.BadRequest("slug or file name has characters we never publish");
        var version = request.Query["v"].ToString();
        var cacheControl = version.Length > 0 && await IsCurrentVersionAsync(slug, file, version, ct) ? Conditional.Immutable : ImageCacheControl;
        var range = request.Headers.Range.ToString();
        if (range.Length > 0 && await RangeAsync(request, slug, file, range, cacheControl, ct) is { } partial) return partial;
        var image = await store.OpenImageAsync(slug, file, ct);
        if (image is null) return Reply.NotFound($"image '{slug}/{file}' does not exist");
        var details = image.Details;
        var etag = details.ETag.ToString("H");
        if (Conditional.IsNotModified(request, etag, details.LastModified))
        {
            await image.Content.DisposeAsync();
            return Image(Reply.NotModified(), etag, details.LastModified, cacheControl);
        }
        var reply = Reply.Stream(details.ContentType ?? "application/octet-stream", image.Content, details.ContentLength);
        return Image(reply, etag, details.LastModified, cacheControl);
    }

    // A Range request: 206 with the bytes asked for, 416 when the image has none of them; null to send it whole
    // (several ranges, a malformed header, an If-Range that no longer matches, or bytes that changed meanwhile).
    private async Task<Reply?> RangeAsync(HttpRequest request, string slug, string file, string header, string cacheControl, CancellationToken ct)
    {
        var properties = await store.ImagePropertiesAsync(slug, file, ct);
        if (properties is null) return Reply.NotFound($"image '{slug}/{file}' does not exist");
        var etag = properties.ETag.ToString("H");
        if (Conditional.IsNotModified(request, etag, properties.LastModified))
            return Image(Reply.NotModified(), etag, properties.LastModified, cacheControl);
        var ifRange = request.Headers.IfRange.ToString();
        if (ifRange.Length > 0 && ifRange != etag) return null;
        var total = properties.ContentLength;
        var (asked, unsatisfiable) = ByteRange.Parse(header, total);
        if (unsatisfiable)
            return Reply.Text(416, $"the image has {total} bytes").With(HeaderNames.ContentRange, $"bytes */{total}").With(HeaderNames.AcceptRanges, "bytes");
        if (asked is not { } r) return null;
        var image = await store.OpenImageAsync(slug, file, ct, new HttpRange(r.First, r.Length), properties.ETag);
        if (image is null) return null;
        var reply = Reply.Stream(properties.ContentType ?? "application/octet-stream", image.Content, r.Length, status: 206)
            .With(HeaderNames.ContentRange, r.ContentRange(total));
        return Image(reply, etag, properties.LastModified, cacheControl);
    }

    // Whether ?v= names the bytes the article row says are published (one point read, on a CDN or browser miss only).
    private async Task<bool> IsCurrentVersionAsync(string slug, string file, string version, CancellationToken ct) =>
        await store.ArticleBySlugAsync(slug, ct) is var (article, _) && article.Images.Any(i => i.IsLocal && i.File == file && i.Version == version);

    private static Reply Image(Reply reply, string etag, DateTimeOffset? lastModified, string cacheControl) =>
        Conditional.Validators(reply, etag, lastModified, cacheControl).With(HeaderNames.AcceptRanges, "bytes");
}
