using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs.Models;

namespace Syndication.Storage;

/// <summary>An incoming blob as listed: name, ETag, size and times.</summary>
public sealed record SourceBlob(string Name, string ETag, long Length, DateTimeOffset LastModified, DateTimeOffset CreatedOn);

/// <summary>
/// What reconciliation last saw in the incoming container and converged on: one digest per bucket of slugs, the feed
/// version once it had converged, and when published blobs were last verified.
/// </summary>
public sealed record ListingMark(IReadOnlyList<string> Buckets, string Version, DateTimeOffset? Verified);

/// <summary>
/// The incoming container, where publishers drop documents and images (ingestion only reads them: it never modifies or
/// deletes a publisher's blob; the upload and delete here are the publisher's), and what reconciliation last saw in it.
/// <para>The listing watermark, in its own partition "listing" (off the feed partition's write rate): RK "top":
/// Buckets (the bucket digests, joined by ','), Version, Verified. With the version row, two point reads answer a quiet
/// pass. RK "b|{bucket:x2}": E0, E1, ... the lines "{slug}\t{signature}" of the slugs hashed to that bucket (strings
/// are cut into properties of at most 30,000 characters; an entity holds 1 MB, ample for a few million articles in
/// all).</para>
/// </summary>
public sealed class IncomingStore(StorageAccount account)
{
    private const string ListingPartition = "listing";
    private const string ListingTop = "top";
    private const int ChunkChars = 30_000;

    /// <summary>Incoming blobs whose names start with the prefix (all when null).</summary>
    public async Task<List<SourceBlob>> IncomingBlobsAsync(string? prefix = null, CancellationToken ct = default)
    {
        await account.EnsureCreatedAsync();
        var list = new List<SourceBlob>();
        await foreach (var b in account.Incoming.GetBlobsAsync(BlobTraits.None, BlobStates.None, prefix, ct))
            list.Add(new SourceBlob(b.Name, b.Properties.ETag?.ToString() ?? "", b.Properties.ContentLength ?? 0,
                b.Properties.LastModified ?? DateTimeOffset.UnixEpoch,
                b.Properties.CreatedOn ?? b.Properties.LastModified ?? DateTimeOffset.UnixEpoch));
        return list;
    }

    /// <summary>
    /// The Content-MD5 storage keeps for each incoming blob whose name starts with <paramref name="prefix"/> (one
    /// listing), so a publisher can skip uploading bytes the container already holds.
    /// </summary>
    public async Task<Dictionary<string, byte[]>> ContentHashesAsync(string prefix, CancellationToken ct = default)
    {
        await account.EnsureCreatedAsync();
        var hashes = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        await foreach (var b in account.Incoming.GetBlobsAsync(BlobTraits.None, BlobStates.None, prefix, ct))
            if (b.Properties.ContentHash is { Length: > 0 } md5) hashes[b.Name] = md5;
        return hashes;
    }

    /// <summary>An incoming blob's bytes and metadata, if it still exists.</summary>
    public async Task<(BinaryData Content, IDictionary<string, string> Metadata, string ETag)?> DownloadIncomingAsync(
        string name, CancellationToken ct = default)
    {
        try
        {
            var result = await account.Incoming.GetBlobClient(name).DownloadContentAsync(ct);
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
        await account.Incoming.GetBlobClient(name).UploadAsync(content, new BlobUploadOptions { Metadata = metadata }, ct);
    }

    /// <summary>Removes a publisher's blob (and its snapshots) from the incoming container, ignoring one already gone.</summary>
    public async Task DeleteIncomingAsync(string name, CancellationToken ct = default) =>
        await account.Incoming.DeleteBlobIfExistsAsync(name, DeleteSnapshotsOption.IncludeSnapshots, cancellationToken: ct);

    /// <summary>The watermark's top row, or null before the first pass.</summary>
    public async Task<ListingMark?> ListingMarkAsync(CancellationToken ct = default)
    {
        await account.EnsureCreatedAsync();
        if (await account.RowAsync(ListingPartition, ListingTop, ct: ct) is not { } e) return null;
        return new ListingMark((e.GetString("Buckets") ?? "").Split(','), e.GetString("Version") ?? "", e.GetDateTimeOffset("Verified"));
    }

    /// <summary>The slugs and signatures the watermark holds for these buckets (point reads, one per bucket).</summary>
    public async Task<Dictionary<string, string>> ListingEntriesAsync(IEnumerable<int> buckets, CancellationToken ct = default)
    {
        var rows = await Task.WhenAll(buckets.Select(b => account.RowAsync(ListingPartition, BucketKey(b), ct: ct)));
        var entries = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var row in rows.OfType<TableEntity>())
        {
            var text = string.Concat(Enumerable.Range(0, int.MaxValue).Select(i => row.GetString($"E{i}")).TakeWhile(s => s is not null));
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
            await account.Table.UpsertEntityAsync(entity, TableUpdateMode.Replace, token);
        });
        var top = new TableEntity(ListingPartition, ListingTop) { ["Buckets"] = string.Join(',', mark.Buckets), ["Version"] = mark.Version,
            ["Verified"] = mark.Verified };
        await account.Table.UpsertEntityAsync(top, TableUpdateMode.Replace, ct);
    }

    private static string BucketKey(int bucket) => $"b|{bucket:x2}";
}
