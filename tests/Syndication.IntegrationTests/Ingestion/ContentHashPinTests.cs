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
    /// <summary>Every field set, and an image referenced by URL (no bytes, so no renditions).</summary>
    public const string Full = """
        ---
        title: Harbour reopens after storm
        summary: The port is open again after three days.
        authors: [Ana Lima, Ben Okafor]
        published: 2024-03-05T08:30:00Z
        updated: 2024-03-06T10:00:00Z
        categories: [Local, Weather]
        tags: [storms, harbour]
        language: en-GB
        images:
          - url: https://images.example.com/boats.jpg
            caption: Boats return to the harbour.
            credit: Ana Lima
        ---
        The **harbour** reopened on Tuesday.
        """;

    /// <summary>Only a title and a date: every other field null or empty.</summary>
    public const string Bare = "---\ntitle: Bare facts\npublished: 2024-03-05T08:30:00Z\n---\nOne line.\n";

    [Theory]
    [InlineData("full.md", Full, "78cd2b877cb3c9514b10f69ab3f36475", "64c6cda44a674cbb9b73d327ea7b8bf1")]
    [InlineData("bare.md", Bare, "ace77e72e8fc5ed83a93bd231801a8f4", "e58767807f3759e01c1bb5054a779d4b")]
    public async Task TodaysArticlesKeepTheHashesTheyWereSavedWith(string name, string document, string textHash, string contentHash)
    {
        await using var site = new TestSite(azurite);
        await site.UploadTextAsync(name, document);
        Assert.Equal(IngestResult.Published, (await site.Ingestor.IngestBlobAsync(name)).Result);

        var article = (await site.Store.ArticleBySlugAsync(Path.GetFileNameWithoutExtension(name)))!.Value.Article;
        Assert.Equal((textHash, contentHash), (article.TextHash, article.ContentHash));
    }
}
