using Azure.Data.Tables;
using Syndication.Articles;

namespace Syndication.Storage;

/// <summary>A page of articles and the cursors to the neighbouring pages (null where there is none).</summary>
public sealed record FeedPage(IReadOnlyList<StoredArticle> Articles, string? Before, string? After);

/// <summary>A category, tag or author in use, with its display name.</summary>
public sealed record FeedName(FeedKey Key, string Name);

// Index rows: the filtered feeds and the names in use.
public sealed partial class ArticleStore
{
    /// <summary>At most this many categories, tags and authors of one article get feeds (keeps a save within one transaction).</summary>
    private const int MaxIndexedNames = 10;

    private static string IndexPrefix(FeedKey key) => key.Kind switch
    {
        FeedKind.All => TimelinePrefix,
        _ => $"{KindChar(key.Kind)}|{key.Slug}|",
    };

    private static char KindChar(FeedKind kind) => kind switch { FeedKind.Category => 'c', FeedKind.Tag => 'g', _ => 'w' };

    private static IEnumerable<FeedName> Names(StoredArticle a) =>
        Of(FeedKind.Category, a.Categories).Concat(Of(FeedKind.Tag, a.Tags)).Concat(Of(FeedKind.Author, a.Authors));

    private static IEnumerable<FeedName> Of(FeedKind kind, IEnumerable<string> names) =>
        names.Select(n => new FeedName(new FeedKey(kind, FeedKey.Slugify(n)), n)).Where(n => n.Key.Slug.Length > 0)
            .DistinctBy(n => n.Key.Slug).Take(MaxIndexedNames);

    /// <summary>Every feed the article appears in: all, and its categories', tags' and authors'.</summary>
    public static IEnumerable<FeedKey> FeedKeys(StoredArticle a) => Names(a).Select(n => n.Key).Prepend(FeedKey.All);

    private static IEnumerable<string> IndexKeys(StoredArticle a) =>
        Names(a).Select(n => IndexPrefix(n.Key) + Order(a)).Prepend(TimelinePrefix + Order(a));

    private static IEnumerable<TableEntity> NameRows(StoredArticle a) =>
        Names(a).Select(n => new TableEntity(FeedPartition, $"n|{KindChar(n.Key.Kind)}|{n.Key.Slug}") { ["Name"] = n.Name });

    /// <summary>Every category, tag and author some article uses (the OPML list).</summary>
    public async Task<List<FeedName>> FeedNamesAsync(CancellationToken ct = default)
    {
        await account.EnsureCreatedAsync();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {FeedPartition} and RowKey ge {"n|"} and RowKey lt {"n}"}");
        var names = new List<FeedName>();
        await foreach (var e in table.QueryAsync<TableEntity>(filter, cancellationToken: ct))
        {
            var kind = e.RowKey[2] switch { 'c' => FeedKind.Category, 'g' => FeedKind.Tag, _ => FeedKind.Author };
            names.Add(new FeedName(new FeedKey(kind, e.RowKey[4..]), e.GetString("Name") ?? e.RowKey[4..]));
        }
        return names;
    }

    /// <summary>After an update or delete: forgets names the old version used that no article uses any more.</summary>
    public async Task PruneNamesAsync(StoredArticle previous, StoredArticle? current, CancellationToken ct = default)
    {
        var kept = current is null ? [] : Names(current).Select(n => n.Key).ToHashSet();
        foreach (var name in Names(previous).Where(n => !kept.Contains(n.Key)))
        {
            if ((await FeedPageAsync(name.Key, 1, ct: ct)).Articles.Count > 0) continue;
            await account.DeleteRowAsync(FeedPartition, $"n|{KindChar(name.Key.Kind)}|{name.Key.Slug}", ct);
        }
    }
}
