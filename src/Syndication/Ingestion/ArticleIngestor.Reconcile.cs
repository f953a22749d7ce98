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

    // One pass, top to bottom: list the container, stop if nothing moved, choose the slugs to compare with their
    // rows, converge those that differ, record the listing converged on, and count.
    private async Task<ReconcileResult> PassAsync(bool verify, ListingMark? mark, CancellationToken ct)
    {
        var versionRead = store.FeedVersionAsync(ct);
        var listed = Listed(await incoming.IncomingBlobsAsync(ct: ct));
        mark ??= await incoming.ListingMarkAsync(ct);
        var version = await versionRead;
        var digest = new ListingDigest(listed.Select(l => (l.Key, l.Value.Signature)));
        var sameListing = mark is not null && mark.Buckets.SequenceEqual(digest.BucketDigests);
        if (!verify && sameListing && mark!.Version == version) return new ReconcileResult(listed.Count, 0, 0, 0, 0);

        var compared = await ComparedAsync(listed, digest, mark, verify || sameListing, ct);
        var plan = await PlanAsync(listed, compared, verify, ct);
        var results = await ConvergeAllAsync(plan, ct);
        var failed = results.Where(r => r.Result is null).Select(r => r.Slug).ToList();
        foreach (var slug in failed) digest.Fail(slug);
        var verified = verify && failed.Count == 0 ? time.GetUtcNow() : mark?.Verified;
        // The version after this pass's own saves (a change by another writer in between is caught by verification).
        if (plan.Work.Count > 0) version = await store.FeedVersionAsync(ct);
        await SaveMarkAsync(new ListingMark(digest.BucketDigests, version, verified), digest, mark, compared.Buckets.Concat(failed.Select(ListingDigest.BucketOf)), ct);

        var result = new ReconcileResult(listed.Count,
            results.Count(r => r.Result is IngestResult.Published or IngestResult.Updated or IngestResult.Unchanged),
            results.Count(r => r.Result == IngestResult.Deleted), results.Count(r => r.Result == IngestResult.Rejected), failed.Count);
        if (plan.Work.Count > 0) LogReconciled(result.Documents, result.Ingested, result.Deleted, result.Rejected, result.Failed);
        return result;
    }

    /// <summary>A slug the listing holds a document for: the document, all its blobs, and their source signature.</summary>
    private sealed record ListedSlug(SourceBlob Document, List<SourceBlob> Blobs, string Signature);

    /// <summary>The slugs to compare with their rows, the article rows' signatures read for them, and their buckets.</summary>
    private sealed record Compared(List<int> Buckets, HashSet<string> Slugs, Dictionary<string, string> Stored);

    /// <summary>
    /// Each slug to converge with what the listing says of it (its blobs, and whether the table had its row); those
    /// whose published blobs are missing, to repair; the blob names a rejection row may exist for.
    /// </summary>
    private sealed record Plan(List<(string Slug, List<SourceBlob> Blobs, bool Stored)> Work, HashSet<string> Damaged, HashSet<string> Rejected);

    // The listing by slug: each slug with a document, its blobs and their signature.
    private Dictionary<string, ListedSlug> Listed(IEnumerable<SourceBlob> blobs)
    {
        var listed = new Dictionary<string, ListedSlug>(StringComparer.Ordinal);
        foreach (var group in blobs.GroupBy(b => ArticleBlobName.Parse(b.Name)?.Slug ?? "", StringComparer.Ordinal).Where(g => g.Key != ""))
        {
            var (document, images) = SourcesOf(group.Key, group);
            if (document is not null) listed[group.Key] = new ListedSlug(document, group.ToList(), Signature(document, images));
        }
        return listed;
    }

    // Which slugs to compare with their rows: those whose entry in a changed bucket differs (with a point read of each
    // row's signature), or, when the pass is full or too many changed, all of them (with one scan).
    private async Task<Compared> ComparedAsync(Dictionary<string, ListedSlug> listed, ListingDigest digest, ListingMark? mark,
        bool full, CancellationToken ct)
    {
        if (!full && mark is { Buckets.Count: ListingDigest.Buckets })
        {
            var buckets = Enumerable.Range(0, ListingDigest.Buckets).Where(b => mark.Buckets[b] != digest.BucketDigests[b]).ToList();
            var before = await incoming.ListingEntriesAsync(buckets, ct);
            var candidates = buckets.SelectMany(digest.Entries).Where(e => !before.TryGetValue(e.Slug, out var s) || s != e.Signature)
                .Select(e => e.Slug).Concat(before.Keys.Where(s => !listed.ContainsKey(s))).ToHashSet(StringComparer.Ordinal);
            if (candidates.Count <= PointReadsUpTo) return new Compared(buckets, candidates, await store.ArticleSignaturesAsync(candidates, ct));
        }
        var stored = await store.ArticleSignaturesAsync(ct);
        return new Compared(Enumerable.Range(0, ListingDigest.Buckets).ToList(),
            listed.Keys.Concat(stored.Keys).ToHashSet(StringComparer.Ordinal), stored);
    }

    // The compared slugs that need converging: listed ones whose row differs or whose published blobs are missing,
    // unless rejected as they are now; stored ones no longer listed.
    private async Task<Plan> PlanAsync(Dictionary<string, ListedSlug> listed, Compared compared, bool verify, CancellationToken ct)
    {
        var damaged = verify ? await store.ArticlesMissingPublishedBlobsAsync(ct) : [];
        var rejected = compared.Slugs.Count == 0 ? []
            : (await rejections.RejectionsAsync(ct)).ToDictionary(r => r.BlobName, r => r.Signature, StringComparer.Ordinal);
        var work = new List<(string Slug, List<SourceBlob> Blobs, bool Stored)>();
        foreach (var slug in compared.Slugs)
        {
            if (listed.TryGetValue(slug, out var l))
            {
                if (compared.Stored.TryGetValue(slug, out var current) && current == l.Signature && !damaged.Contains(slug)) continue;
                if (rejected.TryGetValue(l.Document.Name, out var rejectedAs) && rejectedAs == l.Signature) continue;
                work.Add((slug, l.Blobs, compared.Stored.ContainsKey(slug)));
            }
            else if (compared.Stored.ContainsKey(slug)) work.Add((slug, [], true));
        }
        return new Plan(work, damaged, rejected.Keys.ToHashSet(StringComparer.Ordinal));
    }

    // Converges the planned slugs in parallel; a slug that failed has a null result.
    private async Task<List<(string Slug, IngestResult? Result)>> ConvergeAllAsync(Plan plan, CancellationToken ct)
    {
        var results = new System.Collections.Concurrent.ConcurrentBag<(string Slug, IngestResult? Result)>();
        await Parallel.ForEachAsync(plan.Work, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Value.ReconcileParallelism), CancellationToken = ct }, async (item, token) =>
        {
            var slug = item.Slug;
            try
            {
                var outcome = await ConvergeWithRetriesAsync(slug,
                    t => ListedStateAsync(slug, item.Blobs, item.Stored, plan.Rejected, t), plan.Damaged.Contains(slug), token);
                results.Add((slug, outcome.Result));
            }
            catch (Exception e) when (e is not OperationCanceledException || !token.IsCancellationRequested)
            {
                // A storage error (or anything else) on one slug must not stop the others; the next pass tries it again.
                LogSlugFailed(slug, (e as RequestFailedException)?.Status ?? 0, e.Message);
                results.Add((slug, null));
            }
        });
        return [.. results];
    }

    // Records the listing converged on; only the bucket rows whose digest moved are written (an absent row reads as
    // an empty bucket).
    private async Task SaveMarkAsync(ListingMark next, ListingDigest digest, ListingMark? mark, IEnumerable<int> touched, CancellationToken ct)
    {
        var moved = touched.Distinct()
            .Where(b => digest.BucketDigests[b] != (mark is { Buckets.Count: ListingDigest.Buckets } m ? m.Buckets[b] : ""));
        await incoming.SaveListingMarkAsync(next, moved.ToDictionary(b => b, digest.Entries), ct);
    }
}
