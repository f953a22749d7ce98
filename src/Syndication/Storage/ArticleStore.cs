using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Options;

namespace Syndication.Storage;

/// <summary>
/// The one store: article metadata in Table Storage, bodies and images in Blob Storage.
/// <para>Table design (one table):</para>
/// <list type="bullet">
/// <item>PK "feed", RK "a|{slug}": the article row, read by slug (article page, ingestion).</item>
/// <item>PK "feed", RK "t|{inverted ticks, 19 digits}|{slug}": the timeline row with the same fields. RowKeys sort
/// ascending, so inverted publish ticks put the newest first: "newest N" is one ranged query
/// (RK &gt; cursor and RK &lt; "t}"), and the next page continues from the last RowKey seen, a cursor that does not
/// shift when new articles arrive. Cost is O(page) at any archive size.</item>
/// <item>PK "rejected", RK "{escaped blob name}": a blob we could not publish, with the reason and attempts.</item>
/// </list>
/// Article and timeline rows share one partition so a single entity group transaction writes both (and removes
/// the old timeline row when the date changes): a feed never shows a half-written article. The price is one
/// partition's write rate (about 2,000 entities/s, ~1,000 articles/s), ample for a newsroom; a multi-site
/// deployment would partition by site. Bodies are content-addressed blobs written before the rows that name them.
/// </summary>
public sealed partial class ArticleStore
{
    private const string FeedPartition = "feed";
    private const string ArticlePrefix = "a|";
    private const string TimelinePrefix = "t|";
    private const string TimelineEnd = "t}";

    private readonly TableClient table;
    private readonly BlobContainerClient incoming;
    private readonly BlobContainerClient published;
    private readonly Lazy<Task> created;

    public ArticleStore(TableServiceClient tables, BlobServiceClient blobs, IOptions<StorageOptions> options)
    {
        table = tables.GetTableClient(options.Value.Table);
        incoming = blobs.GetBlobContainerClient(options.Value.ArticlesContainer);
        published = blobs.GetBlobContainerClient(options.Value.PublishedContainer);
        created = new Lazy<Task>(CreateAsync);
    }

    /// <summary>The incoming container publishers write to.</summary>
    public BlobContainerClient Incoming => incoming;

    /// <summary>Creates the table and containers once per process.</summary>
    public Task EnsureCreatedAsync() => created.Value;

    private async Task CreateAsync()
    {
        await table.CreateIfNotExistsAsync();
        await incoming.CreateIfNotExistsAsync();
        await published.CreateIfNotExistsAsync();
    }

    /// <summary>The article for a slug with its row's ETag, or null.</summary>
    public async Task<(StoredArticle Article, ETag ETag)?> ArticleBySlugAsync(string slug, CancellationToken ct = default)
    {
        await EnsureCreatedAsync();
        var row = await table.GetEntityIfExistsAsync<TableEntity>(FeedPartition, ArticlePrefix + slug, cancellationToken: ct);
        return row.HasValue && row.Value is { } entity ? (ToArticle(entity), entity.ETag) : null;
    }

    /// <summary>The newest articles, newest first, after the cursor (a timeline RowKey); the next cursor if more may follow.</summary>
    public async Task<(IReadOnlyList<StoredArticle> Articles, string? Next)> LatestArticlesAsync(
        int limit, string? after = null, CancellationToken ct = default)
    {
        await EnsureCreatedAsync();
        var from = after is not null && after.StartsWith(TimelinePrefix, StringComparison.Ordinal) ? after : TimelinePrefix;
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {FeedPartition} and RowKey gt {from} and RowKey lt {TimelineEnd}");
        var articles = new List<StoredArticle>(limit);
        string? last = null;
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, maxPerPage: Math.Min(limit + 1, 1000), cancellationToken: ct))
        {
            if (articles.Count == limit) return (articles, last);
            articles.Add(ToArticle(entity));
            last = entity.RowKey;
        }
        return (articles, null);
    }

    /// <summary>Every article's slug and source signature: what reconciliation compares with the container.</summary>
    public async Task<Dictionary<string, string>> ArticleSignaturesAsync(CancellationToken ct = default)
    {
        await EnsureCreatedAsync();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {FeedPartition} and RowKey ge {ArticlePrefix} and RowKey lt {"a}"}");
        var signatures = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var e in table.QueryAsync<TableEntity>(filter, select: ["RowKey", "SourceSignature"], cancellationToken: ct))
            signatures[e.RowKey[ArticlePrefix.Length..]] = e.GetString("SourceSignature") ?? "";
        return signatures;
    }

    /// <summary>
    /// Writes the article and its timeline row in one transaction, conditional on the article row's ETag
    /// (null: the article must not exist yet). Throws <see cref="RequestFailedException"/> 409/412 on a lost race.
    /// </summary>
    public async Task SaveArticleAsync(StoredArticle article, StoredArticle? previous, ETag? expected, CancellationToken ct = default)
    {
        await EnsureCreatedAsync();
        var row = ToEntity(article, ArticlePrefix + article.Slug);
        var actions = new List<TableTransactionAction>
        {
            expected is { } etag
                ? new(TableTransactionActionType.UpdateReplace, row, etag)
                : new(TableTransactionActionType.Add, row),
            new(TableTransactionActionType.UpsertReplace, ToEntity(article, TimelineKey(article))),
        };
        if (previous is not null && TimelineKey(previous) != TimelineKey(article))
            actions.Add(new(TableTransactionActionType.Delete, new TableEntity(FeedPartition, TimelineKey(previous)), ETag.All));
        await table.SubmitTransactionAsync(actions, ct);
    }

    /// <summary>Removes the article and its timeline row in one transaction, conditional on the article row's ETag.</summary>
    public async Task DeleteArticleAsync(StoredArticle article, ETag expected, CancellationToken ct = default)
    {
        await table.SubmitTransactionAsync(
        [
            new(TableTransactionActionType.Delete, new TableEntity(FeedPartition, ArticlePrefix + article.Slug), expected),
            new(TableTransactionActionType.Delete, new TableEntity(FeedPartition, TimelineKey(article)), ETag.All),
        ], ct);
    }

    /// <summary>The timeline RowKey: inverted publish ticks then slug, so RowKey order is newest first.</summary>
    public static string TimelineKey(StoredArticle article) =>
        $"{TimelinePrefix}{DateTimeOffset.MaxValue.UtcTicks - article.Published.UtcTicks:D19}|{article.Slug}";
}
