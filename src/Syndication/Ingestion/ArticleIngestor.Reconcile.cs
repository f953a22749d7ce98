using Azure;
using Microsoft.Extensions.Logging;
using Syndication.Articles;
using Syndication.Storage;

namespace Syndication.Ingestion;

// Reconciliation: one listing of the container against a watermark of the last converged listing (ListingDigest,
// stored in the table's "listing" partition) and the feed version then. Same listing, same version: two point reads.
// A changed listing reads the bucket rows that changed and the article rows of the slugs that changed in them, and
// converges those (new, changed, deleted). Same listing but a moved version (the table changed behind the container's
// back, or an upload and its deletion both fell between passes): every article row is compared. A verifying pass
// also does that and lists the published container. The timer and the local watcher run it.
public sealed partial class ArticleIngestor
{
    /// <summary>Above this many changed slugs, one scan of all article rows is cheaper than a point read each.</summary>
    private const int PointReadsUpTo = 200;

    /// <summary>Scans the incoming container and converges the table on what changed there since the last pass.</summary>
    public async Task<ReconcileResult> ReconcileAsync(CancellationToken ct = default) => await ReconcileAsync(false, ct);

    /// <summary>
    /// As <see cref="ReconcileAsync(CancellationToken)"/>; with <paramref name="verifyPublished"/>, compares every
    /// article (not only what the listing changed), lists the published container and republishes any article whose
    /// body or image blob is missing.
    /// </summary>
    public Task<ReconcileResult> ReconcileAsync(bool verifyPublished, CancellationToken ct = default) =>
        PassAsync(verifyPublished, null, ct);

    /// <summary>The timer's pass: verifies when the last verification is older than <see cref="IngestionOptions.VerifyPublishedHours"/>.</summary>
    public async Task<ReconcileResult> ReconcileScheduledAsync(CancellationToken ct = default)
    {
        await ApplySchedulesAsync(ct);
        var mark = await incoming.ListingMarkAsync(ct);
        var due = mark?.Verified is not { } at || time.GetUtcNow() - at >= TimeSpan.FromHours(options.Value.VerifyPublishedHours);
        return await PassAsync(due, mark, ct);
    }

