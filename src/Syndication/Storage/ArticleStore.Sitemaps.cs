using Azure.Data.Tables;

namespace Syndication.Storage;

// Sitemaps: the timeline rows ("t|{order}") read with only the columns a sitemap needs, newest first, O(page) from a
// cursor, and every row through one predicate, Listed, where an article that must not be found (embargoed, withdrawn)
// is left out of every sitemap.
public sealed partial class ArticleStore
{
    /// <summary>What an articles sitemap reads of a row; a news sitemap adds <see cref="NewsColumns"/>.</summary>
    private static readonly string[] SitemapColumns = ["RowKey", "Slug", "Published", "Updated"];
    private static readonly string[] NewsColumns = [.. SitemapColumns, "Title", "Language", "Images"];

    /// <summary>
    /// Up to <paramref name="limit"/> listed articles along the timeline, newest first, after the cursor
    /// <paramref name="after"/>, published at or after <paramref name="since"/> when given; the page's After is the
    /// cursor of the next page (null at the end). With <paramref name="news"/>, titles, languages and images too.
    /// </summary>
    public async Task<FeedPage> SitemapPageAsync(int limit, string? after = null, DateTimeOffset? since = null, bool news = false,
        CancellationToken ct = default)
    {
        await account.EnsureCreatedAsync();
        var from = TimelinePrefix + (after ?? "");
        // Published at or after since: an inverted tick count at most since's, so a RowKey below "t|{that}}" ('}' sorts after '|').
        var end = since is { } s ? $"{TimelinePrefix}{DateTimeOffset.MaxValue.UtcTicks - s.UtcTicks:D19}}}" : "t}";
        var filter = after is null
            ? TableClient.CreateQueryFilter($"PartitionKey eq {FeedPartition} and RowKey ge {from} and RowKey lt {end}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {FeedPartition} and RowKey gt {from} and RowKey lt {end}");
        var articles = new List<StoredArticle>(Math.Min(limit, 1000));
        string? next = null;
        await foreach (var e in table.QueryAsync<TableEntity>(filter, maxPerPage: Math.Min(limit + 1, 1000), select: news ? NewsColumns : SitemapColumns, cancellationToken: ct))
        {
            if (articles.Count == limit)
            {
                next = articles[^1] is { } last ? Order(last) : null;
                break;
            }
            var article = ToArticle(e);
            if (Listed(article)) articles.Add(article);
        }
        return new FeedPage(articles, null, next);
    }

    /// <summary>The cursor before every <paramref name="pageSize"/>-th listed article: where each page of a sitemap index starts (keys only, one pass).</summary>
    public async Task<List<string?>> SitemapPageStartsAsync(int pageSize, CancellationToken ct = default)
    {
        var starts = new List<string?> { null };
        string? after = null;
        while (true)
        {
            var page = await SitemapPageAsync(pageSize, after, ct: ct);
            if (page.After is null) return starts;
            starts.Add(after = page.After);
        }
    }

    // Whether an article may be found at all: every sitemap row passes here (embargo and withdrawal filter in this one place).
    private static bool Listed(StoredArticle article) => article.Slug is { Length: > 0 };
}
