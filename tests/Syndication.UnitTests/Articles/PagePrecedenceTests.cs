using Syndication.Articles;
using static Syndication.Tests.Articles.MinimalPages;

namespace Syndication.Tests.Articles;

/// <summary>Which row of the precedence table decides each field, on minimal pages.</summary>
public sealed class PagePrecedenceTests
{
    private static IReadOnlyDictionary<string, string> Rows(string head, string body) => Explain(head, body).Decisions;

    [Fact]
    public void JsonLdDecidesHeadlineBylineAndDateWhenItStatesThem()
    {
        var rows = Rows("""
            <title>Harbour reopens | Harbour Times</title>
            <script type="application/ld+json">{"@type":"NewsArticle","headline":"Harbour reopens","datePublished":"2024-03-05T08:30:00Z",
              "author":{"@type":"Person","name":"Ana Lima"}}</script>
            """, "<article><h1>Harbour reopens</h1>" + Story + "</article>");
        Assert.Equal("headline.visible-same-words-as-metadata", rows["headline"]);
        Assert.Equal("byline.jsonld-person", rows["byline"]);
        Assert.Equal("published.jsonld", rows["published"]);
        Assert.Equal("language.html-lang", rows["language"]);
    }

    [Fact]
    public void TheVisibleHeadlineWinsWhenTheTitleElementConfirmsIt()
    {
        var rows = Rows("""<title>Harbour reopens after storm repairs - Harbour Times</title><meta property="og:title" content="You will not believe this harbour">""",
            "<article><h1>Harbour reopens after storm repairs</h1><p class=byline>By Ben Okafor</p>" + Story + "</article>");
        Assert.Equal("headline.visible-confirmed-by-title", rows["headline"]);
        Assert.Equal("byline.visible", rows["byline"]);
        Assert.Equal("summary.first-paragraph", rows["summary"]);
    }

    [Fact]
    public void AnAgencyTheMetadataCreditsGivesWayToTheWriterTheMarkupNames()
    {
        var rows = Rows("""<title>Harbour reopens</title><meta name="author" content="Reuters"><meta property="article:published_time" content="2024-03-05">""",
            "<article><h1>Harbour reopens</h1><p class=byline>By Ben Okafor</p>" + Story + "</article>");
        Assert.Equal("byline.visible", rows["byline"]);
        Assert.Equal("published.meta", rows["published"]);
    }

    [Fact]
    public void AnAgencyAloneIsTheBylineByItsOwnRow()
    {
        var rows = Rows("""<title>Harbour reopens</title><meta name="author" content="Reuters">""", "<article><h1>Harbour reopens</h1>" + Story + "</article>");
        Assert.Equal("byline.agency-or-staff-only-when-no-writer", rows["byline"]);
        Assert.Equal("published.none", rows["published"]);
    }
}
