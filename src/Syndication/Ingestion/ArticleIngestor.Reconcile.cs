using Microsoft.Extensions.Logging;
using Syndication.Articles;

namespace Syndication.Ingestion;

// Reconciliation: one listing of the container against the table's signatures; converges every slug that
// differs (new, changed, deleted). The timer function and the local runner's watcher both run it.
public sealed partial class ArticleIngestor
{
    /// <summary>Scans the incoming container and converges the table on what is there.</summary>
    public async Task<ReconcileResult> ReconcileAsync(CancellationToken ct = default)
    {
        var blobs = await store.IncomingBlobsAsync(ct: ct);
        var stored = await store.ArticleSignaturesAsync(ct);
        var rejected = (await store.RejectionsAsync(ct)).ToDictionary(r => r.BlobName, r => r.Signature, StringComparer.Ordinal);

        var slugs = blobs.Select(b => ArticleBlobName.Parse(b.Name)).OfType<ArticleBlobName>()
            .GroupBy(n => n.Slug, StringComparer.Ordinal);
        var bySlug = blobs.ToLookup(b => ArticleBlobName.Parse(b.Name)?.Slug ?? "", StringComparer.Ordinal);
        int documents = 0, ingested = 0, deleted = 0, rejects = 0;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var group in slugs)
        {
            var (document, images) = SourcesOf(group.Key, bySlug[group.Key]);
            if (document is null) continue;
            documents++;
            seen.Add(group.Key);
            var signature = Signature(document, images);
            if (stored.TryGetValue(group.Key, out var current) && current == signature) continue;
            if (rejected.TryGetValue(document.Name, out var rejectedAs) && rejectedAs == signature) continue;
            var outcome = await IngestSlugAsync(group.Key, ct);
            if (outcome.Result == IngestResult.Rejected) rejects++;
            else ingested++;
        }
        foreach (var slug in stored.Keys.Where(s => !seen.Contains(s)))
        {
            if ((await IngestSlugAsync(slug, ct)).Result == IngestResult.Deleted) deleted++;
        }
        var result = new ReconcileResult(documents, ingested, deleted, rejects);
        if (ingested + deleted + rejects > 0) LogReconciled(result.Documents, result.Ingested, result.Deleted, result.Rejected);
        return result;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Ingested {Slug}: {Result}")]
    private partial void LogOutcome(string slug, IngestResult result);

    [LoggerMessage(Level = LogLevel.Error, Message = "Rejected {Slug}: {Reason}")]
    private partial void LogRejected(string slug, string? reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Ignored blob {BlobName}: not an article document or image")]
    private partial void LogIgnored(string blobName);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected image {BlobName}: {Reason}")]
    private partial void LogImageRejected(string blobName, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reconciled {Documents} documents: {Ingested} ingested, {Deleted} deleted, {Rejected} rejected")]
    private partial void LogReconciled(int documents, int ingested, int deleted, int rejected);
}
