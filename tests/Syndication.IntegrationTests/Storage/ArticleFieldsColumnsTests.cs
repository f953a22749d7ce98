using System.Reflection;
using Syndication.Articles;
using Syndication.Storage;
using Syndication.Tests.Support;

namespace Syndication.Tests.Storage;

/// <summary>Every field of <see cref="ArticleFields"/> is stored and read back by the store without it naming the field.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ArticleFieldsColumnsTests(AzuriteFixture azurite)
{
    private static object Sample(PropertyInfo p) => p.PropertyType == typeof(string)
        ? $"{p.Name} value <b>&</b> é"
        : p.PropertyType == typeof(IReadOnlyList<string>) ? new List<string> { $"{p.Name} one", $"{p.Name} two" }
        : throw new InvalidOperationException($"teach this test a sample {p.PropertyType.Name} for {p.Name}");

    [Fact]
    public async Task EveryArticleFieldSurvivesTheRoundTripThroughTheTable()
    {
        await using var site = new TestSite(azurite);
        var fields = new ArticleFields();
        var properties = typeof(ArticleFields).GetProperties().Where(p => p.CanWrite && p.Name != "EqualityContract").ToList();
        foreach (var p in properties) p.SetValue(fields, Sample(p));
        var article = new StoredArticle(fields)
        {
            Id = StableId.For("fields"),
            Slug = "fields",
            Published = new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero),
            Updated = new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero),
            BodyBlob = "bodies/fields/h.html",
            SourceBlob = "fields.md",
            SourceETag = "\"e\"",
            SourceSignature = "s",
            ContentHash = "h",
        };
        await site.Store.SaveArticleAsync(article, null, null);

        var read = (await site.Store.ArticleBySlugAsync("fields"))!.Value.Article;
        var page = (await site.Store.FeedPageAsync(FeedKey.All, 1)).Articles.Single();
        foreach (var p in properties)
        {
            Assert.Equal(p.GetValue(article) as System.Collections.IEnumerable, p.GetValue(read) as System.Collections.IEnumerable);
            Assert.Equal(p.GetValue(article) as System.Collections.IEnumerable, p.GetValue(page) as System.Collections.IEnumerable);
        }
    }
}
