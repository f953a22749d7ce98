using Syndication.Articles;

namespace Syndication.Tests.Articles;

/// <summary>Text fields are plain text: markup goes (escaped markup too), its text stays, entities are decoded once.</summary>
public sealed class PlainTextTests
{
    [Theory]
    [InlineData("Harbour <b>reopens</b>", "Harbour reopens")]
    [InlineData("Harbour<script>alert(1)</script> reopens", "Harbour reopens")]
    [InlineData("<style>h1{color:red}</style>Harbour", "Harbour")]
    [InlineData("&lt;script&gt;alert(1)&lt;/script&gt;Harbour", "Harbour")]
    [InlineData("&lt;img src=x onerror=alert(1)&gt;Harbour", "Harbour")]
    [InlineData("<script>Harbour reopens", "Harbour reopens")]
    [InlineData("<p>Harbour</p><p>reopens</p>", "Harbour reopens")]
    [InlineData("Harbour<br>reopens", "Harbour reopens")]
    [InlineData("Sea<b>food</b>", "Seafood")]
    [InlineData("Fish &amp; chips", "Fish & chips")]
    [InlineData("Caf&eacute; &#8220;on the quay&#8221;", "Café “on the quay”")]
    [InlineData("AT&T", "AT&T")]
    [InlineData("5 < 6 and 7 > 3", "5 < 6 and 7 > 3")]
    [InlineData("<b>Harbour</b>\n\n   reopens\t today", "Harbour reopens today")]
    [InlineData("<!-- a comment -->Harbour", "Harbour")]
    [InlineData("Harbour 🌊 <i>تحذير</i>", "Harbour 🌊 تحذير")]
    public void MarkupIsRemovedAndItsTextKept(string text, string plain) => Assert.Equal(plain, PlainText.From(text));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<img src=x onerror=alert(1)>")]
    public void NothingButMarkupIsEmpty(string? text) => Assert.Equal("", PlainText.From(text));

    [Theory]
    [InlineData("&amp;lt;b&amp;gt;x")]
    [InlineData("&lt;&lt;b&gt;b&gt;x")]
    [InlineData("<<b>b>x")]
    [InlineData("&lt;!--x--&gt;y")]
    [InlineData("&lt;/p&gt;x")]
    [InlineData("<scr<script>ipt>alert(1)</script>")]
    [InlineData("&#60;script&#62;alert(1)&#60;/script&#62;x")]
    public void NoResultHoldsALessThanThatStartsATag(string text) => Assert.DoesNotMatch("<[A-Za-z/!?]", PlainText.From(text));

    [Theory]
    [InlineData("Harbour <b>reopens</b>", true)]
    [InlineData("&lt;b&gt;Harbour", true)]
    [InlineData("Harbour</p>", true)]
    [InlineData("5 < 6", false)]
    [InlineData("Fish &amp; chips", false)]
    [InlineData(null, false)]
    public void MarkupIsToldFromText(string? text, bool markup) => Assert.Equal(markup, PlainText.HasMarkup(text));

    [Fact]
    public void AnArticleGetsPlainFieldsAndLosesNamesThatWereOnlyMarkup()
    {
        var article = new ParsedArticle
        {
            Title = "<b>Harbour</b> reopens",
            Summary = "<script>x</script>",
            Authors = ["<i>Ana</i> Lima", "ana lima", "<img src=x>"],
            Tags = ["<b>Harbour</b>", "harbour", "Quay"],
            BodyHtml = "<p>Body.</p>",
            Images = [new ImageDescription("lead.jpg", "<em>Boats</em> at dawn", "<a href='https://x.example/'>Jo</a>", "<b></b>")],
        };

        var plain = PlainText.Apply(article, "markdown");

        Assert.Equal("Harbour reopens", plain.Title);
        Assert.Null(plain.Summary);
        Assert.Equal(["Ana Lima"], plain.Authors);
        Assert.Equal(["Harbour", "Quay"], plain.Tags);
        Assert.Equal(("Boats at dawn", "Jo", (string?)null), (plain.Images[0].Caption, plain.Images[0].Credit, plain.Images[0].Alt));
        Assert.Equal("<p>Body.</p>", plain.BodyHtml);
    }

    [Fact]
    public void ATitleOfNothingButMarkupIsARejectionNamingTheShape()
    {
        var e = Assert.Throws<ArticleRejectedException>(() => PlainText.Apply(new ParsedArticle { Title = "<script>alert(1)</script>", BodyHtml = "<p>x</p>" }, "json"));
        Assert.Equal("json: the title holds only markup, no text", e.Message);
    }
}
