using System.Reflection;
using Syndication.Articles;

namespace Syndication.Tests.Articles;

/// <summary>
/// Every text field of <see cref="ArticleFields"/> is made plain text by one mechanism, with no list of fields to keep
/// up: the properties are found here by reflection, so a field added tomorrow is checked by this test unchanged.
/// </summary>
public sealed class PlainTextApplyTests
{
    private const string Marked = "<b>Bold</b> &amp; <script>alert(1)</script>words";
    private static readonly List<string> MarkedNames = ["<i>Ana</i> Lima", "ana lima", "<script>alert(2)</script>", "Ben &amp; Jo"];

    private static IEnumerable<PropertyInfo> TextProperties(Type type) => type.GetProperties()
        .Where(p => p.CanWrite && (p.PropertyType == typeof(string) || typeof(IEnumerable<string>).IsAssignableFrom(p.PropertyType)));

    [Fact]
    public void EveryStringAndListOfStringsOfArticleFieldsIsMadePlainText()
    {
        var properties = TextProperties(typeof(ArticleFields)).ToList();
        Assert.Superset(new HashSet<string> { "Title", "Summary", "Authors", "Categories", "Tags", "Language" }, properties.Select(p => p.Name).ToHashSet());
        var article = new ParsedArticle { BodyHtml = "<p>Body</p>" };
        foreach (var p in properties) p.SetValue(article, p.PropertyType == typeof(string) ? Marked : MarkedNames);

        var plain = PlainText.Apply(article, "test");

        foreach (var p in properties)
        {
            if (p.PropertyType == typeof(string)) Assert.Equal("Bold & words", p.GetValue(plain));
            else Assert.Equal(["Ana Lima", "Ben & Jo"], (IEnumerable<string>)p.GetValue(plain)!);
        }
        Assert.Equal("<p>Body</p>", plain.BodyHtml);
    }

    [Fact]
    public void AFieldThatMayBeNullAndHoldsOnlyMarkupBecomesNullAndSuchATitleIsRejected()
    {
        var markupOnly = "<script>alert(1)</script>";
        var nullable = new NullabilityInfoContext();
        var article = new ParsedArticle { Title = "Title", BodyHtml = "" };
        var mayBeNull = TextProperties(typeof(ArticleFields))
            .Where(p => p.PropertyType == typeof(string) && nullable.Create(p).WriteState == NullabilityState.Nullable).ToList();
        Assert.NotEmpty(mayBeNull);
        foreach (var p in mayBeNull) p.SetValue(article, markupOnly);

        var plain = PlainText.Apply(article, "test");

        Assert.All(mayBeNull, p => Assert.Null(p.GetValue(plain)));
        var rejected = Assert.Throws<ArticleRejectedException>(() => PlainText.Apply(article with { Title = markupOnly }, "markdown"));
        Assert.Equal("markdown: the title holds only markup, no text", rejected.Message);
    }

    [Fact]
    public void ImageCaptionsCreditsAndAltTextArePlainAndTheirFileAndUrlAreLeftAlone()
    {
        var image = new ImageDescription("a&amp;b.jpg", Marked, "<a href='https://x.example/'>Jo</a>", "<i>Boats</i>", "https://x.example/a.jpg?w=1&amp;h=2");
        var plain = PlainText.Apply(new ParsedArticle { Title = "Title", BodyHtml = "", Images = [image] }, "test").Images.Single();
        Assert.Equal(new ImageDescription("a&amp;b.jpg", "Bold & words", "Jo", "Boats", "https://x.example/a.jpg?w=1&amp;h=2"), plain);
    }
}
