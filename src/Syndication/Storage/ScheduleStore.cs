using Azure.Data.Tables;

namespace Syndication.Storage;

/// <summary>A time at which a slug must be converged again: its embargo lifts or it expires.</summary>
public sealed record ScheduledSlug(string Slug, DateTimeOffset Due, string RowKey);

/// <summary>
/// A withdrawn article (deleted, or expired): its entry id, slug, when it was withdrawn, and the feeds it was in, so
/// Atom feeds can carry an RFC 6721 at:deleted-entry, withdrawn.json can list it and its page can answer 410; its
/// title and publish time (null in rows from before they were kept), so a feed that lists withdrawals (MSN) can still
/// give the item its required title and date.
/// </summary>
public sealed record Tombstone(Guid Id, string Slug, DateTimeOffset When, IReadOnlyList<string> FeedPaths,
    string? Title = null, DateTimeOffset? Published = null);

/// <summary>
/// When articles come and go: the schedule of embargoes and expiries, and the tombstones of withdrawn articles.
/// <para>The schedule: PK "schedule", RK "{due UTC ticks, 19 digits}|{slug}", so what is due now is one ranged query
/// (RK &lt; now's ticks) however many are pending. A row is removed once its slug was converged after its time; a row
/// left behind by a changed embargo only causes one convergence that changes nothing.</para>
/// <para>Tombstones: RK "x|{slug}" in the feed partition, written by <see cref="ArticleStore.DeleteArticleAsync"/> in
/// the same transaction that removes the article (so the version row moves with it), removed when the slug is
/// published again. Read as one ranged query over "x|"; rows older than the configured window are ignored by readers
/// (and left in place: one small row per withdrawn slug).</para>
/// </summary>
public sealed class ScheduleStore(StorageAccount account)
{
    private const string SchedulePartition = "schedule";
    private const string TombstonePrefix = "x|";

    /// <summary>Records that the slug must be converged again at <paramref name="due"/>.</summary>
    public async Task ScheduleAsync(string slug, DateTimeOffset due, CancellationToken ct = default)
    {
        await account.EnsureCreatedAsync();
        var entity = new TableEntity(SchedulePartition, $"{due.UtcTicks:D19}|{slug}") { ["Slug"] = slug, ["Due"] = due };
        await account.Table.UpsertEntityAsync(entity, TableUpdateMode.Replace, ct);
    }

    /// <summary>Every scheduled slug whose time is at or before <paramref name="now"/>, earliest first.</summary>
    public async Task<List<ScheduledSlug>> DueAsync(DateTimeOffset now, CancellationToken ct = default)
    {
        await account.EnsureCreatedAsync();
        var end = now.UtcTicks.ToString("D19", System.Globalization.CultureInfo.InvariantCulture) + "}";
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {SchedulePartition} and RowKey lt {end}");
        var due = new List<ScheduledSlug>();
        await foreach (var e in account.Table.QueryAsync<TableEntity>(filter, cancellationToken: ct))
            due.Add(new ScheduledSlug(e.GetString("Slug") ?? "", e.GetDateTimeOffset("Due") ?? now, e.RowKey));
        return due;
    }

    /// <summary>Removes a schedule row once its slug was converged after its time.</summary>
    public Task ClearScheduledAsync(ScheduledSlug scheduled, CancellationToken ct = default) =>
        account.DeleteRowAsync(SchedulePartition, scheduled.RowKey, ct);

    /// <summary>Every tombstone withdrawn at or after <paramref name="since"/>, newest first.</summary>
    public async Task<List<Tombstone>> TombstonesAsync(DateTimeOffset since, CancellationToken ct = default)
    {
        await account.EnsureCreatedAsync();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {ArticleStore.FeedPartition} and RowKey ge {TombstonePrefix} and RowKey lt {"x}"}");
        var list = new List<Tombstone>();
        await foreach (var e in account.Table.QueryAsync<TableEntity>(filter, cancellationToken: ct))
            if (ToTombstone(e) is { } t && t.When >= since) list.Add(t);
        return list.OrderByDescending(t => t.When).ThenBy(t => t.Slug, StringComparer.Ordinal).ToList();
    }

    /// <summary>The slug's tombstone if it was withdrawn at or after <paramref name="since"/>, else null.</summary>
    public async Task<Tombstone?> TombstoneAsync(string slug, DateTimeOffset since, CancellationToken ct = default)
    {
        await account.EnsureCreatedAsync();
        return await account.RowAsync(ArticleStore.FeedPartition, TombstonePrefix + slug, ct: ct) is { } e
            && ToTombstone(e) is { } t && t.When >= since ? t : null;
    }

    /// <summary>Forgets the slug's tombstone (it is published again); nothing when there is none.</summary>
    public Task ClearTombstoneAsync(string slug, CancellationToken ct = default) =>
        account.DeleteRowAsync(ArticleStore.FeedPartition, TombstonePrefix + slug, ct);

    /// <summary>The tombstone row an article's removal leaves, in the removal's own transaction.</summary>
    internal static TableEntity TombstoneRow(StoredArticle article, DateTimeOffset when) =>
        new(ArticleStore.FeedPartition, TombstonePrefix + article.Slug)
        {
            ["Id"] = article.Id,
            ["Slug"] = article.Slug,
            ["When"] = when,
            ["Title"] = article.Title,
            ["Published"] = article.Published,
            ["FeedPaths"] = string.Join('\n', ArticleStore.FeedKeys(article).Select(k => k.Path)),
        };

    private static Tombstone? ToTombstone(TableEntity e) =>
        e.GetGuid("Id") is { } id && e.GetDateTimeOffset("When") is { } when
            ? new Tombstone(id, e.GetString("Slug") ?? e.RowKey[TombstonePrefix.Length..], when,
                (e.GetString("FeedPaths") ?? "all").Split('\n', StringSplitOptions.RemoveEmptyEntries),
                e.GetString("Title"), e.GetDateTimeOffset("Published"))
            : null;
}
