using Syndication.Ingestion;
using Syndication.Tests.Support;

namespace Syndication.Tests.Ingestion;

/// <summary>
/// The content hash decides `updated` and names each body blob, so today's articles must hash as they always have: a
/// change to the hashing would count every article as updated on its next ingestion and rewrite every body. These
/// values were computed by the hashing as it was before issue 23 changed it (commit 91ef655).
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ContentHashPinTests(AzuriteFixture azurite)
{
    [Theory]
    [InlineData("full.md", PinnedArticles.Full, "78cd2b877cb3c9514b10f69ab3f36475", "64c6cda44a674cbb9b73d327ea7b8bf1")]
    [InlineData("bare.md", PinnedArticles.Bare, "ace77e72e8fc5ed83a93bd231801a8f4", "e58767807f3759e01c1bb5054a779d4b")]
    public async Task TodaysArticlesKeepTheHashesTheyWereSavedWith(string name, string document, string textHash, string contentHash)
    {
        await using var site = new TestSite(azurite);
        await site.UploadTextAsync(name, document);
        Assert.Equal(IngestResult.Published, (await site.Ingestor.IngestBlobAsync(name)).Result);

        var article = (await site.Store.ArticleBySlugAsync(Path.GetFileNameWithoutExtension(name)))!.Value.Article;
        Assert.Equal((textHash, contentHash), (article.TextHash, article.ContentHash));
    }
}
