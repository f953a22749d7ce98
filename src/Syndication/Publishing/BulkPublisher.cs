using System.Security.Cryptography;
using Syndication.Articles;
using Syndication.Ingestion;
using Syndication.Storage;

namespace Syndication.Publishing;

/// <summary>What publishing one document did: published, updated, unchanged or rejected (with the reason).</summary>
public sealed record PublishedDocument(string Path, string? Slug, IngestResult Result, string? Reason = null);

/// <summary>A publish run's outcome per document, and the images ingestion left out with their reasons.</summary>
public sealed record PublishSummary(IReadOnlyList<PublishedDocument> Documents, IReadOnlyList<Rejection> ImageRejections)
{
    public int Count(IngestResult result) => Documents.Count(d => d.Result == result);

    /// <summary>Anything was rejected: a document or an image.</summary>
    public bool HasRejections => Count(IngestResult.Rejected) > 0 || ImageRejections.Count > 0;
}

/// <summary>
/// Publishes many documents at once and says what became of each: uploads the files of a document and its images
/// whose bytes the articles container does not already hold (images first), then converges its slug at once
/// (<see cref="ArticleIngestor"/>, the code every trigger runs; the app's own trigger finding it done is harmless), as
/// <c>PUT manage/blobs</c> does. Publishing the same folder again uploads nothing and reports it unchanged.
/// </summary>
public sealed class BulkPublisher(ArticlePublisher publisher, ArticleIngestor ingestor, StorageAccount storage, RejectionStore rejections,
    IncomingStore incoming)
{
    /// <summary>The document files named by files and folders (a folder's documents in name order), or the first bad path.</summary>
    public static IReadOnlyList<string> Documents(IEnumerable<string> paths)
    {
        var documents = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
                documents.AddRange(Directory.EnumerateFiles(path).Where(IsDocument).Order(StringComparer.Ordinal));
            else if (File.Exists(path)) documents.Add(path);
            else throw new FileNotFoundException($"{path} is neither a folder nor a file", path);
        }
        return documents;
    }

    /// <summary>Publishes every document, <paramref name="parallelism"/> at once, reporting each as it is done.</summary>
    public async Task<PublishSummary> PublishAsync(IReadOnlyList<string> documents, IProgress<PublishedDocument>? progress = null,
        int parallelism = 8, CancellationToken ct = default)
    {
        var done = new PublishedDocument[documents.Count];
        await storage.EnsureCreatedAsync().WaitAsync(ct);
        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallelism), CancellationToken = ct };
        await Parallel.ForEachAsync(Enumerable.Range(0, documents.Count), options, async (i, token) =>
        {
            done[i] = await PublishOneAsync(documents[i], token);
            progress?.Report(done[i]);
        });
        var slugs = done.Select(d => d.Slug).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var images = slugs.Count == 0 ? [] : (await rejections.RejectionsAsync(ct))
            .Where(r => r.BlobName.IndexOf('/') is > 0 and var slash && slugs.Contains(r.BlobName[..slash]))
            .OrderBy(r => r.BlobName, StringComparer.Ordinal).ToList();
        return new PublishSummary(done, images);
    }

    private async Task<PublishedDocument> PublishOneAsync(string path, CancellationToken ct)
    {
        if (!IsDocument(path)) return new PublishedDocument(path, null, IngestResult.Rejected, ArticleCheck.NotADocument(Path.GetFileName(path)));
        var document = Path.GetFileName(path);
        var slug = ArticleBlobName.Parse(document)!.Slug;
        var folder = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, slug);
        var files = (Directory.Exists(folder) ? Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal) : Enumerable.Empty<string>())
            .Select(f => (Blob: $"{slug}/{Path.GetFileName(f)}", File: f))
            .Where(f => ArticleBlobName.Parse(f.Blob) is not null)
            .Append((Blob: document, File: path));
        var held = await HashesAsync(slug, ct);
        foreach (var (blob, file) in files)
        {
            var bytes = BinaryData.FromBytes(await File.ReadAllBytesAsync(file, ct));
            if (held.TryGetValue(blob, out var md5) && md5.AsSpan().SequenceEqual(MD5.HashData(bytes.ToMemory().Span))) continue;
            await publisher.UploadAsync(blob, bytes, ct: ct);
        }
        var outcome = await ingestor.IngestSlugAsync(slug, ct);
        return new PublishedDocument(path, slug, outcome.Result, outcome.Reason);
    }

    // The Content-MD5 storage keeps for each of the slug's blobs (one listing of the slug's prefix).
    private async Task<Dictionary<string, byte[]>> HashesAsync(string slug, CancellationToken ct) =>
        (await incoming.ContentHashesAsync(slug, ct)).Where(h => ArticleBlobName.Parse(h.Key)?.Slug == slug)
            .ToDictionary(h => h.Key, h => h.Value, StringComparer.Ordinal);

    private static bool IsDocument(string file) => ArticleBlobName.Parse(Path.GetFileName(file))?.Role == BlobRole.Document;
}
