using Syndication.Ingestion;
using Syndication.Storage;

namespace Syndication.Tests.Ingestion;

public sealed class BodyImagesTests
{
    private static readonly StoredImage[] Images =
    [
        new("deck.jpg", "etag", 10, "image/jpeg", 1600, 900, null, null, null),
        new("quay photo.png", "etag", 10, "image/png", 800, 600, null, null, null),
    ];

    [Theory]
    [InlineData("deck.jpg")]
    [InlineData("./deck.jpg")]
    [InlineData("ferry/deck.jpg")]
    [InlineData("deck.jpg?w=300")]
    public void AReferenceToTheArticlesOwnImagePointsAtTheImageRoute(string src) =>
        Assert.Equal("<p><img src=\"../images/ferry/deck.jpg\" alt=\"The deck\"></p>",
            BodyImages.Rewrite($"<p><img src=\"{src}\" alt=\"The deck\"></p>", "ferry", Images));

    [Fact]
    public void AnEscapedNameIsMatchedAndWrittenEscaped() =>
        Assert.Equal("<img src=\"../images/ferry/quay%20photo.png\">", BodyImages.Rewrite("<img src=\"quay%20photo.png\">", "ferry", Images));

    [Theory]
    [InlineData("<img src=\"other.jpg\">")]
    [InlineData("<img src=\"https://cdn.example/deck.jpg\">")]
    [InlineData("<img src=\"/deck.jpg\">")]
    [InlineData("<img src=\"harbour/deck.jpg\">")]
    [InlineData("<a href=\"deck.jpg\">the deck</a>")]
    public void AnythingElseIsLeftAsItIs(string html) => Assert.Equal(html, BodyImages.Rewrite(html, "ferry", Images));
}
