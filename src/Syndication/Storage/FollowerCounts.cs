using Azure;
using Azure.Data.Tables;

namespace Syndication.Storage;

/// <summary>
/// Followers added and removed with their counts (RK "~total" and "~domain|hash(registrable domain)" in the follower
/// partition): one query reads the follower row and both counts, and one entity-group transaction, conditional on the
/// ETags read, writes the row and both counts together. A race or a failed write leaves rows and counts as they were,
/// and the loser reads again after a jittered wait that doubles (to half a second) with each lost race; after
/// <see cref="Attempts"/> lost races the write throws (the inbox answers 503). A missing total (a table from before the
/// counts lived here) is rebuilt from the rows: count rows are only added, never replaced, so rebuilds racing each other
/// and the adds that follow the first one leave the counts equal to the rows.
/// </summary>
public sealed partial class FollowerStore
{
    private const string CountPrefix = "~";
    private const string TotalCount = "~total";
    private const int Attempts = 30;
    private const int MaxBackoffMs = 500;

    /// <summary>
    /// Adds or replaces a follower (a repeated Follow is the same row). A new follower is refused (false, nothing stored)
    /// when its registrable domain (<see cref="RegistrableDomain"/>) already has <paramref name="maxPerDomain"/>
    /// followers, so subdomains of one domain share one cap, or there are <paramref name="maxTotal"/> in all.
    /// </summary>
    public async Task<bool> AddFollowerAsync(Follower follower, int maxPerDomain = int.MaxValue, int maxTotal = int.MaxValue, CancellationToken ct = default)
    {
        var row = new TableEntity(FollowerPartition, Key(follower.Actor))
        {
            ["Actor"] = follower.Actor, ["Inbox"] = follower.Inbox, ["SharedInbox"] = follower.SharedInbox,
            ["FollowId"] = follower.FollowId, ["Since"] = follower.Since, ["Origin"] = follower.Origin,
        };
        for (var attempt = 0; ; attempt++)
        {
            var (existing, total, domain) = await RowAndCountsAsync(follower.Actor, ct);
            if (existing is not null) row.ETag = existing.ETag;
            else if ((domain?.GetInt32("Count") ?? 0) >= maxPerDomain || Count(total) >= maxTotal) return false;
            List<TableTransactionAction> actions = existing is not null
                ? [new(TableTransactionActionType.UpdateReplace, row, existing.ETag)]
                : [new(TableTransactionActionType.Add, row), Counted(total, TotalCount, 1), Counted(domain, DomainCount(follower.Actor), 1)];
            if (await SubmitAsync(actions, attempt, ct)) return true;
        }
    }

    /// <summary>Removes a follower and counts it out in one transaction; returns whether there was one.</summary>
    public async Task<bool> RemoveFollowerAsync(string actor, CancellationToken ct = default)
    {
        for (var attempt = 0; ; attempt++)
        {
            var (existing, total, domain) = await RowAndCountsAsync(actor, ct);
            if (existing is null) return false;
            var actions = new List<TableTransactionAction> { new(TableTransactionActionType.Delete, existing, existing.ETag), Counted(total, TotalCount, -1) };
            if (domain is not null) actions.Add(Counted(domain, DomainCount(actor), -1));
            if (await SubmitAsync(actions, attempt, ct)) return true;
        }
    }

    /// <summary>How many followers there are, as the kept total says (one point read).</summary>
    public async Task<int> FollowerTotalAsync(CancellationToken ct = default)
    {
        await account.EnsureCreatedAsync();
        return await account.RowAsync(FollowerPartition, TotalCount, ["Count"], ct) is { } total ? Count(total) : await RebuildCountsAsync(ct);
    }

    private static int Count(TableEntity? row) => row?.GetInt32("Count") ?? 0;

    private static string DomainCount(string actor) => "~domain|" + Key(RegistrableDomain.Of(actor));

