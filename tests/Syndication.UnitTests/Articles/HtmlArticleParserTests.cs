using System.Text;
using Syndication.Articles;

namespace Syndication.Tests.Articles;

public sealed class HtmlArticleParserTests
{
    private const string Text =
        "<p>The harbour reopened on Tuesday after three days of repairs to the breakwater, and the first ferries left on time.</p>"
        + "<p>Fishermen said the storm was the worst in forty years, and the port authority promised a review of the sea defences.</p>"
        + "<p>Divers will inspect the outer wall again next week before the summer timetable begins on the first of June.</p>";

    private static ParsedArticle Parse(string html) => HtmlArticleParser.Parse(Encoding.UTF8.GetBytes(html));

    // Without a charset declaration, so each test can state its own.

    private static string Page(string head, string article) =>
        $"<!doctype html><html lang=en><head>{head}</head><body><nav><a href=/>Home</a></nav><article>{article}</article></body></html>";

    [Fact]
    public void DocumentParserSendsHtmlPagesTheirBytes()
    {
        var bytes = Encoding.GetEncoding("iso-8859-1").GetBytes(Page("<meta charset=iso-8859-1><title>Caf\u00e9 reopens</title>", "<h1>Caf\u00e9 reopens</h1>" + Text));
        Assert.Equal("Café reopens", DocumentParser.Parse(DocumentFormat.Html, bytes).Title);
    }

