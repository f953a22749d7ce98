using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Syndication.Storage;

namespace Syndication.Tests.Support;

/// <summary>
/// Writes many articles fast, for scale tests: the store's own rows (<see cref="ArticleStore.SaveActions"/>: the
/// article row, its timeline row and the slug guard) in transactions of 99 entities, four at a time, then one version stamp; bodies
/// only for the newest articles, the only ones a feed's first page reads.
/// </summary>
public static class BulkArticles
{
    public static async Task WriteAsync(TestSite site, int count, int bodies = 60)
    {
        var store = site.Store;
        await site.Storage.EnsureCreatedAsync();
        var table = site.Get<TableServiceClient>().GetTableClient(site.Get<IOptions<StorageOptions>>().Value.Table);
        var articles = Enumerable.Range(0, count).Select(Article).ToList();
        var batches = articles.Chunk(33).Select(chunk => chunk.SelectMany(a => ArticleStore.SaveActions(a, null, null)).ToList()).ToList();
        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (batch, ct) => await table.SubmitTransactionAsync(batch, ct));
        await table.SubmitTransactionAsync([ArticleStore.VersionStamp()]);
        foreach (var a in articles.TakeLast(bodies)) await store.WriteBodyAsync(a.BodyBlob, $"<p>The body of article {a.Slug}, a paragraph long.</p>");
    }

    // Article i is published i minutes after the first, so the last written is the newest; every row the same size.
    private static StoredArticle Article(int i)
    {
        var slug = $"bulk-{i:D6}";
        var published = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(i);
        return new StoredArticle
        {
            Id = Guid.NewGuid(), Slug = slug, Title = $"Bulk article {i:D6}", Summary = "One of many.",
            Published = published, Updated = published, BodyBlob = $"bodies/{slug}/0123456789abcdef0123456789abcdef.html",
            SourceBlob = slug + ".md", SourceETag = "\"0x8DC0000000000000\"", SourceSignature = "signature", ContentHash = "0123456789abcdef0123456789abcdef",
        };
    }
}