    // The follower row and both count rows, three point reads at once (the total rebuilt first when it is missing). Not
    // one query: RowKeys joined by "or" are a scan of the partition, which holds every follower.
    private async Task<(TableEntity? Row, TableEntity Total, TableEntity? Domain)> RowAndCountsAsync(string actor, CancellationToken ct)
    {
        await account.EnsureCreatedAsync();
        var (row, total, domain) = (account.RowAsync(FollowerPartition, Key(actor), ct: ct), account.RowAsync(FollowerPartition, TotalCount, ct: ct),
            account.RowAsync(FollowerPartition, DomainCount(actor), ct: ct));
        await Task.WhenAll(row, total, domain);
        if (await total is not { } counted)
        {
            await RebuildCountsAsync(ct);
            return await RowAndCountsAsync(actor, ct);
        }
        return (await row, counted, await domain);
    }

    // A count row changed by delta, conditional on the ETag it was read with (added when there was none; a domain's
    // row is removed when it reaches zero, so domains that left keep no row).
    private static TableTransactionAction Counted(TableEntity? read, string rowKey, int delta)
    {
        var count = Math.Max(0, Count(read) + delta);
        var row = new TableEntity(FollowerPartition, rowKey) { ["Count"] = count };
        if (read is null) return new(TableTransactionActionType.Add, row);
        if (count == 0 && rowKey != TotalCount) return new(TableTransactionActionType.Delete, read, read.ETag);
        return new(TableTransactionActionType.UpdateReplace, row, read.ETag);
    }

    // True when the transaction went through; false when another writer changed a row first (read again and retry).
    private async Task<bool> SubmitAsync(IReadOnlyList<TableTransactionAction> actions, int attempt, CancellationToken ct)
    {
        try
        {
            await account.Table.SubmitTransactionAsync(actions, ct);
            return true;
        }
        catch (TableTransactionFailedException e) when (e.Status is 404 or 409 or 412 && attempt < Attempts)
        {
            await BackoffAsync(attempt, ct);
            return false;
        }
    }

    // A wait between half and all of 10 ms doubled per lost race (at most half a second): racers spread out as they keep colliding.
    private static Task BackoffAsync(int attempt, CancellationToken ct)
    {
        var ceiling = Math.Min(MaxBackoffMs, 10 << Math.Min(attempt, 7));
        return Task.Delay(Random.Shared.Next(ceiling / 2, ceiling + 1), ct);
    }

    // Counts the follower rows (keys and actors alone) and writes the total and each domain's count: once, for a table
    // whose counts are missing. The total is added last, so a concurrent add waits for the domain counts. Every count row
    // is added, never replaced: one that exists (409) was written by another rebuild, or kept since, and adds after it
    // have counted on it, so it stays. A rebuild that finds the total written by then writes nothing.
    private async Task<int> RebuildCountsAsync(CancellationToken ct)
    {
        var domains = new Dictionary<string, int>(StringComparer.Ordinal);
        var total = 0;
        await foreach (var row in FollowerRowsAsync(["RowKey", "Actor"], ct))
        {
            total++;
            var key = DomainCount(row.GetString("Actor") ?? "");
            domains[key] = domains.GetValueOrDefault(key) + 1;
        }
        if (await account.RowAsync(FollowerPartition, TotalCount, ["Count"], ct) is { } written) return Count(written);
        foreach (var chunk in domains.Chunk(100))
        {
            var rows = chunk.Select(d => new TableEntity(FollowerPartition, d.Key) { ["Count"] = d.Value }).ToList();
            try
            {
                await account.Table.SubmitTransactionAsync(rows.Select(r => new TableTransactionAction(TableTransactionActionType.Add, r)), ct);
            }
            catch (TableTransactionFailedException e) when (e.Status == 409)
            {
                foreach (var row in rows) await InsertAsync(row, ct); // some were there: add the others one by one
            }
        }
        if (!await InsertAsync(new TableEntity(FollowerPartition, TotalCount) { ["Count"] = total }, ct))
            return Count(await account.RowAsync(FollowerPartition, TotalCount, ["Count"], ct));
        return total;
    }
}
