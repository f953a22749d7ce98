using Azure;
using Azure.Storage.Blobs.Models;

namespace Syndication.Storage;

// Renditions: blobs "renditions/{slug}/{name}" in the published container, where the name is content-addressed (a
// hash of the source bytes and the rendition spec), so a name's bytes never change: written once,
// and left alone when an image's bytes come back unchanged.
public sealed partial class ArticleStore
{
    /// <summary>Publishes one rendition's bytes under its content-addressed name.</summary>
    public async Task WriteRenditionAsync(string slug, string name, BinaryData bytes, string contentType, CancellationToken ct = default) =>
        await published.GetBlobClient(RenditionBlob(slug, name)).UploadAsync(bytes,
            new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = contentType, CacheControl = "public, max-age=3600" } }, ct);

    /// <summary>Opens a rendition for streaming (a range of it when asked, while its ETag is still <paramref name="ifMatch"/>), or null when there is none.</summary>
    public Task<BlobDownloadStreamingResult?> OpenRenditionAsync(string slug, string name, CancellationToken ct = default,
        HttpRange range = default, ETag? ifMatch = null) => OpenPublishedAsync(RenditionBlob(slug, name), range, ifMatch, ct);

    /// <summary>A rendition's ETag, length and type without its bytes, or null when there is none.</summary>
    public Task<BlobProperties?> RenditionPropertiesAsync(string slug, string name, CancellationToken ct = default) =>
        PublishedPropertiesAsync(RenditionBlob(slug, name), ct);

    /// <summary>The published blob name of a rendition.</summary>
    public static string RenditionBlob(string slug, string name) => $"renditions/{slug}/{name}";
}
