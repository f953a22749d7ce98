using Syndication.Articles;
using static Syndication.Tests.Articles.MinimalPages;

namespace Syndication.Tests.Articles;

/// <summary>The rows and reading rules added for issue 24's held-out goals, each on a minimal page.</summary>
public sealed class LooseDateRuleTests
{
    [Theory]
    [InlineData("""<script id="__NEXT_DATA__" type="application/json">{"props":{"post":{"publishedAt":"2024-03-05T08:30:00Z"}}}</script>""")]
    [InlineData("""<script>window.state = {"article":{"datePublished":"2024-03-05T08:30:00Z","dateModified":"2024-03-06T10:00:00Z"}};</script>""")]
    [InlineData("""<script>var data = "{\"published_at\":\"2024-03-05T08:30:00Z\"}";</script>""")]
    public void APublicationDateInAnyScriptsDataIsReadWhenNoMarkedPlaceStatesOne(string script)
    {
        var page = Explain("<title>Harbour reopens</title>" + script, "<article><h1>Harbour reopens</h1>" + Story + "</article>");
        Assert.Equal(DateTimeOffset.Parse("2024-03-05T08:30:00Z"), page.Article.Published);
        Assert.Equal("published.script-data", page.Decisions["published"]);
    }

    [Fact]
    public void TheFirstDatedLineOfThePageIsTheLastResort()
    {
        var page = Explain("<title>Harbour reopens</title>",
            "<div class=teaser><h5>Datum:</h5> 03.02.2022</div><article><h1>Harbour reopens</h1>" + Story + "</article><footer>Stand 01.01.2023</footer>", "de");
        Assert.Equal(new DateTimeOffset(2022, 2, 3, 0, 0, 0, TimeSpan.Zero), page.Article.Published);
        Assert.Equal("published.first-dated-line", page.Decisions["published"]);
    }

    [Theory]
    [InlineData("<p>Medically reviewed by <a href=/r/bell>Marcus Bell</a> on April 02, 2024</p>")]
    [InlineData("<p>The festival was first held on 12 June 1976 in a field behind the old harbour master's house, and it has grown every year since then.</p>")]
    [InlineData("<div class=comments><p>Posted 5 March 2024</p></div>")]
    public void AChangeASentenceOrACommentIsNeverTheFirstDatedLine(string line)
    {
        var page = Explain("<title>Harbour reopens</title>", "<h1>Harbour reopens</h1>" + line + Story);
        Assert.Null(page.Article.Published);
        Assert.Equal("published.none", page.Decisions["published"]);
    }

