using Azure;
using Azure.Data.Tables;
using Syndication.Articles;
using Syndication.Feeds;
using Syndication.Storage;
using Syndication.Tests.Support;

namespace Syndication.Tests.Storage;

/// <summary>Concurrent saves share transactions, yet each save succeeds or fails on its own, all-or-nothing.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class GroupCommitTests(AzuriteFixture azurite)
{
    /// <summary>A stored article with its index rows (a category and a tag), published <paramref name="minute"/> minutes into 2024.</summary>
    internal static StoredArticle Article(string slug, int minute, string category = "Local") => new()
    {
        Id = StableId.For(slug),
        Slug = slug,
        Title = $"Title of {slug}",
        Categories = [category],
        Tags = ["harbour"],
        Published = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(minute),
        Updated = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(minute),
        BodyBlob = $"bodies/{slug}/x.html",
        SourceBlob = slug + ".md",
        SourceETag = "\"e\"",
        SourceSignature = "s-" + slug,
        ContentHash = "h-" + slug,
    };

    [Fact]
    public async Task ConcurrentSavesOfDifferentArticlesShareTransactionsAndAllArrive()
    {
        await using var site = new TestSite(azurite);
        await site.Storage.EnsureCreatedAsync();
        var before = await site.Store.FeedVersionAsync();
        var saves = Enumerable.Range(0, 40).Select(i => Article($"grouped-{i:D2}", i, i % 2 == 0 ? "Local" : "Weather")).ToList();
        await Task.WhenAll(saves.Select(a => site.Store.SaveArticleAsync(a, null, null)));

        Assert.InRange(site.Store.SaveTransactions, 1, 39);
        var page = await site.Store.FeedPageAsync(FeedKey.All, 100);
        Assert.Equal(saves.Select(a => a.Slug).Reverse(), page.Articles.Select(a => a.Slug));
        Assert.Equal(20, (await site.Store.FeedPageAsync(new FeedKey(FeedKind.Category, "weather"), 100)).Articles.Count);
        Assert.Equal(["harbour", "local", "weather"], (await site.Store.FeedNamesAsync()).Select(n => n.Key.Slug).Order());
        Assert.NotEqual(before, await site.Store.FeedVersionAsync());
    }

    [Fact]
    public async Task ASaveThatLosesItsRaceFailsAloneAndTheOthersInItsGroupAreWritten()
    {
        await using var site = new TestSite(azurite);
        await site.Store.SaveArticleAsync(Article("taken", 0), null, null);
        var stored = (await site.Store.ArticleBySlugAsync("taken"))!.Value;

        var others = Enumerable.Range(1, 20).Select(i => site.Store.SaveArticleAsync(Article($"free-{i:D2}", i), null, null)).ToList();
        var insertAgain = site.Store.SaveArticleAsync(Article("taken", 99) with { Title = "Second insert" }, null, null);
        var staleUpdate = site.Store.SaveArticleAsync(Article("taken", 98) with { Title = "Stale update" }, stored.Article, new ETag("W/\"datetime'2000-01-01T00%3A00%3A00.0000000Z'\""));
        await Task.WhenAll(others);

        Assert.Equal(409, (await Assert.ThrowsAnyAsync<RequestFailedException>(() => insertAgain)).Status);
        Assert.Equal(412, (await Assert.ThrowsAnyAsync<RequestFailedException>(() => staleUpdate)).Status);
        var page = await site.Store.FeedPageAsync(FeedKey.All, 100);
        Assert.Equal(21, page.Articles.Count);
        Assert.Equal("Title of taken", Assert.Single(page.Articles, a => a.Slug == "taken").Title);
    }

    [Fact]
    public async Task ACancelledSaveIsWrittenOnlyWhenItsCallerIsToldItWas()
    {
        await using var site = new TestSite(azurite);
        await site.Storage.EnsureCreatedAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => site.Store.SaveArticleAsync(Article("never", 0), null, null, ct: new CancellationToken(true)));

        // Cancelled at scattered moments: each save either completes and is stored, or is cancelled and is not.
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 60).Select(async i =>
        {
            using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(i % 3 == 0 ? 1 : 5 * i));
            try
            {
                await site.Store.SaveArticleAsync(Article($"maybe-{i:D2}", i), null, null, ct: cancel.Token);
                return (Slug: $"maybe-{i:D2}", Saved: true);
            }
            catch (OperationCanceledException)
            {
                return (Slug: $"maybe-{i:D2}", Saved: false);
            }
        }));

        var stored = (await site.Store.FeedPageAsync(FeedKey.All, 100)).Articles.Select(a => a.Slug).ToHashSet();
        Assert.Equal(outcomes.Where(o => o.Saved).Select(o => o.Slug).Order(), stored.Order());
        Assert.Null(await site.Store.ArticleBySlugAsync("never"));
    }

    [Fact]
    public async Task SharedRowsThatConcurrentCommitsWriteGoOncePerTransactionTheLatestWinningWhateverTheirKeys()
    {
        var table = new TableClient(azurite.ConnectionString, "groupcommit" + Guid.NewGuid().ToString("N")[..12]);
        await table.CreateAsync();
        var commits = new GroupCommit(table, () => new(TableTransactionActionType.UpsertReplace, new TableEntity("p", "stamp")));
        static TableTransactionAction Upsert(string key, int value) =>
            new(TableTransactionActionType.UpsertReplace, new TableEntity("p", key) { ["Value"] = value });

        await Task.WhenAll(Enumerable.Range(0, 40).Select(i => commits.CommitAsync([Upsert($"own-{i:D2}", i)], [Upsert("anything", i)], default)));

        // A transaction holding one key twice would fail and be resubmitted save by save: more than 40 transactions.
        Assert.InRange(commits.Transactions, 1, 39);
        var rows = await table.QueryAsync<TableEntity>().ToListAsync();
        Assert.Equal(42, rows.Count);
        Assert.InRange(rows.Single(r => r.RowKey == "anything").GetInt32("Value")!.Value, 0, 39);
        await table.DeleteAsync();
    }
}
