using Azure;
using Azure.Storage.Blobs.Models;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using Syndication.Articles;
using Syndication.Storage;

namespace Syndication.Http;

// The image endpoint: the bytes as published, kept by caches for minutes (browsers) and an hour (a CDN), then
// revalidated with their ETag, so a withdrawal reaches every cache within that bound; in ranges when asked.
public sealed partial class SyndicationHandlers
{
    private readonly string imageCacheControl = Conditional.CacheControl(options.Value.ImageMaxAgeSeconds, sharedMaxAgeSeconds: options.Value.ImageSharedMaxAgeSeconds);

    /// <summary>
    /// GET/HEAD images/{slug}/{file}: the published image bytes with their real type and length, cached for
    /// ImageMaxAgeSeconds (a CDN ImageSharedMaxAgeSeconds) and revalidated with ETag or Last-Modified: never immutable,
    /// since a withdrawn article's images must leave caches. Feeds link ?v= URLs, so new bytes get a new URL at once.
    /// Gone: 410 while the article's tombstone lasts, else 404. A Range header gets 206 with those bytes, or 416.
    /// </summary>
    public async Task<Reply> GetImageAsync(HttpRequest request, string slug, string file, CancellationToken ct = default)
    {
        if (!ArticleBlobName.IsValidSlug(slug) || !ArticleBlobName.IsValidFileName(file))
            return Reply.BadRequest("slug or file name has characters we never publish");
        return await PublishedAsync(request, ArticleStore.ImageBlob(slug, file), () => MissingPublishedAsync(slug, $"image '{slug}/{file}'", ct), ct);
    }

    /// <summary>
    /// A blob of the published container (an image, a rendition) with its real type and length, conditional GET, and a
    /// Range answered 206 with those bytes or 416 when it has none of them; <paramref name="missing"/> answers when it is
    /// gone. Without a Range header, one read.
    /// </summary>
    private async Task<Reply> PublishedAsync(HttpRequest request, string blobName, Func<Task<Reply>> missing, CancellationToken ct)
    {
        var range = request.Headers.Range.ToString();
        if (range.Length > 0 && await RangeAsync(request, range, blobName, missing, ct) is { } partial) return partial;
        // A cache revalidating the tag we gave it (one strong tag, what CDNs send) is answered by storage's own 304,
        // so a revalidation never starts the image's bytes; anything else is compared here.
        BlobDownloadStreamingResult? blob;
        if (Conditional.SingleStrongTag(request) is { } held)
        {
            var read = await store.OpenPublishedUnlessAsync(blobName, new ETag(held), ct);
            if (read is null) return await missing();
            if (read.Blob is null) return Image(Reply.NotModified(), held, null);
            blob = read.Blob;
        }
        else blob = await store.OpenPublishedAsync(blobName, default, null, ct);
        if (blob is null) return await missing();
        var details = blob.Details;
        var etag = details.ETag.ToString("H");
        if (Conditional.IsNotModified(request, etag, details.LastModified))
        {
            await blob.Content.DisposeAsync();
            return Image(Reply.NotModified(), etag, details.LastModified);
        }
        var reply = Reply.Stream(details.ContentType ?? "application/octet-stream", blob.Content, details.ContentLength);
        return Image(reply, etag, details.LastModified);
    }

    // A Range request: 206 with the bytes asked for, 416 when the blob has none of them; null to send it whole
    // (several ranges, a malformed header, an If-Range that no longer matches, or bytes that changed meanwhile).
    private async Task<Reply?> RangeAsync(HttpRequest request, string header, string blobName, Func<Task<Reply>> missing, CancellationToken ct)
    {
        var properties = await store.PublishedPropertiesAsync(blobName, ct);
        if (properties is null) return await missing();
        var etag = properties.ETag.ToString("H");
        if (Conditional.IsNotModified(request, etag, properties.LastModified))
            return Image(Reply.NotModified(), etag, properties.LastModified);
        var ifRange = request.Headers.IfRange.ToString();
        if (ifRange.Length > 0 && ifRange != etag) return null;
        var total = properties.ContentLength;
        var (asked, unsatisfiable) = ByteRange.Parse(header, total);
        if (unsatisfiable)
            return Reply.Text(416, $"the image has {total} bytes").With(HeaderNames.ContentRange, $"bytes */{total}").With(HeaderNames.AcceptRanges, "bytes");
        if (asked is not { } r) return null;
        var part = await store.OpenPublishedAsync(blobName, new HttpRange(r.First, r.Length), properties.ETag, ct);
        if (part is null) return null;
        var reply = Reply.Stream(properties.ContentType ?? "application/octet-stream", part.Content, r.Length, status: 206)
            .With(HeaderNames.ContentRange, r.ContentRange(total));
        return Image(reply, etag, properties.LastModified);
    }

    private Reply Image(Reply reply, string etag, DateTimeOffset? lastModified) =>
        Conditional.Validators(reply, etag, lastModified, imageCacheControl).With(HeaderNames.AcceptRanges, "bytes");
}
