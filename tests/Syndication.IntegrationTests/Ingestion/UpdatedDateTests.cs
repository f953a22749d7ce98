using System.Text.Json;
using Syndication.Storage;
using Syndication.Tests.Support;
using Syndication.Articles;

namespace Syndication.Tests.Ingestion;

/// <summary>`updated` means the publisher changed what readers see; a date nobody stated is said to be so.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class UpdatedDateTests(AzuriteFixture azurite)
{
    private static async Task<Dictionary<string, (DateTimeOffset Published, DateTimeOffset Updated)>> DatesAsync(TestSite site) =>
        (await site.Store.FeedPageAsync(FeedKey.All, 50)).Articles.ToDictionary(a => a.Slug, a => (a.Published, a.Updated));

    [Fact]
    public async Task TheSamplesUploadedAgainByteForByteChangeNoDateAndNoFeedByte()
    {
        await using var site = new TestSite(azurite);
        await AllSamples.IngestAsync(site);
        var before = await DatesAsync(site);
        var rss = (await AllSamples.FeedAsync(site, "all.rss")).Body;
        var json = (await AllSamples.FeedAsync(site, "all.json")).Body;

        await Task.Delay(1100); // a second later, as a publisher's sync job would upload them again
        await AllSamples.UploadAsync(site);
        var result = await site.Ingestor.ReconcileAsync();

        Assert.True(result.Ingested > 0, "the new ETags are seen and the articles converged again");
        Assert.Equal(before, await DatesAsync(site));
        Assert.Equal(System.Text.Encoding.UTF8.GetString(rss), (await AllSamples.FeedAsync(site, "all.rss")).Text);
        Assert.Equal(System.Text.Encoding.UTF8.GetString(json), (await AllSamples.FeedAsync(site, "all.json")).Text);
    }

    [Fact]
    public async Task ImagesArrivingAfterTheirDocumentAreStillTheFirstPublication()
    {
        await using var site = new TestSite(azurite);
        await site.UploadTextAsync("late.md", "---\ntitle: Late pictures\npublished: 2024-05-01T08:00:00Z\n---\nText first.\n");
        await site.Ingestor.IngestBlobAsync("late.md");
        await Task.Delay(1100);
        await site.UploadAsync("late/one.jpg", File.ReadAllBytes(Repo.Samples("harbour-reopens", "boats.jpg")));
        await site.Ingestor.IngestBlobAsync("late/one.jpg");

        var late = (await site.Store.ArticleBySlugAsync("late"))!.Value.Article;
        Assert.Single(late.Images);
        Assert.Equal(late.Published, late.Updated);
    }

    [Fact]
    public async Task AnEditOrAReplacedImageMovesUpdatedAndStatedUpdatesWin()
    {
        await using var site = new TestSite(azurite);
        await site.UploadTextAsync("edit.md", "---\ntitle: Edited\npublished: 2024-05-01T08:00:00Z\n---\nFirst text.\n");
        await site.UploadAsync("edit/one.jpg", File.ReadAllBytes(Repo.Samples("harbour-reopens", "boats.jpg")));
        await site.Ingestor.IngestSlugAsync("edit");
        var first = (await site.Store.ArticleBySlugAsync("edit"))!.Value.Article;
        Assert.Equal(first.Published, first.Updated);

        await site.UploadAsync("edit/one.jpg", File.ReadAllBytes(Repo.Samples("000_11b3e0eb4ad0bcf4", "photo-1.jpg")));
        await site.Ingestor.IngestSlugAsync("edit");
        var replaced = (await site.Store.ArticleBySlugAsync("edit"))!.Value.Article;
        Assert.True(replaced.Updated > first.Updated, "a replaced image readers saw is an update");
        Assert.NotEqual(first.Images[0].Version, replaced.Images[0].Version);

        await site.UploadTextAsync("edit.md", "---\ntitle: Edited\npublished: 2024-05-01T08:00:00Z\nupdated: 2024-05-02T09:00:00Z\n---\nSecond text.\n");
        await site.Ingestor.IngestSlugAsync("edit");
        Assert.Equal(DateTimeOffset.Parse("2024-05-02T09:00:00Z"), (await site.Store.ArticleBySlugAsync("edit"))!.Value.Article.Updated);
    }

    [Fact]
    public async Task AnArticleThatStatesNoDateKeepsItsFirstUploadTimeAndSaysSo()
    {
        await using var site = new TestSite(azurite);
        await site.UploadTextAsync("undated.md", "---\ntitle: No date here\n---\nWhen, nobody says.\n");
        await site.Ingestor.IngestBlobAsync("undated.md");
        var first = (await site.Store.ArticleBySlugAsync("undated"))!.Value.Article;
        Assert.False(first.DateStated);

        await Task.Delay(1100);
        await site.UploadTextAsync("undated.md", "---\ntitle: No date here\n---\nWhen, nobody says.\n");
        await site.Ingestor.IngestBlobAsync("undated.md");
        var again = (await site.Store.ArticleBySlugAsync("undated"))!.Value.Article;
        Assert.Equal(first.Published, again.Published);
        Assert.Equal(first.Updated, again.Updated);

        var json = JsonDocument.Parse((await AllSamples.FeedAsync(site, "all.json")).Body);
        var item = json.RootElement.GetProperty("items")[0];
        Assert.False(item.GetProperty("_syndication").GetProperty("date_stated").GetBoolean());
        var page = await TestSite.ExecuteAsync(r => site.Handlers.GetArticlePageAsync(r, "undated"));
        Assert.Contains("date not stated", page.Text);
    }
}
