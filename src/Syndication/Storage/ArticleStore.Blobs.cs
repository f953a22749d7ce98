using System.Text;
using Azure;
using Azure.Storage.Blobs.Models;

namespace Syndication.Storage;

/// <summary>An incoming blob as listed: name, ETag, size and times.</summary>
public sealed record SourceBlob(string Name, string ETag, long Length, DateTimeOffset LastModified, DateTimeOffset CreatedOn);

// Blobs: incoming documents and images (ingestion only reads them: it never modifies or deletes a publisher's blob;
// the upload and delete here are the publisher's), and the published container holding rendered bodies and the
// images we serve.
public sealed partial class ArticleStore
{
    /// <summary>Incoming blobs whose names start with the prefix (all when null).</summary>
    public async Task<List<SourceBlob>> IncomingBlobsAsync(string? prefix = null, CancellationToken ct = default)
    {
        await account.EnsureCreatedAsync();
        var list = new List<SourceBlob>();
        await foreach (var b in incoming.GetBlobsAsync(BlobTraits.None, BlobStates.None, prefix, ct))
            list.Add(new SourceBlob(b.Name, b.Properties.ETag?.ToString() ?? "", b.Properties.ContentLength ?? 0,
                b.Properties.LastModified ?? DateTimeOffset.UnixEpoch,
                b.Properties.CreatedOn ?? b.Properties.LastModified ?? DateTimeOffset.UnixEpoch));
        return list;
    }

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

    /// <summary>An incoming blob's bytes and metadata, if it still exists.</summary>
    public async Task<(BinaryData Content, IDictionary<string, string> Metadata, string ETag)?> DownloadIncomingAsync(
        string name, CancellationToken ct = default)
    {
        try
        {
            var result = await incoming.GetBlobClient(name).DownloadContentAsync(ct);
            var metadata = new Dictionary<string, string>(result.Value.Details.Metadata, StringComparer.OrdinalIgnoreCase);
            return (result.Value.Content, metadata, result.Value.Details.ETag.ToString());
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    /// <summary>Uploads (or replaces) a document or image blob in the incoming container, as a publisher does.</summary>
    public async Task UploadIncomingAsync(string name, BinaryData content, IDictionary<string, string>? metadata = null, CancellationToken ct = default)
    {
        await account.EnsureCreatedAsync();
        await incoming.GetBlobClient(name).UploadAsync(content, new BlobUploadOptions { Metadata = metadata }, ct);
    }

    /// <summary>Removes a publisher's blob (and its snapshots) from the incoming container, ignoring one already gone.</summary>
    public async Task DeleteIncomingAsync(string name, CancellationToken ct = default) =>
        await incoming.DeleteBlobIfExistsAsync(name, DeleteSnapshotsOption.IncludeSnapshots, cancellationToken: ct);

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
    public async Task WriteImageAsync(string slug, string file, BinaryData bytes, string contentType, CancellationToken ct = default) =>
        await published.GetBlobClient(ImageBlob(slug, file)).UploadAsync(bytes,
            new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = contentType, CacheControl = "public, max-age=3600" } }, ct);

    /// <summary>
    /// Opens a published image for streaming, or null when there is none; with a range, only those bytes, and only
    /// while the blob's ETag is still <paramref name="ifMatch"/> (null when it changed since).
    /// </summary>
    public Task<BlobDownloadStreamingResult?> OpenImageAsync(string slug, string file, CancellationToken ct = default,
        HttpRange range = default, ETag? ifMatch = null) => OpenPublishedAsync(ImageBlob(slug, file), range, ifMatch, ct);

    /// <summary>A published image's ETag, length and times without its bytes, or null when there is none.</summary>
    public Task<BlobProperties?> ImagePropertiesAsync(string slug, string file, CancellationToken ct = default) =>
        PublishedPropertiesAsync(ImageBlob(slug, file), ct);

    // Any served blob of the published container (images, renditions): a range of it while its ETag holds, or null.
    private async Task<BlobDownloadStreamingResult?> OpenPublishedAsync(string blobName, HttpRange range, ETag? ifMatch, CancellationToken ct)
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

    private async Task<BlobProperties?> PublishedPropertiesAsync(string blobName, CancellationToken ct)
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
}
