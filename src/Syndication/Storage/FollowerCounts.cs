using Azure;
using Azure.Data.Tables;

namespace Syndication.Storage;

/// <summary>
/// Follower counts kept beside the rows (PK "count", RK "total" and "host|hash(host)": Count), changed when a follower
/// row is added or removed, so the caps and the public count are one point read instead of a partition scan.
/// </summary>
public sealed partial class FollowerStore
{
    private const string CountPartition = "count";
    private const string TotalCount = "total";

    /// <summary>How many followers there are, as the kept total says (one point read).</summary>
    public async Task<int> FollowerTotalAsync(CancellationToken ct = default)
    {
        await account.EnsureCreatedAsync();
        return await CountAsync(TotalCount, ct);
    }

    private static string HostCount(string actor) =>
        "host|" + Key(Uri.TryCreate(actor, UriKind.Absolute, out var url) ? url.IdnHost.ToLowerInvariant() : actor);

    private async Task<int> CountAsync(string rowKey, CancellationToken ct) =>
        (await account.RowAsync(CountPartition, rowKey, ["Count"], ct))?.GetInt32("Count") ?? 0;

    // Adds delta to the host's and the total count (optimistic: the row's ETag, tried again on a conflict).
    private async Task CountFollowerAsync(string actor, int delta, CancellationToken ct)
    {
        foreach (var rowKey in new[] { HostCount(actor), TotalCount })
        {
            for (var attempt = 0; attempt < 20; attempt++)
            {
                var row = await account.RowAsync(CountPartition, rowKey, ["Count"], ct);
                try
                {
                    if (row is null) await account.Table.AddEntityAsync(new TableEntity(CountPartition, rowKey) { ["Count"] = Math.Max(0, delta) }, ct);
                    else await account.Table.UpdateEntityAsync(new TableEntity(CountPartition, rowKey) { ["Count"] = Math.Max(0, (row.GetInt32("Count") ?? 0) + delta) }, row.ETag, TableUpdateMode.Replace, ct);
                    break;
                }
                catch (RequestFailedException e) when (e.Status is 409 or 412)
                {
                }
            }
        }
    }
}
