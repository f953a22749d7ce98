using Syndication.Articles;
using Syndication.Ingestion;
using Syndication.Storage;
using Syndication.Tests.Support;

namespace Syndication.Tests.Ingestion;

/// <summary>
/// The hashes behind `updated` and the body blob's name, without storage: today's articles hash as they did before
/// issue 23 changed the hashing (the same values <c>ContentHashPinTests</c> pins at ingestion).
/// </summary>
public sealed class ContentHashTests
{
    private static readonly DateTimeOffset Published = new(2024, 3, 5, 8, 30, 0, TimeSpan.Zero);

    private static ParsedArticle Parse(string markdown) =>
        DocumentParser.Parse(DocumentFormat.Markdown, System.Text.Encoding.UTF8.GetBytes(markdown));

    // The image ingestion keeps for a document's image that nobody uploaded: a link, no bytes.
    private static readonly StoredImage RemoteBoats = new("boats.jpg", "", 0, "", 0, 0,
        "Boats return to the harbour.", "Ana Lima", null, "https://images.example.com/boats.jpg");

    // An uploaded image with its byte hash and renditions.
    private static readonly StoredImage LocalBoats = new("boats.jpg", "\"0x8DC0\"", 48_213, "image/jpeg", 1200, 800,
        "Boats return to the harbour.", null, "Fishing boats at a quay", Sha256: new string('a', 64))
    {
        Renditions = [new StoredRendition("boats-aaaa-thumb.webp", "thumbnail", "image/webp", 320, 213, 9_120)],
    };

    [Fact]
    public void TodaysArticlesHashAsTheyWereSavedBeforeIssue23()
    {
        var full = ContentHash.OfText(Parse(PinnedArticles.Full), Published);
        var bare = ContentHash.OfText(Parse(PinnedArticles.Bare), Published);

        Assert.Equal("78cd2b877cb3c9514b10f69ab3f36475", full);
        Assert.Equal("64c6cda44a674cbb9b73d327ea7b8bf1", ContentHash.OfContent(full, [RemoteBoats]));
        Assert.Equal("ace77e72e8fc5ed83a93bd231801a8f4", bare);
        Assert.Equal("e58767807f3759e01c1bb5054a779d4b", ContentHash.OfContent(bare, []));
        Assert.Equal("5f7259a93f15ea6e080c509516a4a986", ContentHash.OfContent(bare, [LocalBoats]));
    }

    [Fact]
    public void ANewFieldThatAnArticleLeavesEmptyChangesNoHash()
    {
        var fields = Parse(PinnedArticles.Full);
        var today = ContentHash.Json<ArticleFields>(fields);

        Assert.Contains("\"Summary\":null", ContentHash.Json<ArticleFields>(Parse(PinnedArticles.Bare)));
        Assert.Equal(today, ContentHash.Json(new Tomorrow(fields)));
        Assert.Equal(today, ContentHash.Json(new Tomorrow(fields) { NewText = "", NewList = [] }));
        Assert.NotEqual(today, ContentHash.Json(new Tomorrow(fields) { NewText = "What the storm left" }));
        Assert.NotEqual(today, ContentHash.Json(new Tomorrow(fields) { NewList = ["Ana Lima"] }));
        Assert.NotEqual(today, ContentHash.Json(new Tomorrow(fields) { NewFlag = true }));
        Assert.NotEqual(today, ContentHash.Json(new Tomorrow(fields) { NewNumber = 0 }));
    }

    // ArticleFields as it would be with a new field of each kind (named so no real field will be), none stated by today's articles.
    private sealed record Tomorrow : ArticleFields
    {
        public Tomorrow(ArticleFields fields) : base(fields)
        {
        }

        public string? NewText { get; init; }
        public IReadOnlyList<string> NewList { get; init; } = [];
        public bool NewFlag { get; init; }
        public int? NewNumber { get; init; }
    }
}
