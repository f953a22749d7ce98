using System.Text;
using Azure;
using Microsoft.Extensions.Logging;
using Syndication.Articles;
using Syndication.Storage;

namespace Syndication.Ingestion;

// Reconciliation: one listing of the container against the table's signatures; converges every slug that
// differs (new, changed, deleted). The timer function and the local runner's watcher both run it.
public sealed partial class ArticleIngestor
{
    /// <summary>
    /// Scans the incoming container and converges the table on what is there. With <paramref name="verifyPublished"/>,
    /// also lists the published container and republishes any article whose body or image blob is missing.
    /// </summary>
    public async Task<ReconcileResult> ReconcileAsync(CancellationToken ct = default) => await ReconcileAsync(false, ct);

    /// <inheritdoc cref="ReconcileAsync(CancellationToken)"/>
    public async Task<ReconcileResult> ReconcileAsync(bool verifyPublished, CancellationToken ct = default)
    {
        var blobs = await store.IncomingBlobsAsync(ct: ct);
        // A pass that found nothing to do, over the same listing and the same feed version, would find nothing again:
        // skip the signature scan (the part that grows with the archive) until either changes. A verifying pass
        // (the Functions timer's every pass) always looks, so it neither reads the version nor skips.
        var fingerprint = verifyPublished ? null : Fingerprint(blobs, await store.FeedVersionAsync(ct));
        if (fingerprint is not null && quiet is { } last && last.Fingerprint == fingerprint)
            return new ReconcileResult(last.Documents, 0, 0, 0, 0);
        var stored = await store.ArticleSignaturesAsync(ct);
        var damaged = verifyPublished ? await store.ArticlesMissingPublishedBlobsAsync(ct) : [];
        var rejected = (await store.RejectionsAsync(ct)).ToDictionary(r => r.BlobName, r => r.Signature, StringComparer.Ordinal);
        var rejectedNames = rejected.Keys.ToHashSet(StringComparer.Ordinal);

        var work = new List<(string Slug, Listed Listed)>();
        var documents = 0;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var group in blobs.GroupBy(b => ArticleBlobName.Parse(b.Name)?.Slug ?? "", StringComparer.Ordinal).Where(g => g.Key != ""))
        {
            var (document, images) = SourcesOf(group.Key, group);
            if (document is null) continue;
            documents++;
            seen.Add(group.Key);
            var signature = Signature(document, images);
            if (stored.TryGetValue(group.Key, out var current) && current == signature && !damaged.Contains(group.Key)) continue;
            if (rejected.TryGetValue(document.Name, out var rejectedAs) && rejectedAs == signature) continue;
            work.Add((group.Key, new Listed(group.ToList(), stored.ContainsKey(group.Key), rejectedNames)));
        }
        work.AddRange(stored.Keys.Where(s => !seen.Contains(s)).Select(s => (s, new Listed([], true, rejectedNames))));

        quiet = work.Count == 0 && fingerprint is not null ? (fingerprint, documents) : null;
        var results = new System.Collections.Concurrent.ConcurrentBag<IngestResult?>();
        await Parallel.ForEachAsync(work, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Value.ReconcileParallelism), CancellationToken = ct }, async (item, token) =>
        {
            var slug = item.Slug;
            try
            {
                results.Add((await IngestSlugAsync(slug, item.Listed, damaged.Contains(slug), token)).Result);
            }
            catch (Exception e) when (e is not OperationCanceledException || !token.IsCancellationRequested)
            {
                // A storage error (or anything else) on one slug must not stop the others; the next pass tries it again.
                LogSlugFailed(slug, (e as RequestFailedException)?.Status ?? 0, e.Message);
                results.Add(null);
            }
        });
        var result = new ReconcileResult(documents,
            results.Count(r => r is IngestResult.Published or IngestResult.Updated or IngestResult.Unchanged),
            results.Count(r => r == IngestResult.Deleted), results.Count(r => r == IngestResult.Rejected), results.Count(r => r is null));
        if (work.Count > 0) LogReconciled(result.Documents, result.Ingested, result.Deleted, result.Rejected, result.Failed);
        return result;
    }

    private (string Fingerprint, int Documents)? quiet;

    private static string Fingerprint(IEnumerable<SourceBlob> blobs, string version)
    {
        using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        foreach (var blob in blobs)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(blob.Name));
            hash.AppendData([0]);
            hash.AppendData(Encoding.UTF8.GetBytes(blob.ETag));
            hash.AppendData([0]);
        }
        return Convert.ToHexString(hash.GetHashAndReset()) + "|" + version;
    }

    /// <summary>
    /// What the pass's one listing already says about a slug: its blobs, whether the table had an article for it, and
    /// the blob names with a rejection row (only those need clearing), so converging it needs no second look.
    /// </summary>
    private sealed record Listed(List<SourceBlob> Blobs, bool Stored, IReadOnlySet<string> Rejected)
    {
        public bool MayBeRejected(string blobName) => Rejected.Contains(blobName);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not ingest {Slug} (storage answered {Status}): {Error}; the next pass retries")]
    private partial void LogSlugFailed(string slug, int status, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "A {What} made the parser fail; recorded as a rejection")]
    private partial void LogParserFailed(string what, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ingested {Slug}: {Result}")]
    private partial void LogOutcome(string slug, IngestResult result);

    [LoggerMessage(Level = LogLevel.Error, Message = "Rejected {Slug}: {Reason}")]
    private partial void LogRejected(string slug, string? reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Ignored blob {BlobName}: not an article document or image")]
    private partial void LogIgnored(string blobName);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected image {BlobName}: {Reason}")]
    private partial void LogImageRejected(string blobName, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reconciled {Documents} documents: {Ingested} ingested, {Deleted} deleted, {Rejected} rejected, {Failed} failed")]
    private partial void LogReconciled(int documents, int ingested, int deleted, int rejected, int failed);
}
