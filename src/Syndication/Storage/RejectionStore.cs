using Azure.Data.Tables;
using Syndication.Articles;

namespace Syndication.Storage;

/// <summary>A blob we could not publish: why, how often, since when; the blob itself is kept as it is.</summary>
public sealed record Rejection(string BlobName, string Reason, int Attempts, DateTimeOffset FirstSeen, DateTimeOffset LastSeen, string Signature);

/// <summary>
/// The blobs we could not publish, in the shared table: PK "rejected", RK the escaped blob name (BlobName, Reason,
/// Attempts, FirstSeen, LastSeen, Signature), one row per incoming blob, replaced each time it fails again and removed
/// once it is published or gone.
/// </summary>
public sealed class RejectionStore(StorageAccount account)
{
    private const string RejectedPartition = "rejected";

    /// <summary>Records (or counts again) a rejection with a reason a person understands.</summary>
    public async Task RecordRejectionAsync(string blobName, string reason, string signature, DateTimeOffset now, CancellationToken ct = default)
    {
        await account.EnsureCreatedAsync();
        var key = RejectionKey(blobName);
        var previous = await account.RowAsync(RejectedPartition, key, ct: ct);
        var entity = new TableEntity(RejectedPartition, key)
        {
            ["BlobName"] = blobName,
            ["Reason"] = CleanText.Cut(reason, 4000),
            ["Attempts"] = (previous?.GetInt32("Attempts") ?? 0) + 1,
            ["FirstSeen"] = previous?.GetDateTimeOffset("FirstSeen") ?? now,
            ["LastSeen"] = now,
            ["Signature"] = signature,
        };
        await account.Table.UpsertEntityAsync(entity, TableUpdateMode.Replace, ct);
    }

    /// <summary>Forgets a rejection once the blob was published or removed.</summary>
    public Task ClearRejectionAsync(string blobName, CancellationToken ct = default) =>
        account.DeleteRowAsync(RejectedPartition, RejectionKey(blobName), ct);

    /// <summary>Every recorded rejection.</summary>
    public async Task<List<Rejection>> RejectionsAsync(CancellationToken ct = default)
    {
        await account.EnsureCreatedAsync();
        var list = new List<Rejection>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {RejectedPartition}");
        await foreach (var e in account.Table.QueryAsync<TableEntity>(filter, cancellationToken: ct))
            list.Add(new Rejection(e.GetString("BlobName"), e.GetString("Reason"), e.GetInt32("Attempts") ?? 1,
                e.GetDateTimeOffset("FirstSeen") ?? DateTimeOffset.UnixEpoch, e.GetDateTimeOffset("LastSeen") ?? DateTimeOffset.UnixEpoch,
                e.GetString("Signature") ?? ""));
        return list;
    }

    // RowKeys may not hold '/', '\', '#', '?' or control characters: escape the blob name.
    private static string RejectionKey(string blobName) => Uri.EscapeDataString(blobName).Replace("%", "~");
}
