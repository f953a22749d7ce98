using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;

namespace Syndication.Storage;

/// <summary>
/// A fediverse account following the publication: its actor id, personal inbox and shared inbox (if any), and the
/// origin of our actor it followed (the public base URL, or locally the host:port it used), which deliveries name.
/// </summary>
public sealed record Follower(string Actor, string Inbox, string? SharedInbox, string FollowId, DateTimeOffset Since, string Origin)
{
    /// <summary>Where posts go: the shared inbox when the server has one, so one request reaches all its followers.</summary>
    public string DeliveryInbox => SharedInbox ?? Inbox;
}

/// <summary>
/// The fediverse side of the shared table. Keys are the SHA-256 hex of a URL (RowKeys may not hold '/'), the URL a column:
/// <list type="bullet">
/// <item>PK "follower", RK hash(actor id): Actor, Inbox, SharedInbox, FollowId, Since, Origin. Fan-out reads the partition
/// whole (1,000 rows a page, RowKey below "~"). Beside them, RK "~total" and "~domain|hash(registrable domain)": Count, changed
/// in the same entity-group transaction as the follower row (so a count never drifts from the rows it counts).</item>
/// <item>PK "inbox", RK hash(inbox URL): FailingSince, while deliveries to it fail (gone after a success).</item>
/// <item>PK "seen", RK "{12-hour bucket of the signed Date, 10 digits}|hash(actor)": the signatures of the activities that
/// actor sent which changed a follow (see FollowerStore.Seen.cs); old buckets go in ranged deletes, off the request path.</item>
/// <item>PK "claim", RK hash(activity id): which queue message fans the activity out, so a change goes out once.</item>
/// <item>PK "fediverse", RK "key": the actor's development key on Azurite (never used elsewhere).</item>
/// </list>
/// </summary>
public sealed partial class FollowerStore(StorageAccount account)
{
    private const string FollowerPartition = "follower";
    private const string InboxPartition = "inbox";
    private const string ClaimPartition = "claim";
    private const string KeyPartition = "fediverse";

    /// <summary>One follower by actor id, or null.</summary>
    public async Task<Follower?> FollowerAsync(string actor, CancellationToken ct = default)
    {
        await account.EnsureCreatedAsync();
        return await account.RowAsync(FollowerPartition, Key(actor), ct: ct) is { } row ? ToFollower(row) : null;
    }

    /// <summary>Every follower, streamed a page (1,000) at a time: fan-out never holds the partition.</summary>
    public async IAsyncEnumerable<Follower> FollowersAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        await foreach (var row in FollowerRowsAsync(null, ct)) yield return ToFollower(row);
    }

    /// <summary>How many follower rows there are, counted (the keys alone are read): what the kept counts must equal.</summary>
    public async Task<int> CountFollowersAsync(CancellationToken ct = default)
    {
        var count = 0;
        await foreach (var _ in FollowerRowsAsync(["RowKey"], ct)) count++;
        return count;
    }

    // The follower rows (below the count rows' keys), with the columns selected (all when null).
    private async IAsyncEnumerable<TableEntity> FollowerRowsAsync(string[]? select, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await account.EnsureCreatedAsync();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {FollowerPartition} and RowKey lt {CountPrefix}");
        await foreach (var row in account.Table.QueryAsync<TableEntity>(filter, select: select, cancellationToken: ct)) yield return row;
    }

    /// <summary>Claims the fan-out of an activity for a queue message: true for the first claim and for that message's own retries.</summary>
    public async Task<bool> ClaimAsync(string activityId, string messageId, CancellationToken ct = default)
    {
        var key = Key(activityId);
        if (await InsertAsync(new TableEntity(ClaimPartition, key) { ["Activity"] = activityId, ["Message"] = messageId }, ct)) return true;
        return (await account.RowAsync(ClaimPartition, key, ["Message"], ct))?.GetString("Message") == messageId;
    }

    /// <summary>Records a failed delivery to an inbox; returns since when it has been failing.</summary>
    public async Task<DateTimeOffset> InboxFailedAsync(string inbox, DateTimeOffset now, CancellationToken ct = default)
    {
        recovered.TryRemove(inbox, out _);
        await account.EnsureCreatedAsync();
        if (await account.RowAsync(InboxPartition, Key(inbox), ["FailingSince"], ct) is { } row && row.GetDateTimeOffset("FailingSince") is { } since)
            return since;
        await InsertAsync(new TableEntity(InboxPartition, Key(inbox)) { ["Inbox"] = inbox, ["FailingSince"] = now }, ct);
        return now;
    }

    // Inboxes whose failure row this instance removed after a success, and when: a success within RecoveredFor of that
    // removal skips the delete (a failure here forgets the inbox first). Another instance's failure row then lives at
    // most RecoveredFor past a success, far inside the days an inbox must fail before its followers are dropped.
    private static readonly TimeSpan RecoveredFor = TimeSpan.FromMinutes(5);
    private const int MaxRecovered = 10_000;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, DateTimeOffset> recovered = new(StringComparer.Ordinal);

    /// <summary>Forgets an inbox's failures after a delivery to it succeeded: one delete per inbox per few minutes, not per delivery.</summary>
    public async Task InboxRecoveredAsync(string inbox, CancellationToken ct = default)
    {
        var now = DateTimeOffset.UtcNow;
        if (recovered.TryGetValue(inbox, out var at) && now - at < RecoveredFor) return;
        await account.DeleteRowAsync(InboxPartition, Key(inbox), ct);
        if (recovered.Count >= MaxRecovered) recovered.Clear();
        recovered[inbox] = now;
    }

    /// <summary>Drops every follower delivered at this inbox (gone for too long) and its failure row; returns how many (rows streamed, filtered by the table).</summary>
    public async Task<int> DropInboxAsync(string inbox, CancellationToken ct = default)
    {
        await account.EnsureCreatedAsync();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {FollowerPartition} and RowKey lt {CountPrefix} and (Inbox eq {inbox} or SharedInbox eq {inbox})");
        var gone = 0;
        await foreach (var row in account.Table.QueryAsync<TableEntity>(filter, select: ["Actor"], cancellationToken: ct))
            if (await RemoveFollowerAsync(row.GetString("Actor"), ct)) gone++;
        recovered.TryRemove(inbox, out _);
        await account.DeleteRowAsync(InboxPartition, Key(inbox), ct);
        return gone;
    }

    /// <summary>The development key kept in the table: the first instance's <paramref name="make"/> wins, every instance reads it.</summary>
    public async Task<string> DevelopmentKeyAsync(Func<string> make, CancellationToken ct = default)
    {
        await account.EnsureCreatedAsync();
        // Read first: a 2048-bit key is made (about a tenth of a second) only when no instance has stored one yet.
        if (await account.RowAsync(KeyPartition, "key", ["Pem"], ct) is { } kept) return kept.GetString("Pem");
        await InsertAsync(new TableEntity(KeyPartition, "key") { ["Pem"] = make() }, ct);
        return (await account.RowAsync(KeyPartition, "key", ["Pem"], ct))!.GetString("Pem");
    }

    private async Task<bool> InsertAsync(TableEntity entity, CancellationToken ct)
    {
        await account.EnsureCreatedAsync();
        try
        {
            await account.Table.AddEntityAsync(entity, ct);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    private static Follower ToFollower(TableEntity row) => new(row.GetString("Actor"), row.GetString("Inbox"), row.GetString("SharedInbox"),
        row.GetString("FollowId") ?? "", row.GetDateTimeOffset("Since") ?? DateTimeOffset.UnixEpoch, row.GetString("Origin") ?? "");

    private static string Key(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
}
