using Azure;
using Azure.Data.Tables;

namespace Syndication.Storage;

/// <summary>
/// A withdrawn article (deleted, or expired): its entry id, slug, when it was withdrawn, and the feeds it was in, so
/// Atom feeds can carry an RFC 6721 at:deleted-entry, withdrawn.json can list it and its page can answer 410.
/// </summary>
public sealed record Tombstone(Guid Id, string Slug, DateTimeOffset When, IReadOnlyList<string> FeedPaths);

// Tombstones: RK "x|{slug}" in the feed partition, written in the same transaction that removes the article (so the
// version row moves with it), removed when the slug is published again. Read as one ranged query over "x|"; rows older
// than the configured window are ignored by readers (and left in place: one small row per withdrawn slug).
public sealed partial class ArticleStore
{
    private const string TombstonePrefix = "x|";

    private static TableEntity TombstoneRow(StoredArticle article, DateTimeOffset when) =>
        new(FeedPartition, TombstonePrefix + article.Slug)
        {
            ["Id"] = article.Id,
            ["Slug"] = article.Slug,
            ["When"] = when,
            ["FeedPaths"] = string.Join('\n', FeedKeys(article).Select(k => k.Path)),
        };

    /// <summary>Every tombstone withdrawn at or after <paramref name="since"/>, newest first.</summary>
    public async Task<List<Tombstone>> TombstonesAsync(DateTimeOffset since, CancellationToken ct = default)
    {
        await account.EnsureCreatedAsync();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {FeedPartition} and RowKey ge {TombstonePrefix} and RowKey lt {"x}"}");
        var list = new List<Tombstone>();
        await foreach (var e in table.QueryAsync<TableEntity>(filter, cancellationToken: ct))
            if (ToTombstone(e) is { } t && t.When >= since) list.Add(t);
        return list.OrderByDescending(t => t.When).ThenBy(t => t.Slug, StringComparer.Ordinal).ToList();
    }

    /// <summary>The slug's tombstone if it was withdrawn at or after <paramref name="since"/>, else null.</summary>
    public async Task<Tombstone?> TombstoneAsync(string slug, DateTimeOffset since, CancellationToken ct = default)
    {
        await account.EnsureCreatedAsync();
        var row = await table.GetEntityIfExistsAsync<TableEntity>(FeedPartition, TombstonePrefix + slug, cancellationToken: ct);
        return row.HasValue && row.Value is { } e && ToTombstone(e) is { } t && t.When >= since ? t : null;
    }

    /// <summary>Forgets the slug's tombstone (it is published again); nothing when there is none.</summary>
    public async Task ClearTombstoneAsync(string slug, CancellationToken ct = default)
    {
        try
        {
            await table.DeleteEntityAsync(FeedPartition, TombstonePrefix + slug, ETag.All, ct);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
        }
    }

    private static Tombstone? ToTombstone(TableEntity e) =>
        e.GetGuid("Id") is { } id && e.GetDateTimeOffset("When") is { } when
            ? new Tombstone(id, e.GetString("Slug") ?? e.RowKey[TombstonePrefix.Length..], when,
                (e.GetString("FeedPaths") ?? "all").Split('\n', StringSplitOptions.RemoveEmptyEntries))
            : null;
}