    [Fact]
    public void AWindows1252PageWithoutADeclarationIsNotReadAsUtf8()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var bytes = Encoding.GetEncoding(1252).GetBytes(Page("<title>x</title>", "<h1>\u201cCaf\u00e9\u201d costs \u20ac5</h1>" + Text));
        Assert.Equal("“Café” costs €5", HtmlArticleParser.Parse(bytes).Title);
    }

    [Fact]
    public void ShiftJisDeclaredInHttpEquivIsDecoded()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var page = Page("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=Shift_JIS\"><title>x</title>", "<h1>老舗和菓子店</h1>" + Text);
        Assert.Equal("老舗和菓子店", HtmlArticleParser.Parse(Encoding.GetEncoding("shift_jis").GetBytes(page)).Title);
    }

    [Fact]
    public void AByteOrderMarkWinsOverADeclaredCharset()
    {
        var page = Page("<meta charset=windows-1252><title>x</title>", "<h1>Łódź</h1>" + Text);
        Assert.Equal("Łódź", HtmlArticleParser.Parse([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(page)]).Title);
    }

    [Fact]
    public void AUtf7DeclarationIsIgnoredSoItCannotSmuggleMarkup()
    {
        var a = Parse(Page("<meta charset=utf-7><title>Harbour</title>", "<h1>Harbour</h1><p>+ADw-script+AD4-alert(1)+ADw-/script+AD4- " + Text[3..]));
        Assert.Contains("+ADw-script+AD4-", a.BodyHtml);
        Assert.DoesNotContain("<script", a.BodyHtml);
    }

    [Fact]
    public void TitlesLoseTheSiteNameSuffix()
    {
        Assert.Equal("Storm closes harbour", Parse(Page("<title>Storm closes harbour | Coast News</title>", Text)).Title);
        Assert.Equal("Storm closes harbour", Parse(Page(
            "<meta property=og:site_name content=\"The Coast News Company\"><meta property=og:title content=\"Storm closes harbour — The Coast News Company\">", Text)).Title);
        Assert.Equal("Storm closes harbour - what we know", Parse(Page(
            "<meta property=og:title content=\"Storm closes harbour - what we know\">", "<h1>Storm closes harbour - what we know</h1>" + Text)).Title);
    }

    [Fact]
    public void JsonLdInAGraphOutranksMetaTagsAndResolvesAuthorsById()
    {
        var a = Parse(Page("""
            <meta property="og:title" content="Wrong title"><meta name="author" content="Wrong Author">
            <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
              {"@type":"Person","@id":"#ana","name":"Ana Lima"},
              {"@type":["NewsArticle"],"headline":"Harbour reopens","author":[{"@id":"#ana"},"Ben Okafor"],
               "datePublished":"2024-03-05T08:30:00+01:00","articleSection":"Local","keywords":["storms","harbour"],"inLanguage":"pt-BR"}]}</script>
            """, Text));
        Assert.Equal("Harbour reopens", a.Title);
        Assert.Equal(["Ana Lima", "Ben Okafor"], a.Authors);
        Assert.Equal(new DateTimeOffset(2024, 3, 5, 7, 30, 0, TimeSpan.Zero), a.Published);
        Assert.Equal(["Local"], a.Categories);
        Assert.Equal(["storms", "harbour"], a.Tags);
        Assert.Equal("pt-BR", a.Language);
    }

    [Fact]
    public void ABrokenJsonLdBlockLeavesTheOtherSourcesToSpeak()
    {
        var a = Parse(Page("<script type=application/ld+json>{\"@type\": \"NewsArticle\", \"headline\": </script><meta property=og:title content=\"Harbour reopens\">", Text));
        Assert.Equal("Harbour reopens", a.Title);
    }

    [Fact]
    public void LazyImagesResolveToTheWidestRealPictureAgainstTheBaseHref()
    {
        var a = Parse(Page("<base href=\"https://cdn.example.com/news/\"><title>Harbour</title>",
            "<h1>Harbour</h1><figure><img src=\"data:image/gif;base64,R0lGOD\" data-srcset=\"img/boats-400.jpg 400w, img/boats-1600.jpg 1600w, img/boats-800.jpg 800w\">"
            + "<figcaption>Boats at the quay. (Photo Credit: Ana Lima)</figcaption></figure>" + Text));
        var image = Assert.Single(a.Images);
        Assert.Equal(new ImageDescription("boats-1600.jpg", "Boats at the quay.", "Ana Lima", null, "https://cdn.example.com/news/img/boats-1600.jpg"), image);
    }

    [Fact]
    public void RelativeImagesResolveAgainstTheCanonicalUrlAndKeepTheirFileName()
    {
        var a = Parse(Page("<link rel=canonical href=\"https://news.example.com/2024/harbour/\"><meta property=og:image content=\"lead.jpg\"><title>Harbour</title>",
            "<h1>Harbour</h1><figure><img src=\"lead.jpg?w=1200\" alt=\"Boats\"><figcaption>Boats. <span class=\"image-credit\">Photograph: Ben Okafor/Reuters</span></figcaption></figure>" + Text));
        Assert.Equal(new ImageDescription("lead.jpg", "Boats.", "Ben Okafor/Reuters", "Boats", "https://news.example.com/2024/harbour/lead.jpg?w=1200"), Assert.Single(a.Images));
    }

    [Fact]
    public void TheLeadImageAppearsOnceAndPicturesLeaveTheBody()
    {
        var a = Parse(Page("<meta property=og:image content=\"https://news.example.com/lead.jpg\"><title>Harbour</title>",
            "<h1>Harbour</h1><figure><img src=\"https://news.example.com/lead.jpg\"><figcaption>Lead caption.</figcaption></figure>" + Text
            + "<figure><img src=\"https://news.example.com/second.png\"><figcaption>Second caption.</figcaption></figure><p>Last words of the article come here.</p>"));
        Assert.Equal(["lead.jpg", "second.png"], a.Images.Select(i => i.File));
        Assert.DoesNotContain("<img", a.BodyHtml);
        Assert.DoesNotContain("caption.", a.BodyHtml);
        Assert.Contains("Last words of the article", a.BodyHtml);
    }

    [Fact]
    public void TrackingPixelsIconsAndLogoSizedOpenGraphImagesAreNotPictures()
    {
        var a = Parse(Page("<meta property=og:image content=\"https://news.example.com/logo-square.png\"><meta property=og:image:width content=150><title>Harbour</title>",
            "<h1>Harbour</h1>" + Text + "<img src=\"https://t.example.com/p.gif\" width=1 height=1><img src=\"/icons/share.svg\">"));
        Assert.Empty(a.Images);
    }

    [Fact]
    public void WithoutMetadataTheBylineAndTimeElementSpeak()
    {
        var a = Parse(Page("<title>Harbour reopens - Coast News</title>",
            "<h1>Harbour reopens</h1><p class=byline>By <a href=\"/author/ana-lima\">Ana Lima</a> and <a href=\"/author/ben\">Ben Okafor</a></p>"
            + "<time datetime=\"2024-03-05T08:30:00Z\">5 March</time>" + Text));
        Assert.Equal("Harbour reopens", a.Title);
        Assert.Equal(["Ana Lima", "Ben Okafor"], a.Authors);
        Assert.Equal(new DateTimeOffset(2024, 3, 5, 8, 30, 0, TimeSpan.Zero), a.Published);
        Assert.Equal("en", a.Language);
        Assert.DoesNotContain("Ana Lima", a.BodyHtml);
    }

    [Fact]
    public void TheSummaryFallsBackToTheFirstParagraphAsPlainText()
    {
        var a = Parse(Page("<title>Harbour</title>", "<h1>Harbour</h1>" + Text.Replace("Tuesday", "<b>Tuesday</b>")));
        Assert.StartsWith("The harbour reopened on Tuesday after three days", a.Summary);
        Assert.DoesNotContain("<", a.Summary);
    }

    [Fact]
    public void APageCannotForgeTheMarksThatTakePicturesOutOfTheBody()
    {
        var a = Parse(Page("<title>Harbour</title>", $"<h1>Harbour</h1><div data-syndication-frame>{Text}</div>"));
        Assert.Contains("breakwater", a.BodyHtml);
    }

    [Fact]
    public void APageWithoutAnyTitleIsRejectedWithAReason()
    {
        var e = Assert.Throws<ArticleRejectedException>(() => Parse("<html><body><p>Just some text.</p></body></html>"));
        Assert.StartsWith("html: ", e.Message);
    }
}
