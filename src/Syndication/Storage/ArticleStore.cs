using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Syndication.Articles;

namespace Syndication.Storage;

/// <summary>
/// Articles: their rows, the timeline and the filtered feeds' index rows, the names in use, the feed version and the
/// sitemaps read from the timeline, in the shared table; their bodies, images and renditions in the published container.
/// <para>Partition "feed" (shared with the tombstones, so an article's removal leaves its tombstone in one transaction):</para>
/// <list type="bullet">
/// <item>RK "a|{slug}": the article row, read by slug (article page, ingestion).</item>
/// <item>RK "t|{order}": the timeline, where {order} is "{inverted publish ticks, 19 digits}|{slug}". RowKeys sort
/// ascending, so the newest article comes first: "newest N" is one ranged query (RK &gt; cursor and RK &lt; "t}"),
/// and the next page continues after the last RowKey seen, a cursor that does not shift when articles arrive.
/// O(page) at any archive size.</item>
/// <item>RK "c|{category}|{order}", "g|{tag}|{order}", "w|{author}|{order}": the same ranged query per filtered
/// feed (names slugified, at most 10 of each per article).</item>
/// <item>RK "n|{c|g|w}|{slug}": the display name of each category, tag and author in use (the OPML list).</item>
/// <item>RK "v|site": the feed version, replaced in every article transaction; rendered-feed caches key on it.</item>
/// <item>RK "x|{slug}": the tombstone of a withdrawn article (<see cref="ScheduleStore"/>).</item>
/// </list>
/// Timeline and index rows carry the article's fields, so a feed is one query. All rows of an article live in one
/// partition, so one entity group transaction writes them all and removes the keys an update moved: a feed never
/// shows a half-written article. The price is one partition's write rate (about 2,000 entities/s, a few hundred
/// articles/s), ample for a newsroom; a multi-site deployment would partition by site. Bodies are content-addressed
/// blobs written before the rows that name them.
/// </summary>
public sealed partial class ArticleStore
{
    /// <summary>The partition of every row a feed reads: articles, the timeline and indexes, the version, tombstones.</summary>
    internal const string FeedPartition = "feed";
    private const string ArticlePrefix = "a|";
    private const string TimelinePrefix = "t|";
    // One row per slug ever saved or found without document and row, RK "k|{slug}" (never pruned: like the name rows,
    // one small row per slug): every insert and every removal of the slug rewrites it, and an insert
    // is conditional on it as read before the slug's sources were, so an insert that raced a removal fails.
    private const string GuardPrefix = "k|";

    private readonly StorageAccount account;
    private readonly TableClient table;
    private readonly BlobContainerClient published;
    private readonly GroupCommit commits;
    private readonly TimeProvider time;

    public ArticleStore(StorageAccount account, TimeProvider time)
    {
        this.account = account;
        this.time = time;
        table = account.Table;
        published = account.Published;
        commits = new GroupCommit(table, VersionStamp);
    }

    /// <summary>The article for a slug with its row's ETag, or null.</summary>
    public async Task<(StoredArticle Article, ETag ETag)?> ArticleBySlugAsync(string slug, CancellationToken ct = default)
    {
        await account.EnsureCreatedAsync();
        return await account.RowAsync(FeedPartition, ArticlePrefix + slug, ct: ct) is { } entity ? (ToArticle(entity), entity.ETag) : null;
    }

    /// <summary>
    /// The ETag of the slug's guard row (null: the slug was never saved), read before the sources of a slug that has no
    /// article row: <see cref="SaveArticleAsync"/> inserts on it, so a removal committed since makes the insert fail (409/412).
    /// </summary>
    public async Task<ETag?> SlugGuardAsync(string slug, CancellationToken ct = default)
    {
        await account.EnsureCreatedAsync();
        return await account.RowAsync(FeedPartition, GuardPrefix + slug, ["RowKey"], ct) is { } entity ? entity.ETag : null;
    }

    /// <summary>
    /// Rewrites the slug's guard: a slug found with no document and no row (its document deleted before any save
    /// landed), so an insert that read the guard before, from a document downloaded before the deletion, fails.
    /// </summary>
    public async Task TouchSlugGuardAsync(string slug, CancellationToken ct = default)
    {
        await account.EnsureCreatedAsync();
        await table.UpsertEntityAsync(GuardRow(slug), TableUpdateMode.Replace, ct);
    }

