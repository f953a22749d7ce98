using System.Text;
using Azure;
using Azure.Storage.Blobs.Models;

namespace Syndication.Storage;

// The published container: rendered bodies, "images/{slug}/{file}" and "renditions/{slug}/{name}", each written before
// the rows that name it. A rendition's name is content-addressed (a hash of the source bytes and the rendition spec), so
// a name's bytes never change: written once, and left alone when an image's bytes come back unchanged.
public sealed partial class ArticleStore
{
    /// <summary>Slugs whose article row names a body or image blob the published container does not hold.</summary>
    public async Task<HashSet<string>> ArticlesMissingPublishedBlobsAsync(CancellationToken ct = default)
    {
        await account.EnsureCreatedAsync();
        var present = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var b in published.GetBlobsAsync(BlobTraits.None, BlobStates.None, null, ct)) present.Add(b.Name);
        var damaged = new HashSet<string>(StringComparer.Ordinal);
        var filter = Azure.Data.Tables.TableClient.CreateQueryFilter($"PartitionKey eq {FeedPartition} and RowKey ge {ArticlePrefix} and RowKey lt {"a}"}");
        await foreach (var e in table.QueryAsync<Azure.Data.Tables.TableEntity>(filter, select: ["Slug", "BodyBlob", "Images"], cancellationToken: ct))
        {
            var a = ToArticle(e);
            if (!present.Contains(a.BodyBlob) || a.Images.Any(i => i.IsLocal && !present.Contains(ImageBlob(a.Slug, i.File)))) damaged.Add(a.Slug);
        }
        return damaged;
    }

    /// <summary>Writes a rendered body (content-addressed name, so rows naming an older body stay valid).</summary>
    public async Task WriteBodyAsync(string name, string html, CancellationToken ct = default) =>
        await published.GetBlobClient(name).UploadAsync(BinaryData.FromString(html),
            new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "text/html; charset=utf-8" } }, ct);

    /// <summary>A rendered body, or empty when it is gone.</summary>
    public async Task<string> ReadBodyAsync(string name, CancellationToken ct = default)
    {
        try
        {
            var result = await published.GetBlobClient(name).DownloadContentAsync(ct);
            return Encoding.UTF8.GetString(result.Value.Content.ToMemory().Span);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return string.Empty;
        }
    }

    /// <summary>Removes a published blob (an old body or image), ignoring one already gone.</summary>
    public async Task DeletePublishedAsync(string name, CancellationToken ct = default) =>
        await published.GetBlobClient(name).DeleteIfExistsAsync(cancellationToken: ct);

    /// <summary>Publishes an image's bytes with the MIME type its bytes state.</summary>
    public Task WriteImageAsync(string slug, string file, BinaryData bytes, string contentType, CancellationToken ct = default) =>
        WriteServedAsync(ImageBlob(slug, file), bytes, contentType, ct);

    /// <summary>Publishes one rendition's bytes under its content-addressed name.</summary>
    public Task WriteRenditionAsync(string slug, string name, BinaryData bytes, string contentType, CancellationToken ct = default) =>
        WriteServedAsync(RenditionBlob(slug, name), bytes, contentType, ct);

    // Any served blob of the published container (images, renditions): its bytes with their MIME type, cached an hour.
    private async Task WriteServedAsync(string blobName, BinaryData bytes, string contentType, CancellationToken ct) =>
        await published.GetBlobClient(blobName).UploadAsync(bytes,
            new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = contentType, CacheControl = "public, max-age=3600" } }, ct);

    /// <summary>
    /// Opens a served blob (<see cref="ImageBlob"/>, <see cref="RenditionBlob"/>) for streaming, or null when there is
    /// none; with a range, only those bytes, and only while the blob's ETag is still <paramref name="ifMatch"/> (null
    /// when it changed since).
    /// </summary>
    public async Task<BlobDownloadStreamingResult?> OpenPublishedAsync(string blobName, HttpRange range, ETag? ifMatch, CancellationToken ct = default)
    {
        try
        {
            var options = new BlobDownloadOptions { Range = range, Conditions = ifMatch is { } e ? new BlobRequestConditions { IfMatch = e } : null };
            return (await published.GetBlobClient(blobName).DownloadStreamingAsync(options, ct)).Value;
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            return null;
        }
    }

    /// <summary>
    /// Opens a served blob whole unless its ETag is still <paramref name="ifNoneMatch"/>: then storage answers 304 and
    /// sends no bytes, and so does this (<see cref="PublishedRead.NotModified"/>). Null when there is none.
    /// </summary>
    public async Task<PublishedRead?> OpenPublishedUnlessAsync(string blobName, ETag ifNoneMatch, CancellationToken ct = default)
    {
        try
        {
            var options = new BlobDownloadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ifNoneMatch } };
            // The SDK answers a 304 without throwing: a response whose Value would throw.
            var response = await published.GetBlobClient(blobName).DownloadStreamingAsync(options, ct);
            return response.GetRawResponse().Status == 304 ? PublishedRead.NotModified : new PublishedRead(response.Value);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
        catch (RequestFailedException e) when (e.Status == 400)
        {
            // Storage refused the condition itself (callers pass only tags of its own shape, so this is a guard): answer
            // from a whole read, as without one. Throttling and outages are not retried twice over here.
            return await OpenPublishedAsync(blobName, default, null, ct) is { } whole ? new PublishedRead(whole) : null;
        }
    }

    /// <summary>A served blob's ETag, length, type and times without its bytes, or null when there is none.</summary>
    public async Task<BlobProperties?> PublishedPropertiesAsync(string blobName, CancellationToken ct = default)
    {
        try
        {
            return (await published.GetBlobClient(blobName).GetPropertiesAsync(cancellationToken: ct)).Value;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    /// <summary>The published blob name of an article's image.</summary>
    public static string ImageBlob(string slug, string file) => $"images/{slug}/{file}";

    /// <summary>The published blob name of a rendition.</summary>
    public static string RenditionBlob(string slug, string name) => $"renditions/{slug}/{name}";
}

/// <summary>A served blob opened for streaming, or <see cref="NotModified"/>: it still has the ETag the caller holds.</summary>
public sealed record PublishedRead(BlobDownloadStreamingResult? Blob)
{
    /// <summary>Storage answered 304: the caller's copy is current, and no bytes were sent.</summary>
    public static readonly PublishedRead NotModified = new((BlobDownloadStreamingResult?)null);
}