    private async Task<ReconcileResult> PassAsync(bool verify, ListingMark? mark, CancellationToken ct)
    {
        var versionRead = store.FeedVersionAsync(ct);
        var blobs = await incoming.IncomingBlobsAsync(ct: ct);
        mark ??= await incoming.ListingMarkAsync(ct);
        var version = await versionRead;
        var listed = new Dictionary<string, (SourceBlob Document, List<SourceBlob> Blobs, string Signature)>(StringComparer.Ordinal);
        foreach (var group in blobs.GroupBy(b => ArticleBlobName.Parse(b.Name)?.Slug ?? "", StringComparer.Ordinal).Where(g => g.Key != ""))
        {
            var (document, images) = SourcesOf(group.Key, group);
            if (document is not null) listed[group.Key] = (document, group.ToList(), Signature(document, images));
        }
        var digest = new ListingDigest(listed.Select(l => (l.Key, l.Value.Signature)));
        var sameListing = mark is not null && mark.Buckets.SequenceEqual(digest.BucketDigests);
        if (!verify && sameListing && mark!.Version == version) return new ReconcileResult(listed.Count, 0, 0, 0, 0);

        // Which slugs to compare with their rows: those whose entry in a changed bucket differs, or all.
        var full = verify || sameListing || mark is null || mark.Buckets.Count != ListingDigest.Buckets;
        var buckets = full ? Enumerable.Range(0, ListingDigest.Buckets).ToList()
            : Enumerable.Range(0, ListingDigest.Buckets).Where(b => mark!.Buckets[b] != digest.BucketDigests[b]).ToList();
        HashSet<string> candidates = [];
        Dictionary<string, string> stored = [];
        if (!full)
        {
            var before = await incoming.ListingEntriesAsync(buckets, ct);
            candidates = buckets.SelectMany(digest.Entries).Where(e => !before.TryGetValue(e.Slug, out var s) || s != e.Signature)
                .Select(e => e.Slug).Concat(before.Keys.Where(s => !listed.ContainsKey(s))).ToHashSet(StringComparer.Ordinal);
            full = candidates.Count > PointReadsUpTo;
            if (!full) stored = await store.ArticleSignaturesAsync(candidates, ct);
        }
        if (full)
        {
            stored = await store.ArticleSignaturesAsync(ct);
            candidates = listed.Keys.Concat(stored.Keys).ToHashSet(StringComparer.Ordinal);
            buckets = Enumerable.Range(0, ListingDigest.Buckets).ToList();
        }
        var damaged = verify ? await store.ArticlesMissingPublishedBlobsAsync(ct) : [];
        var rejected = candidates.Count == 0 ? []
            : (await rejections.RejectionsAsync(ct)).ToDictionary(r => r.BlobName, r => r.Signature, StringComparer.Ordinal);
        var rejectedNames = rejected.Keys.ToHashSet(StringComparer.Ordinal);

        // Each slug to converge with what the listing says of it: its blobs, and whether the table had its row.
        var work = new List<(string Slug, List<SourceBlob> Blobs, bool Stored)>();
        foreach (var slug in candidates)
        {
            if (listed.TryGetValue(slug, out var l))
            {
                if (stored.TryGetValue(slug, out var current) && current == l.Signature && !damaged.Contains(slug)) continue;
                if (rejected.TryGetValue(l.Document.Name, out var rejectedAs) && rejectedAs == l.Signature) continue;
                work.Add((slug, l.Blobs, stored.ContainsKey(slug)));
            }
            else if (stored.ContainsKey(slug)) work.Add((slug, [], true));
        }

        var results = new System.Collections.Concurrent.ConcurrentBag<(string Slug, IngestResult? Result)>();
        await Parallel.ForEachAsync(work, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Value.ReconcileParallelism), CancellationToken = ct }, async (item, token) =>
        {
            var slug = item.Slug;
            try
            {
                var outcome = await ConvergeWithRetriesAsync(slug,
                    t => ListedStateAsync(slug, item.Blobs, item.Stored, rejectedNames, t), damaged.Contains(slug), token);
                results.Add((slug, outcome.Result));
            }
            catch (Exception e) when (e is not OperationCanceledException || !token.IsCancellationRequested)
            {
                // A storage error (or anything else) on one slug must not stop the others; the next pass tries it again.
                LogSlugFailed(slug, (e as RequestFailedException)?.Status ?? 0, e.Message);
                results.Add((slug, null));
            }
        });
        var failed = results.Where(r => r.Result is null).Select(r => r.Slug).ToList();
        foreach (var slug in failed) digest.Fail(slug);
        var verified = verify && failed.Count == 0 ? time.GetUtcNow() : mark?.Verified;
        // The version after this pass's own saves (a change by another writer in between is caught by verification).
        if (work.Count > 0) version = await store.FeedVersionAsync(ct);
        // Only the bucket rows whose digest moved are written: an absent row reads as an empty bucket.
        var moved = buckets.Concat(failed.Select(ListingDigest.BucketOf)).Distinct()
            .Where(b => digest.BucketDigests[b] != (mark is { Buckets.Count: ListingDigest.Buckets } m ? m.Buckets[b] : ""));
        await incoming.SaveListingMarkAsync(new ListingMark(digest.BucketDigests, version, verified),
            moved.ToDictionary(b => b, digest.Entries), ct);

        var result = new ReconcileResult(listed.Count,
            results.Count(r => r.Result is IngestResult.Published or IngestResult.Updated or IngestResult.Unchanged),
            results.Count(r => r.Result == IngestResult.Deleted), results.Count(r => r.Result == IngestResult.Rejected), failed.Count);
        if (work.Count > 0) LogReconciled(result.Documents, result.Ingested, result.Deleted, result.Rejected, result.Failed);
        return result;
    }
}
