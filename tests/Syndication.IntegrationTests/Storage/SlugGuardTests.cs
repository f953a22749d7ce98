using Azure;
using Syndication.Articles;
using Syndication.Feeds;
using Syndication.Ingestion;
using Syndication.Storage;
using Syndication.Tests.Support;

namespace Syndication.Tests.Storage;

/// <summary>
/// An insert is conditional on the slug's guard as read before the sources: an ingestion that downloaded a document
/// before its deletion cannot bring the deleted article back, and a slug published again after a withdrawal can be.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class SlugGuardTests(AzuriteFixture azurite)
{
    private static StoredArticle Article(string slug, string title) =>
        GroupCommitTests.Article(slug, 0) with { Title = title, ContentHash = "h-" + title };

    [Fact]
    public async Task AnInsertWhoseSlugWasSavedAndRemovedSinceItLookedFailsAndTheArticleStaysWithdrawn()
    {
        await using var site = new TestSite(azurite);
        await site.Storage.EnsureCreatedAsync();
        // The slow ingestion looks first: no row, no guard.
        Assert.Null(await site.Store.ArticleBySlugAsync("raced"));
        var slowGuard = await site.Store.SlugGuardAsync("raced");
        Assert.Null(slowGuard);

        // Another ingestion publishes the slug, then its document is deleted and the article withdrawn.
        await site.Store.SaveArticleAsync(Article("raced", "First"), null, null, guard: await site.Store.SlugGuardAsync("raced"));
        var shown = (await site.Store.ArticleBySlugAsync("raced"))!.Value;
        await site.Store.DeleteArticleAsync(shown.Article, shown.ETag, withdrawnAt: DateTimeOffset.UtcNow);

        // The slow ingestion's insert, from the document it downloaded before the deletion, fails.
        var late = await Assert.ThrowsAnyAsync<RequestFailedException>(
            () => site.Store.SaveArticleAsync(Article("raced", "First"), null, null, guard: slowGuard));
        Assert.Equal(409, late.Status);
        Assert.Null(await site.Store.ArticleBySlugAsync("raced"));
        Assert.DoesNotContain((await site.Store.FeedPageAsync(FeedKey.All, 10)).Articles, a => a.Slug == "raced");
    }

    [Fact]
    public async Task AnInsertThatReadTheGuardBeforeARemovalFailsAndOneThatReadItAfterPublishesAgain()
    {
        await using var site = new TestSite(azurite);
        await site.Storage.EnsureCreatedAsync();
        await site.Store.SaveArticleAsync(Article("again", "First"), null, null);
        var shown = (await site.Store.ArticleBySlugAsync("again"))!.Value;
        var before = await site.Store.SlugGuardAsync("again");
        Assert.NotNull(before);
        await site.Store.DeleteArticleAsync(shown.Article, shown.ETag, withdrawnAt: DateTimeOffset.UtcNow);

        var stale = await Assert.ThrowsAnyAsync<RequestFailedException>(
            () => site.Store.SaveArticleAsync(Article("again", "Stale"), null, null, guard: before));
        Assert.Equal(412, stale.Status);

        var after = await site.Store.SlugGuardAsync("again");
        Assert.NotEqual(before, after);
        await site.Store.SaveArticleAsync(Article("again", "Second"), null, null, guard: after);
        Assert.Equal("Second", (await site.Store.ArticleBySlugAsync("again"))!.Value.Article.Title);
    }

    [Fact]
    public async Task ADocumentDeletedBeforeAnySaveLandedLeavesAGuardTheSlowInsertFailsOn()
    {
        await using var site = new TestSite(azurite);
        await site.Storage.EnsureCreatedAsync();
        // The slow ingestion looks first (no row, no guard) and downloads the document; then the document is deleted
        // and the deletion's ingestion finds no document and no row.
        var slowGuard = await site.Store.SlugGuardAsync("never-saved");
        Assert.Null(slowGuard);
        Assert.Equal(IngestResult.Ignored, (await site.Ingestor.IngestSlugAsync("never-saved")).Result);

        var late = await Assert.ThrowsAnyAsync<RequestFailedException>(
            () => site.Store.SaveArticleAsync(Article("never-saved", "First"), null, null, guard: slowGuard));
        Assert.Equal(409, late.Status);
        Assert.Null(await site.Store.ArticleBySlugAsync("never-saved"));
    }
}