    /// <summary>
    /// One page of a feed's articles, newest first: after the cursor <paramref name="after"/> (older articles), or
    /// the <paramref name="limit"/> just before <paramref name="before"/> (newer ones), or the newest.
    /// </summary>
    public async Task<FeedPage> FeedPageAsync(FeedKey key, int limit, string? after = null, string? before = null, CancellationToken ct = default)
    {
        await account.EnsureCreatedAsync();
        var prefix = IndexPrefix(key);
        var end = prefix[..^1] + "}";
        if (before is not null)
        {
            // Newer articles: scan from the top to the cursor and keep the last limit + 1 (cost grows with depth).
            var to = prefix + before;
            var window = new Queue<TableEntity>(limit + 1);
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {FeedPartition} and RowKey ge {prefix} and RowKey lt {to}");
            await foreach (var e in table.QueryAsync<TableEntity>(filter, maxPerPage: 1000, cancellationToken: ct))
            {
                if (window.Count == limit + 1) window.Dequeue();
                window.Enqueue(e);
            }
            var hasPrevious = window.Count > limit;
            if (hasPrevious) window.Dequeue();
            return Page(prefix, window.ToList(), hasPrevious, hasNext: true);
        }
        var from = after is null ? prefix : prefix + after;
        var afterFilter = after is null
            ? TableClient.CreateQueryFilter($"PartitionKey eq {FeedPartition} and RowKey ge {from} and RowKey lt {end}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {FeedPartition} and RowKey gt {from} and RowKey lt {end}");
        var rows = new List<TableEntity>(limit + 1);
        await foreach (var e in table.QueryAsync<TableEntity>(afterFilter, maxPerPage: Math.Min(limit + 1, 1000), cancellationToken: ct))
        {
            rows.Add(e);
            if (rows.Count > limit) break;
        }
        var hasNext = rows.Count > limit;
        if (hasNext) rows.RemoveAt(limit);
        return Page(prefix, rows, hasPrevious: after is not null, hasNext);
    }

    private static FeedPage Page(string prefix, List<TableEntity> rows, bool hasPrevious, bool hasNext) =>
        new(rows.Select(ToArticle).ToList(),
            rows.Count > 0 && hasPrevious ? rows[0].RowKey[prefix.Length..] : null,
            rows.Count > 0 && hasNext ? rows[^1].RowKey[prefix.Length..] : null);

