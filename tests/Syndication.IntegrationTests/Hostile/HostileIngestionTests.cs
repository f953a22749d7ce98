using Syndication.Tests.Support;

namespace Syndication.Tests.Hostile;

/// <summary>Hostile values that only ingestion can judge: dates that cannot be true, language tags that are not languages.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class HostileIngestionTests(AzuriteFixture azurite)
{
    [Theory]
    [InlineData("9999-12-31T23:59:59Z")]
    [InlineData("0001-01-01T00:00:00Z")]
    [InlineData("1970-01-01T00:00:00Z")]
    public async Task AStatedDateInTheFutureOrBefore1990IsNotBelieved(string date)
    {
        await using var site = new TestSite(azurite);
        var blob = await site.UploadTextAsync("dated.md", $"---\ntitle: Dated\npublished: {date}\nupdated: {date}\n---\nBody.");
        await site.Ingestor.ReconcileAsync();

        var article = (await site.Store.ArticleBySlugAsync("dated"))!.Value.Article;
        var created = (await blob.GetPropertiesAsync()).Value.CreatedOn;
        Assert.Equal(created, article.Published);
        Assert.Equal(created, article.Updated);
    }
}