    [Theory]
    [InlineData("fr", "Publié le 05/03/2024", "2024-03-05")]
    [InlineData("en-GB", "Posted: 05/03/2024 08:30", "2024-03-05T08:30:00Z")]
    [InlineData("en-US", "Posted: 05/03/2024", "2024-05-03")]
    [InlineData("en", "Posted: 17/03/2020", "2020-03-17")]
    [InlineData("de", "Stand: 17-03-2020", "2020-03-17")]
    [InlineData("en", "Dec. 22, 2016 5:00 a.m. PT", "2016-12-22T13:00:00Z")]
    [InlineData("en", "June 1, 2019 8:34 PM ET", "2019-06-02T00:34:00Z")]
    [InlineData("en", "March 10, 2024 9:00 AM CT", "2024-03-10T14:00:00Z")]
    [InlineData("en", "March 8, 2020 1:30 AM ET", "2020-03-08T06:30:00Z")] // before the 2 a.m. change: still standard time
    [InlineData("en", "March 8, 2020 3:30 AM ET", "2020-03-08T07:30:00Z")]
    [InlineData("en", "March 20, 2006 9:00 AM ET", "2006-03-20T14:00:00Z")] // before 2007 daylight time began in April
    [InlineData("en", "April 2, 2006 9:00 AM ET", "2006-04-02T13:00:00Z")]
    [InlineData("fr", "5 mars 2024 08:30 et mis en ligne", "2024-03-05T08:30:00Z")]
    public void SlashedDatesAndUnitedStatesZonesAreReadAsThePagesLanguageAndTheSeasonOfTheirDaySay(string lang, string line, string expected)
    {
        var page = Explain("<title>Harbour reopens</title>", $"<article><h1>Harbour reopens</h1><p class=date>{line}</p>" + Story + "</article>", lang);
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal), page.Article.Published);
    }

    [Fact]
    public void ASlashedDateThatReadsTwoWaysOnAPageOfUnknownLocaleIsNotGuessed()
    {
        var page = Explain("<title>Harbour reopens</title>", "<article><h1>Harbour reopens</h1><p class=date>Posted: 05/03/2024</p>" + Story + "</article>");
        Assert.Null(page.Article.Published);
    }

    [Fact]
    public void WhenJsonLdAndMetaTagsDisagreeTheDayTheVisibleDatelineStatesDecides()
    {
        var page = Explain("""<title>Harbour reopens</title><script type="application/ld+json">{"@type":"NewsArticle","headline":"Harbour reopens","datePublished":"2022-01-04T07:29:00Z"}</script><meta property="article:published_time" content="2022-01-06T08:29:34Z">""",
            "<article><h1>Harbour reopens</h1><div class=article-date>06.01.2022</div>" + Story + "</article>", "de");
        Assert.Equal(DateTimeOffset.Parse("2022-01-06T08:29:34Z"), page.Article.Published);
        Assert.Equal("published.meta-the-visible-day-confirms", page.Decisions["published"]);
    }

    [Fact]
    public void ACustomTimeElementWithADatetimeIsAStamp()
    {
        var page = Explain("<title>Harbour reopens</title>",
            "<article><h1>Harbour reopens</h1><p>opened this issue <relative-time datetime=2020-07-07T12:10:51Z>on 7 Jul 2020</relative-time></p>" + Story + "</article>");
        Assert.Equal(DateTimeOffset.Parse("2020-07-07T12:10:51Z"), page.Article.Published);
        Assert.Equal("published.visible", page.Decisions["published"]);
    }

    [Fact]
    public void CxensesPublishTimeTagIsAMetaDate()
    {
        var page = Explain("""<title>Harbour reopens</title><meta name="cXenseParse:recs:publishtime" value="2019-03-05T08:15:11+0900">""",
            "<ul><li><a href=/other><time datetime=2022-08-09T08:10:03+09:00>2022.8.9</time></a></li></ul><article><h1>Harbour reopens</h1>" + Story + "</article>", "ja");
        Assert.Equal(DateTimeOffset.Parse("2019-03-04T23:15:11Z"), page.Article.Published);
        Assert.Equal("published.meta", page.Decisions["published"]);
    }

    [Fact]
    public void AVisibleLocalTimeOfTheMetadatasUtcInstantGivesThePagesOffsetAndDay()
    {
        var page = Explain("""<title>Harbour reopens</title><meta property="article:published_time" content="2023-11-09T01:09:55+00:00">""",
            "<article><h1>Harbour reopens</h1><p><time datetime=\"2023-11-08 18:09:55\">November 8, 2023 at 6:09 p.m.</time></p>" + Story + "</article>");
        Assert.Equal(DateTimeOffset.Parse("2023-11-09T01:09:55Z"), page.Article.Published);
        Assert.Equal(TimeSpan.FromHours(-7), page.Article.Published!.Value.Offset);
        Assert.Equal("published.metadata-instant-in-the-visible-local-time", page.Decisions["published"]);
    }

    [Theory]
    [InlineData("<time datetime=\"2022-10-17 16:01:26\">10/17/2022 04:01 PM EDT</time>", "2022-10-17T20:01:26Z")]
    [InlineData("<time itemprop=datePublished datetime=\"2022-10-11 08:00:00\">10/11/2022 08:00 AM EDT</time>", "2022-10-11T12:00:00Z")]
    [InlineData("<time datetime=\"2022-10-17 16:01:26\">10/17/2022 04:01 PM</time>", "2022-10-17T16:01:26Z")]
    [InlineData("<time datetime=\"2022-10-17T16:01:26+02:00\">10/17/2022 04:01 PM EDT</time>", "2022-10-17T14:01:26Z")]
    public void AStampWithoutAZoneIsInTheZoneItsOwnTextStatesForThatTime(string stamp, string expected)
    {
        var page = Explain("<title>Harbour reopens</title>", "<article><h1>Harbour reopens</h1><p>" + stamp + "</p>" + Story + "</article>", "en");
        Assert.Equal(DateTimeOffset.Parse(expected), page.Article.Published);
        Assert.Equal("published.visible", page.Decisions["published"]);
    }

    [Theory]
    [InlineData("https://example.com/video/id-5348771529001/veteran-beats-covid", "2020-04-24T21:25:06Z", "published.meta-when-jsonld-is-another-page")]
    [InlineData("http://www.example.com/news/national/veteran-beats-covid/", "2020-04-25T07:25:06Z", "published.jsonld")]
    public void JsonLdThatNamesAnotherPageThanTheCanonicalOneDoesNotDateThisPage(string mainEntity, string expected, string row)
    {
        var page = Explain($$"""<title>Harbour reopens</title><link rel="canonical" href="https://example.com/news/national/veteran-beats-covid"><meta property="article:published_time" content="2020-04-24T21:25:06+00:00"><script type="application/ld+json">{"@type":"NewsArticle","mainEntityOfPage":"{{mainEntity}}","headline":null,"datePublished":"2020-04-25T07:25:06Z"}</script>""",
            "<article><h1>Harbour reopens</h1>" + Story + "</article>");
        Assert.Equal(DateTimeOffset.Parse(expected), page.Article.Published);
        Assert.Equal(row, page.Decisions["published"]);
    }
}
