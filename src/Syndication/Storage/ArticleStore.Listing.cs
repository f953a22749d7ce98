using Azure.Data.Tables;

namespace Syndication.Storage;

/// <summary>
/// What reconciliation last saw in the incoming container and converged on: one digest per bucket of slugs, the feed
/// version once it had converged, and when published blobs were last verified.
/// </summary>
public sealed record ListingMark(IReadOnlyList<string> Buckets, string Version, DateTimeOffset? Verified);

// The listing watermark, in its own partition "listing" (off the feed partition's write rate):
// RK "top": Buckets (the bucket digests, joined by ','), Version, Verified. With the version row, two point reads
// answer a quiet pass.
// RK "b|{bucket:x2}": E0, E1, ... the lines "{slug}\t{signature}" of the slugs hashed to that bucket (strings are cut
// into properties of at most 30,000 characters; an entity holds 1 MB, ample for a few million articles in all).
public sealed partial class ArticleStore
{
    private const string ListingPartition = "listing";
    private const string ListingTop = "top";
    private const int ChunkChars = 30_000;

    /// <summary>The watermark's top row, or null before the first pass.</summary>
    public async Task<ListingMark?> ListingMarkAsync(CancellationToken ct = default)
    {
        await account.EnsureCreatedAsync();
        var row = await table.GetEntityIfExistsAsync<TableEntity>(ListingPartition, ListingTop, cancellationToken: ct);
        if (!row.HasValue || row.Value is not { } e) return null;
        return new ListingMark((e.GetString("Buckets") ?? "").Split(','), e.GetString("Version") ?? "", e.GetDateTimeOffset("Verified"));
    }

    /// <summary>The slugs and signatures the watermark holds for these buckets (point reads, one per bucket).</summary>
    public async Task<Dictionary<string, string>> ListingEntriesAsync(IEnumerable<int> buckets, CancellationToken ct = default)
    {
        var rows = await Task.WhenAll(buckets.Select(b =>
            table.GetEntityIfExistsAsync<TableEntity>(ListingPartition, BucketKey(b), cancellationToken: ct)));
        var entries = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var row in rows.Where(r => r.HasValue))
        {
            var text = string.Concat(Enumerable.Range(0, int.MaxValue).Select(i => row.Value!.GetString($"E{i}")).TakeWhile(s => s is not null));
            foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
                if (line.Split('\t') is [var slug, var signature]) entries[slug] = signature;
        }
        return entries;
    }

    /// <summary>Writes the given buckets' entries, then the top row that names their digests (a crash between leaves a top row that differs, so the next pass looks again).</summary>
    public async Task SaveListingMarkAsync(ListingMark mark, IReadOnlyDictionary<int, IReadOnlyList<(string Slug, string Signature)>> buckets, CancellationToken ct = default)
    {
        await Parallel.ForEachAsync(buckets, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = ct }, async (bucket, token) =>
        {
            var text = string.Concat(bucket.Value.Select(e => $"{e.Slug}\t{e.Signature}\n"));
            var entity = new TableEntity(ListingPartition, BucketKey(bucket.Key));
            for (var i = 0; i * ChunkChars < text.Length; i++) entity[$"E{i}"] = text.Substring(i * ChunkChars, Math.Min(ChunkChars, text.Length - i * ChunkChars));
            await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, token);
        });
        var top = new TableEntity(ListingPartition, ListingTop) { ["Buckets"] = string.Join(',', mark.Buckets), ["Version"] = mark.Version,
            ["Verified"] = mark.Verified };
        await table.UpsertEntityAsync(top, TableUpdateMode.Replace, ct);
    }

    /// <summary>The source signatures of these slugs' article rows (point reads of two columns; absent slugs are left out).</summary>
    public async Task<Dictionary<string, string>> ArticleSignaturesAsync(IReadOnlyCollection<string> slugs, CancellationToken ct = default)
    {
        var signatures = new System.Collections.Concurrent.ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(slugs, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = ct }, async (slug, token) =>
        {
            var row = await table.GetEntityIfExistsAsync<TableEntity>(FeedPartition, ArticlePrefix + slug, ["RowKey", "SourceSignature"], token);
            if (row.HasValue && row.Value is { } e) signatures[slug] = e.GetString("SourceSignature") ?? "";
        });
        return new Dictionary<string, string>(signatures, StringComparer.Ordinal);
    }

    private static string BucketKey(int bucket) => $"b|{bucket:x2}";
}
