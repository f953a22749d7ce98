using Azure;
using Azure.Data.Tables;

namespace Syndication.Storage;

/// <summary>What recording a signed activity found: new (recorded), a replay, or its actor at its bound for the window.</summary>
public enum Seen { New, Replay, Full }

/// <summary>
/// Replay protection for the activities that change a follow (Follow, and Undo or Delete by a follower): one row per
/// actor per 12-hour bucket of the signed Date (PK "seen", RK "{bucket:D10}|hash(actor)", Signatures: space-separated
/// SHA-256 prefixes), so an actor holds at most 3 live rows of at most <see cref="SeenPerActor"/> signatures. A bucket is
/// useless once the Date window has passed its end, and <see cref="PurgeSeenAsync"/> removes such rows in a ranged
/// query run from the delivery queue, never inside a request.
/// </summary>
public sealed partial class FollowerStore
{
    private const string SeenPartition = "seen";
    /// <summary>The Date window's length, and so the length of a bucket.</summary>
    public static readonly TimeSpan SeenBucket = TimeSpan.FromHours(12);
    /// <summary>The most follow-changing activities one actor may send per bucket (a person follows and unfollows a few times).</summary>
    public const int SeenPerActor = 16;
    /// <summary>The most seen rows one purge removes; a purge that reaches it asks for another.</summary>
    public const int PurgeBatch = 1000;
    // The lowest key of the earlier format (ticks, 19 digits) the purge removes whatever their Date.
    private const string OldFormat = "01";

    /// <summary>The bucket a signed Date falls in.</summary>
    public static long BucketOf(DateTimeOffset signed) => signed.UtcTicks / SeenBucket.Ticks;

    /// <summary>Records a verified signature of <paramref name="actor"/> under the Date it signed (a replay carries the same Date, so lands in the same row).</summary>
    public Task<Seen> MarkSeenAsync(string actor, byte[] signature, DateTimeOffset signed, CancellationToken ct = default)
    {
        var (rowKey, mark) = SeenKey(actor, signature, signed);
        return ChangeMarksAsync<Seen>(rowKey, marks =>
            marks.Contains(mark) ? (Seen.Replay, null) : marks.Length >= SeenPerActor ? (Seen.Full, null) : (Seen.New, [.. marks, mark]), ct);
    }

    /// <summary>
    /// Takes back a mark <see cref="MarkSeenAsync"/> made, for an activity that changed nothing after all (its follow
    /// change failed, or the caps refused it): the sender may send the same bytes again, and a refused Follow keeps no
    /// row. The row goes when it held that mark alone. Conditional on the row's ETag; throws when storage does.
    /// </summary>
    public async Task ForgetSeenAsync(string actor, byte[] signature, DateTimeOffset signed, CancellationToken ct = default)
    {
        var (rowKey, mark) = SeenKey(actor, signature, signed);
        await ChangeMarksAsync<bool>(rowKey, marks => (true, marks.Contains(mark) ? marks.Where(m => m != mark).ToArray() : null), ct);
    }

    // Reads a seen row's marks, lets decide say what they become (null: leave the row as it is) and the answer, and writes
    // them on the row's ETag (the row goes when none is left); another writer in between: back off, read again.
    private async Task<T> ChangeMarksAsync<T>(string rowKey, Func<string[], (T Answer, string[]? Marks)> decide, CancellationToken ct)
    {
        await account.EnsureCreatedAsync();
        for (var attempt = 0; ; attempt++)
        {
            var row = await account.RowAsync(SeenPartition, rowKey, ["Signatures"], ct);
            var (answer, marks) = decide((row?.GetString("Signatures") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries));
            if (marks is null) return answer;
            var updated = new TableEntity(SeenPartition, rowKey) { ["Signatures"] = string.Join(' ', marks) };
            try
            {
                if (row is null) await account.Table.AddEntityAsync(updated, ct);
                else if (marks.Length == 0) await account.Table.DeleteEntityAsync(SeenPartition, rowKey, row.ETag, ct);
                else await account.Table.UpdateEntityAsync(updated, row.ETag, TableUpdateMode.Replace, ct);
                return answer;
            }
            catch (RequestFailedException e) when (e.Status is 404 or 409 or 412 && attempt < Attempts)
            {
                await BackoffAsync(attempt, ct);
            }
        }
    }

    // The row an actor's signature is kept in, and the mark kept for it.
    private static (string RowKey, string Mark) SeenKey(string actor, byte[] signature, DateTimeOffset signed) =>
        ($"{BucketOf(signed):D10}|{Key(actor)}", Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(signature))[..32]);

    /// <summary>How many seen rows there are (a test's and an operator's measure of what the inbox stored).</summary>
    public async Task<int> CountSeenAsync(CancellationToken ct = default)
    {
        await account.EnsureCreatedAsync();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {SeenPartition}");
        return await account.Table.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: ct).CountAsync(ct);
    }

    /// <summary>
    /// Removes up to <see cref="PurgeBatch"/> rows of buckets before <paramref name="bucket"/> (one ranged query of keys,
    /// deletes in transactions of 100); returns how many, so a caller that got the whole batch asks again. Rows of the
    /// earlier format (RK "{ticks of the signed Date, 19 digits}|hash(signature)", "0630…" and up, never read now) go
    /// too: bucket keys stay below "01" until bucket 10^8, some 137,000 years from now.
    /// </summary>
    public async Task<int> PurgeSeenAsync(long bucket, CancellationToken ct = default)
    {
        await account.EnsureCreatedAsync();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {SeenPartition} and (RowKey lt {bucket.ToString("D10")} or RowKey ge {OldFormat})");
        var old = new List<TableTransactionAction>();
        await foreach (var row in account.Table.QueryAsync<TableEntity>(filter, PurgeBatch, ["PartitionKey", "RowKey"], ct))
        {
            old.Add(new(TableTransactionActionType.Delete, row));
            if (old.Count == PurgeBatch) break;
        }
        foreach (var chunk in old.Chunk(100)) await account.Table.SubmitTransactionAsync(chunk, ct);
        return old.Count;
    }
}
