using Syndication.Feeds;
using Syndication.Storage;

namespace Syndication.Tests.Feeds;

/// <summary>
/// The one layout of an item's HTML (lead figure, body, other figures), written for <see cref="ItemContent"/> by
/// <see cref="Figures.Content"/> and read back by its helpers alone: MSN's marked lead figure and the platforms' body measure.
/// </summary>
public sealed class ItemContentTests
{
    private static readonly SiteUrls Urls = GoldenFeed.Urls;

    private static StoredArticle Article(params StoredImage[] images) => new()
    {
        Id = Guid.Parse("6f1c2a3e-9b1d-5c4e-8f00-000000000301"), Slug = "harbour", Title = "Harbour reopens", Published = DateTimeOffset.UnixEpoch,
        Updated = DateTimeOffset.UnixEpoch, Images = images, BodyBlob = "b", SourceBlob = "s", SourceETag = "e", SourceSignature = "sig", ContentHash = "h",
    };

    private static StoredImage Image(string file, string? caption, string? credit) =>
        new(file, "etag", 1000, "image/jpeg", 1600, 900, caption, credit, "alt " + file, Sha256: "0123456789abcdef");

    [Fact]
    public void AnItemIsItsLeadFigureWithCaptionAndCreditThenTheBodyThenTheOtherFigures()
    {
        var item = ItemContent.Item(Article(Image("lead.jpg", "The quay at dawn.", "Ana Lima"), Image("map.png", null, "Harbour office")), "<p>The breakwater held.</p>", Urls);

        Assert.Equal(3, item.ContentHtml.Count);
        Assert.StartsWith("<figure><img src=\"https://news.example.com/api/images/harbour/lead.jpg?v=", item.ContentHtml[0]);
        Assert.EndsWith("<figcaption>The quay at dawn. <small>Ana Lima</small></figcaption></figure>\n", item.ContentHtml[0]);
        Assert.Equal("<p>The breakwater held.</p>", item.ContentHtml[1]);
        Assert.EndsWith("<figcaption><small>Harbour office</small></figcaption></figure>\n", item.ContentHtml[2]);
        Assert.True(Figures.HasFigures(item));
        Assert.Equal(["<p>The breakwater held.</p>"], Figures.Body(item));
    }

    [Fact]
    public void TheMarkedLeadFigureDiffersOnlyByTheClassOnItsImgAndTheRestIsTheSameStrings()
    {
        var item = ItemContent.Item(Article(Image("lead.jpg", "The quay at dawn.", "Ana Lima"), Image("map.png", null, null)), "<p>Body</p>", Urls);

        var marked = Figures.WithLeadClass(item, RssWriter.PrimaryImageClass);

        Assert.Equal(item.ContentHtml[0].Replace("<img ", $"<img class=\"{RssWriter.PrimaryImageClass}\" "), marked[0]);
        Assert.Equal(item.ContentHtml.Skip(1), marked.Skip(1));
        Assert.Same(item.ContentHtml[1], marked[1]);
    }

    [Fact]
    public void AnItemWithoutImagesOrLaidOutByHandIsItsHtmlAsItIs()
    {
        var plain = ItemContent.Item(Article(), "<p>Only words.</p>", Urls);
        Assert.False(Figures.HasFigures(plain));
        Assert.Same(plain.ContentHtml, Figures.Body(plain));
        Assert.Same(plain.ContentHtml, Figures.WithLeadClass(plain, RssWriter.PrimaryImageClass));

        // A writer's test item with images but its HTML in other pieces: nothing is taken for a figure.
        var byHand = GoldenFeed.Items[2] with { Images = GoldenFeed.Items[0].Images }; // two pieces, two images
        Assert.False(Figures.HasFigures(byHand));
        Assert.Same(byHand.ContentHtml, Figures.Body(byHand));
    }

    [Fact]
    public void AnImageTheBodyAlreadyShowsIsShownOnceInItsPlaceWithItsCaptionAndCredit()
    {
        // As a Markdown body stores "![The deck](lead.jpg)" once links are resolved: alone in its paragraph, no query.
        const string body = "<p>Dawn on the quay.</p><p><img src=\"https://news.example.com/api/images/harbour/lead.jpg\" alt=\"The deck\"></p><p>The breakwater held.</p>";
        var item = ItemContent.Item(Article(Image("lead.jpg", "The quay at dawn.", "Ana Lima"), Image("map.png", null, "Harbour office")), body, Urls);
        var html = string.Concat(item.ContentHtml);

        Assert.Equal(1, Count(html, "/images/harbour/lead.jpg"));
        Assert.Equal("", item.ContentHtml[0]);
        var figure = item.ContentHtml[1].IndexOf("<figure><img src=\"https://news.example.com/api/images/harbour/lead.jpg?v=", StringComparison.Ordinal);
        Assert.True(figure > item.ContentHtml[1].IndexOf("Dawn on the quay.", StringComparison.Ordinal));
        Assert.True(figure < item.ContentHtml[1].IndexOf("The breakwater held.", StringComparison.Ordinal));
        Assert.Contains("<figcaption>The quay at dawn. <small>Ana Lima</small></figcaption></figure><p>The breakwater held.</p>", item.ContentHtml[1]);
        Assert.DoesNotContain("<p><figure>", item.ContentHtml[1]);
        Assert.Equal(1, Count(html, "/images/harbour/map.png")); // the other image, not in the body, still follows it
        Assert.True(Figures.HasFigures(item));

        // MSN's primary image class goes on the img where the body shows it, once.
        var marked = string.Concat(Figures.WithLeadClass(item, RssWriter.PrimaryImageClass));
        Assert.Equal(1, Count(marked, RssWriter.PrimaryImageClass));
        Assert.Contains($"<figure><img class=\"{RssWriter.PrimaryImageClass}\" src=\"https://news.example.com/api/images/harbour/lead.jpg?v=", marked);
    }

    [Fact]
    public void AnImageInsideALineOfTextStaysAsWrittenAndKeepsItsFigureSoItsCreditIsShown()
    {
        const string body = "<p>The deck <img src=\"https://news.example.com/api/images/harbour/lead.jpg\" alt=\"deck\"> at dawn.</p>";
        var item = ItemContent.Item(Article(Image("lead.jpg", "The quay at dawn.", "Ana Lima")), body, Urls);

        Assert.Same(body, item.ContentHtml[1]);
        Assert.EndsWith("<figcaption>The quay at dawn. <small>Ana Lima</small></figcaption></figure>\n", item.ContentHtml[0]);
        Assert.Equal(1, Count(string.Concat(Figures.WithLeadClass(item, RssWriter.PrimaryImageClass)), RssWriter.PrimaryImageClass));
    }

    [Fact]
    public void AnotherSitesImageOrAnotherArticlesIsNotTakenForOurs()
    {
        const string body = "<p><img src=\"https://cdn.example.org/harbour/lead.jpg\"></p><p><img src=\"https://news.example.com/api/images/ferry/lead.jpg\"></p>";
        var item = ItemContent.Item(Article(Image("lead.jpg", null, null)), body, Urls);

        Assert.StartsWith("<figure><img src=\"https://news.example.com/api/images/harbour/lead.jpg?v=", item.ContentHtml[0]);
        Assert.Same(body, item.ContentHtml[1]);
    }

    private static int Count(string text, string part)
    {
        var n = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal)) n++;
        return n;
    }
}
