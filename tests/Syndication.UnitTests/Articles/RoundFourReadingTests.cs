using static Syndication.Tests.Articles.MinimalPages;

namespace Syndication.Tests.Articles;

/// <summary>Issue 24 round four: the readings designed on the fundus corpus's tune half, each on a minimal page.</summary>
public sealed class RoundFourReadingTests
{
    private const string Head = "<title>Harbour reopens after the storm</title>";

    [Theory]
    [InlineData("&quot;No le soporto&quot;: Verstappen y Russell", "\"No le soporto\": Verstappen y Russell")]
    [InlineData("Mexico to fight &#8216;illogical&#8217; tariffs", "Mexico to fight ‘illogical’ tariffs")]
    public void CharacterReferencesInJsonLdAreDecodedOnce(string written, string meant)
    {
        var page = Explain($$"""<script type="application/ld+json">{"@type":"NewsArticle","headline":"{{written}}"}</script>""",
            "<article>" + Story + "</article>");
        Assert.Equal(meant, page.Article.Title);
        Assert.Equal("headline.jsonld", page.Decisions["headline"]);
    }

    [Fact]
    public void JsonLdTextWithAnAmpersandButNoReferenceIsKeptAsWritten()
    {
        var page = Explain("""<script type="application/ld+json">{"@type":"NewsArticle","headline":"Salt & pepper &c. at the harbour"}</script>""",
            "<article>" + Story + "</article>");
        Assert.Equal("Salt & pepper &c. at the harbour", page.Article.Title);
    }

    [Fact]
    public void AHeadingWhoseKickerLostItsColonTakesTheStatedHeadline()
    {
        var page = Explain("""<title>Ahrtal-Flut: Zwei Rücktritte | tagesschau.de</title><meta property="og:title" content="Ausschuss zur Ahrtal-Flut: Zwei Rücktritte - und viele offene Fragen">""",
            "<article><h1><span class=kicker>Ausschuss zur Ahrtal-Flut</span> <span>Zwei Rücktritte - und viele offene Fragen</span></h1>" + Story + "</article>", "de");
        Assert.Equal("Ausschuss zur Ahrtal-Flut: Zwei Rücktritte - und viele offene Fragen", page.Article.Title);
        Assert.Equal("headline.metadata-with-the-kicker-colon", page.Decisions["headline"]);
    }

    [Fact]
    public void AHeadingWithItsOwnColonKeepsTheVisibleText()
    {
        var page = Explain("""<meta property="og:title" content="Ahrtal: Ausschuss zur Flut: Zwei Rücktritte">""",
            "<article><h1>Ahrtal Ausschuss zur Flut: Zwei Rücktritte</h1>" + Story + "</article>", "de");
        Assert.NotEqual("headline.metadata-with-the-kicker-colon", page.Decisions["headline"]);
    }

    [Fact]
    public void ABylineThatLinksOnlyOneOfItsWritersNamesThemAll()
    {
        var page = Explain(Head, """<article><h1>Harbour reopens after the storm</h1><div class="Page-authors">By <span>Steve Peoples</span>, <a href="/author/thomas-beaumont">Thomas Beaumont</a> and <span>Amelia Thomson-Deveaux</span></div>""" + Story + "</article>");
        Assert.Equal(["Steve Peoples", "Thomas Beaumont", "Amelia Thomson-Deveaux"], page.Article.Authors);
    }

    [Fact]
    public void ABylineWhoseLinksAreAllItsWritersStaysAsLinked()
    {
        var page = Explain(Head, """<article><h1>Harbour reopens after the storm</h1><p class="byline">By <a href="/author/ana-lima">Ana Lima</a>, Senior Editor</p>""" + Story + "</article>");
        Assert.Equal(["Ana Lima"], page.Article.Authors);
    }

    [Fact]
    public void OneBylineElementPerWriterNamesEveryWriter()
    {
        var page = Explain(Head, """<article><h1>Harbour reopens after the storm</h1><dl class="author"><a href="/author/554"><dt class="name">Ana Lima</dt></a></dl><dl class="author"><a href="/author/377"><dt class="name">Ben Okafor</dt></a></dl>""" + Story + "</article>");
        Assert.Equal(["Ana Lima", "Ben Okafor"], page.Article.Authors);
    }

    [Fact]
    public void ABrandBeforeTheBylinesOpeningWordIsNotAWriter()
    {
        var page = Explain(Head, """<article><h1>Harbour reopens after the storm</h1><div class="authors"><span class="brand">capital</span><ul><li><span> von </span><span class="bold">Jemima Kelly</span></li></ul></div>""" + Story + "</article>", "de");
        Assert.Equal(["Jemima Kelly"], page.Article.Authors);
    }

    [Fact]
    public void TheNameTheSitesAddressGivesItIsNotAnAuthor()
    {
        var page = Explain(Head + """<link rel="canonical" href="https://krautreporter.de/1234-harbour"><script type="application/ld+json">{"@type":"NewsArticle","headline":"Harbour reopens after the storm","author":{"@type":"Person","name":"Krautreporter"}}</script>""",
            """<article><h1>Harbour reopens after the storm</h1><p class="byline">Von Shany Littman</p>""" + Story + "</article>", "de");
        Assert.Equal(["Shany Littman"], page.Article.Authors);
    }

    [Fact]
    public void ASectionKickerBeforeTheStatedHeadlineInTheHeadingIsLeftOut()
    {
        var page = Explain("""<meta property="og:title" content="Ehrengast der Frankfurter Buchmesse: Was lesen die Philippinen?">""",
            "<article><h1>Kultur : Ehrengast der Frankfurter Buchmesse: Was lesen die Philippinen?</h1>" + Story + "</article>", "de");
        Assert.Equal("Ehrengast der Frankfurter Buchmesse: Was lesen die Philippinen?", page.Article.Title);
        Assert.Equal("headline.stated-without-the-visible-kicker", page.Decisions["headline"]);
    }

    [Fact]
    public void ALongLeadBeforeTheStatedHeadlineIsNotTakenForAKicker()
    {
        var page = Explain("""<meta property="og:title" content="Was lesen die Philippinen?">""",
            "<article><h1>Ehrengast der Frankfurter Buchmesse in diesem Herbst: Was lesen die Philippinen?</h1>" + Story + "</article>", "de");
        Assert.NotEqual("headline.stated-without-the-visible-kicker", page.Decisions["headline"]);
    }

    [Fact]
    public void APicturesMarkedAuthorIsNotTheArticlesByline()
    {
        var page = Explain(Head, """<article><h1>Harbour reopens after the storm</h1><figure><img src="/a.jpg"><figcaption itemprop="author">Foto: Mads Claus Rasmussen</figcaption></figure><p class="byline">By Ana Lima</p>""" + Story + "</article>");
        Assert.Equal(["Ana Lima"], page.Article.Authors);
    }

    [Theory]
    [InlineData("Trine Juncher Jørgensen og Tôrtia Reimer-Johansen", "Trine Juncher Jørgensen|Tôrtia Reimer-Johansen")]
    [InlineData("Anna Lindqvist och Erik Berg", "Anna Lindqvist|Erik Berg")]
    public void DanishNorwegianAndSwedishBylinesKeepBothWriters(string byline, string names) =>
        Assert.Equal(names.Split('|'), Syndication.Articles.Bylines.Names(byline));
}