    /// <summary>Every article's slug and source signature: what reconciliation compares with the container.</summary>
    public async Task<Dictionary<string, string>> ArticleSignaturesAsync(CancellationToken ct = default)
    {
        await account.EnsureCreatedAsync();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {FeedPartition} and RowKey ge {ArticlePrefix} and RowKey lt {"a}"}");
        var signatures = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var e in table.QueryAsync<TableEntity>(filter, select: ["RowKey", "SourceSignature"], cancellationToken: ct))
            signatures[e.RowKey[ArticlePrefix.Length..]] = e.GetString("SourceSignature") ?? "";
        return signatures;
    }

    /// <summary>The source signatures of these slugs' article rows (point reads of two columns; absent slugs are left out).</summary>
    public async Task<Dictionary<string, string>> ArticleSignaturesAsync(IReadOnlyCollection<string> slugs, CancellationToken ct = default)
    {
        var signatures = new System.Collections.Concurrent.ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(slugs, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = ct }, async (slug, token) =>
        {
            if (await account.RowAsync(FeedPartition, ArticlePrefix + slug, ["RowKey", "SourceSignature"], token) is { } e)
                signatures[slug] = e.GetString("SourceSignature") ?? "";
        });
        return new Dictionary<string, string>(signatures, StringComparer.Ordinal);
    }

    /// <summary>
    /// Writes the article with all its index rows in one transaction, removing the keys the update moved, conditional
    /// on the article row's ETag (null: the article must not exist yet, and the slug's guard row must still be
    /// <paramref name="guard"/> as <see cref="SlugGuardAsync"/> read it, null: none). Throws <see cref="RequestFailedException"/>
    /// 409/412 when another writer won the race. Concurrent saves are committed together (see <see cref="GroupCommit"/>).
    /// </summary>
    public async Task SaveArticleAsync(StoredArticle article, StoredArticle? previous, ETag? expected, ETag? guard = null,
        CancellationToken ct = default)
    {
        await account.EnsureCreatedAsync();
        // Saves made while another is in flight share its successor transaction (GroupCommit), each still all-or-nothing;
        // the name rows are the same upsert whichever article writes them, so a combined transaction writes each once.
        var (own, names) = SaveRows(article, previous, expected, guard);
        await commits.CommitAsync(own, names, ct);
        Interlocked.Increment(ref localCommits);
    }

    /// <summary>One article's save without the version stamp: its row, index and name rows, and the keys it moved away from.</summary>
    internal static List<TableTransactionAction> SaveActions(StoredArticle article, StoredArticle? previous, ETag? expected)
    {
        var (own, names) = SaveRows(article, previous, expected, null);
        return [.. own, .. names];
    }

    // The article's own rows (its row, index rows, moved keys) and the name rows it adds, which other articles share.
    private static (List<TableTransactionAction> Own, List<TableTransactionAction> Names) SaveRows(StoredArticle article,
        StoredArticle? previous, ETag? expected, ETag? guard)
    {
        var row = ToEntity(article, ArticlePrefix + article.Slug);
        var actions = new List<TableTransactionAction>
        {
            expected is { } etag ? new(TableTransactionActionType.UpdateReplace, row, etag) : new(TableTransactionActionType.Add, row),
        };
        if (expected is null)
            actions.Add(guard is { } seen
                ? new(TableTransactionActionType.UpdateReplace, GuardRow(article.Slug), seen)
                : new(TableTransactionActionType.Add, GuardRow(article.Slug)));
        var keys = IndexKeys(article).ToHashSet(StringComparer.Ordinal);
        actions.AddRange(keys.Select(k => new TableTransactionAction(TableTransactionActionType.UpsertReplace, ToEntity(article, k))));
        if (previous is not null)
            actions.AddRange(IndexKeys(previous).Where(k => !keys.Contains(k))
                .Select(k => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(FeedPartition, k), ETag.All)));
        var known = previous is null ? [] : NameRows(previous).Select(n => n.RowKey).ToHashSet(StringComparer.Ordinal);
        var names = NameRows(article).Where(n => !known.Contains(n.RowKey))
            .Select(n => new TableTransactionAction(TableTransactionActionType.UpsertReplace, n)).ToList();
        return (actions, names);
    }

    /// <summary>
    /// Removes the article and all its index rows in one transaction, conditional on the article row's ETag; with
    /// <paramref name="withdrawnAt"/>, leaves its tombstone in the same transaction.
    /// </summary>
    public async Task DeleteArticleAsync(StoredArticle article, ETag expected, CancellationToken ct = default, DateTimeOffset? withdrawnAt = null)
    {
        var actions = new List<TableTransactionAction>
        {
            new(TableTransactionActionType.Delete, new TableEntity(FeedPartition, ArticlePrefix + article.Slug), expected),
        };
        actions.AddRange(IndexKeys(article).Distinct()
            .Select(k => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(FeedPartition, k), ETag.All)));
        if (withdrawnAt is { } when) actions.Add(new(TableTransactionActionType.UpsertReplace, ScheduleStore.TombstoneRow(article, when)));
        actions.Add(new(TableTransactionActionType.UpsertReplace, GuardRow(article.Slug)));
        actions.Add(VersionStamp());
        await table.SubmitTransactionAsync(actions, ct);
        Interlocked.Increment(ref localCommits);
    }

    // No columns: each write gives it a new ETag, which is what inserts are conditional on.
    private static TableEntity GuardRow(string slug) => new(FeedPartition, GuardPrefix + slug);

    /// <summary>Where the article sorts in every feed: inverted publish ticks then slug, newest first.</summary>
    public static string Order(StoredArticle article) =>
        $"{DateTimeOffset.MaxValue.UtcTicks - article.Published.UtcTicks:D19}|{article.Slug}";
}
