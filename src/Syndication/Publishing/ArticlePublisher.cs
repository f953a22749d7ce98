using Syndication.Articles;
using Syndication.Storage;

namespace Syndication.Publishing;

/// <summary>
/// Publishes article documents from disk to the incoming container (images first, then the document, so the first
/// ingestion already sees them) and removes them: what a publisher does with <c>az storage blob upload</c>.
/// </summary>
public sealed class ArticlePublisher(StorageAccount storage, IncomingStore incoming)
{
    /// <summary>Publishes a document file (with the images in the folder named after its slug), or every document in a folder.</summary>
    public async Task<IReadOnlyList<string>> PublishAsync(string path, CancellationToken ct = default)
    {
        await storage.EnsureCreatedAsync();
        if (Directory.Exists(path))
        {
            var slugs = new List<string>();
            foreach (var file in Directory.EnumerateFiles(path).Where(IsDocument).Order(StringComparer.Ordinal))
                slugs.Add(await PublishDocumentAsync(file, ct));
            return slugs;
        }
        if (File.Exists(path) && IsDocument(path)) return [await PublishDocumentAsync(path, ct)];
        throw new ArgumentException($"publish: {path} is neither a folder nor a document named {DocumentFormat.NamePattern}");
    }

    /// <summary>Removes a slug's document(s) and images from the incoming container; ingestion then drops the article.</summary>
    public async Task<int> UnpublishAsync(string slug, CancellationToken ct = default)
    {
        var blobs = await BlobsOfAsync(slug, ct);
        foreach (var blob in blobs) await incoming.DeleteIncomingAsync(blob, ct);
        return blobs.Count;
    }

    /// <summary>The incoming blobs (document(s) and images) that unpublishing the slug removes, in name order.</summary>
    public async Task<IReadOnlyList<string>> BlobsOfAsync(string slug, CancellationToken ct = default)
    {
        if (!ArticleBlobName.IsValidSlug(slug)) throw new ArgumentException($"publish: '{slug}' is not a valid slug");
        return (await incoming.IncomingBlobsAsync(slug, ct)).Select(b => b.Name).Where(n => ArticleBlobName.Parse(n)?.Slug == slug)
            .Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>Uploads one document or image blob (optionally with metadata such as "published").</summary>
    public async Task UploadAsync(string blobName, BinaryData content, IDictionary<string, string>? metadata = null, CancellationToken ct = default)
    {
        await incoming.UploadIncomingAsync(blobName, content, metadata, ct);
    }

    private async Task<string> PublishDocumentAsync(string file, CancellationToken ct)
    {
        var name = Path.GetFileName(file);
        var slug = ArticleBlobName.Parse(name)?.Slug
            ?? throw new ArgumentException($"publish: '{name}' is not named {DocumentFormat.NamePattern} with a slug of letters, digits, '-' and '_'");
        var images = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(file))!, slug);
        if (Directory.Exists(images))
        {
            foreach (var image in Directory.EnumerateFiles(images).Order(StringComparer.Ordinal))
            {
                var blobName = $"{slug}/{Path.GetFileName(image)}";
                if (ArticleBlobName.Parse(blobName) is null) continue;
                await incoming.UploadIncomingAsync(blobName, BinaryData.FromBytes(await File.ReadAllBytesAsync(image, ct)), ct: ct);
            }
        }
        await incoming.UploadIncomingAsync(name, BinaryData.FromBytes(await File.ReadAllBytesAsync(file, ct)), ct: ct);
        return slug;
    }

    private static bool IsDocument(string file) => ArticleBlobName.Parse(Path.GetFileName(file))?.Role == BlobRole.Document;
}
