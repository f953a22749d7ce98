using Azure.Data.Tables;

namespace Syndication.Storage;

/// <summary>
/// Group commit for article transactions: saves that arrive while a transaction is in flight wait and then go
/// together in the next entity group transaction (one partition, at most 100 actions), with one version stamp for all.
/// A lone save goes at once, so a single publish waits for nothing. When a combined transaction fails, which undoes
/// all of it, every save in it is submitted alone, so each caller gets exactly the result (or the 409/412) its own
/// transaction gets. A save states its rows in two kinds: its own (two saves that touch the same own row never share a
/// transaction) and shared idempotent upserts that several saves may write, which a combined transaction writes once,
/// the latest. It knows no key format: the caller decides which rows are shared.
/// </summary>
internal sealed class GroupCommit(TableClient table, Func<TableTransactionAction> versionStamp)
{
    /// <summary>Azure's limit per entity group transaction.</summary>
    private const int MaxActions = 100;

    /// <summary>
    /// Characters of keys and string values per transaction: under the 4 MiB payload limit even when JSON escapes
    /// some of them as six bytes (an oversized transaction would only fail and be resubmitted save by save).
    /// </summary>
    private const int MaxChars = 600_000;

    private sealed record Pending(IReadOnlyList<TableTransactionAction> Own, IReadOnlyList<TableTransactionAction> Shared, int Chars,
        TaskCompletionSource Done)
    {
        public int Count => Own.Count + Shared.Count;
    }

    private readonly Lock gate = new();
    private readonly LinkedList<Pending> queue = new();
    private bool draining;
    private long transactions;

    /// <summary>How many transactions this instance submitted (combined, alone and retried alone).</summary>
    public long Transactions => Interlocked.Read(ref transactions);

    /// <summary>
    /// Commits one save atomically, without the version stamp: <paramref name="own"/> rows no other save of the same
    /// transaction may touch, and <paramref name="shared"/> idempotent upserts (never another save's own rows) that
    /// several saves may write. Cancelling withdraws a save still waiting for its transaction; once its transaction is
    /// submitted, the caller gets the real outcome, so a cancelled save is never written behind its caller's back.
    /// </summary>
    public async Task CommitAsync(IReadOnlyList<TableTransactionAction> own, IReadOnlyList<TableTransactionAction> shared, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var chars = own.Concat(shared).Sum(a => Chars(a.Entity));
        var pending = new Pending(own, shared, chars, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        LinkedListNode<Pending> node;
        bool start;
        lock (gate)
        {
            node = queue.AddLast(pending);
            start = !draining;
            draining = true;
        }
        if (start) _ = Task.Run(DrainAsync, CancellationToken.None);
        await using (ct.Register(() => Withdraw(node)))
            await pending.Done.Task;
    }

    private void Withdraw(LinkedListNode<Pending> node)
    {
        lock (gate)
        {
            if (node.List is null) return; // already taken into a transaction: its outcome stands
            queue.Remove(node);
        }
        node.Value.Done.TrySetCanceled();
    }

    private async Task DrainAsync()
    {
        while (Next() is { Count: > 0 } batch)
        {
            if (batch.Count == 1)
            {
                await SubmitAloneAsync(batch[0]);
                continue;
            }
            try
            {
                Interlocked.Increment(ref transactions);
                await table.SubmitTransactionAsync(Combined(batch), CancellationToken.None);
                foreach (var p in batch) p.Done.TrySetResult();
            }
            catch (Exception)
            {
                // Nothing of it was written; each save's own transaction tells its caller what went wrong.
                foreach (var p in batch) await SubmitAloneAsync(p);
            }
        }
    }

    private async Task SubmitAloneAsync(Pending p)
    {
        try
        {
            Interlocked.Increment(ref transactions);
            await table.SubmitTransactionAsync([.. p.Own, .. p.Shared, versionStamp()], CancellationToken.None);
            p.Done.TrySetResult();
        }
        catch (Exception e)
        {
            p.Done.TrySetException(e);
        }
    }

    // Takes the queued saves that fit one transaction, in arrival order; those that do not fit, or touch a row
    // already in it, wait for the next. Empty when the queue is: the drain ends and the next save starts a new one.
    private List<Pending> Next()
    {
        lock (gate)
        {
            var batch = new List<Pending>();
            var rows = new HashSet<(string, string)>();
            var (actions, chars) = (1, 0);
            for (var node = queue.First; node is not null;)
            {
                var (p, next) = (node.Value, node.Next);
                var keys = p.Own.Select(Key).ToList();
                if (batch.Count > 0 && (actions + p.Count > MaxActions || chars + p.Chars > MaxChars || keys.Any(rows.Contains)))
                {
                    // Its rows stay claimed, so a later save of the same slug does not overtake it.
                    rows.UnionWith(keys);
                    node = next;
                    continue;
                }
                batch.Add(p);
                rows.UnionWith(keys);
                (actions, chars) = (actions + p.Count, chars + p.Chars);
                queue.Remove(node);
                node = next;
            }
            if (batch.Count == 0) draining = false;
            return batch;
        }
    }

    // All saves' own actions, then each shared row once (the latest save's), then the version stamp.
    private List<TableTransactionAction> Combined(List<Pending> batch)
    {
        var shared = new Dictionary<(string, string), TableTransactionAction>();
        foreach (var a in batch.SelectMany(p => p.Shared)) shared[Key(a)] = a;
        return [.. batch.SelectMany(p => p.Own), .. shared.Values, versionStamp()];
    }

    private static (string, string) Key(TableTransactionAction a) => (a.Entity.PartitionKey, a.Entity.RowKey);

    private static int Chars(ITableEntity entity) =>
        entity.RowKey.Length + (entity is TableEntity e ? e.Sum(p => p.Key.Length + (p.Value is string s ? s.Length : 16)) : 0);
}
