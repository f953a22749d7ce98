using Syndication.Articles;
using static Syndication.Tests.Articles.MinimalPages;

namespace Syndication.Tests.Articles;

/// <summary>The date readings and rows of issue 24's third round, each on a minimal page.</summary>
public sealed class DateReadingRuleTests
{
    [Theory]
    [InlineData("http://blog.example.com/2014/05/18/alles-neu/", "2014-05-18")]
    [InlineData("https://example.com/en/2019-12-02-harbour-reopens/", "2019-12-02")]
    public void AnAddressWhosePathStatesTheDayDatesAPageThatStatesNoOther(string address, string expected)
    {
        var page = Explain($"""<title>Harbour reopens</title><link rel="canonical" href="{address}">""", "<article><h1>Harbour reopens</h1>" + Story + "</article>");
        Assert.Equal(DateTimeOffset.Parse(expected + "T00:00:00Z"), page.Article.Published);
        Assert.Equal("published.address-path", page.Decisions["published"]);
    }

    [Theory]
    [InlineData("http://blog.example.com/2018/08/harbour-reopens.html")]
    [InlineData("http://example.com/archive/2018/13/45/harbour-reopens")]
    [InlineData("http://example.com/news/120200622120908039/harbour-reopens")]
    public void AnAddressWithoutAWholeValidDayStatesNone(string address)
    {
        var page = Explain($"""<title>Harbour reopens</title><link rel="canonical" href="{address}">""", "<article><h1>Harbour reopens</h1>" + Story + "</article>");
        Assert.Null(page.Article.Published);
    }

    [Theory]
    [InlineData("08.11.2021 | Online-Fachtag zum Intersex Day: Regenbogenportal", "2021-11-08")]
    [InlineData("Harbour reopens - 5 March 2024", "2024-03-05")]
    public void ADateStandingAsAPartOfTheTitleDatesAPageThatStatesNoOther(string title, string expected)
    {
        var page = Explain($"<title>{title}</title>", "<article><h1>Harbour reopens</h1>" + Story + "</article>", "de");
        Assert.Equal(DateTimeOffset.Parse(expected + "T00:00:00Z"), page.Article.Published);
        Assert.Equal("published.title-part", page.Decisions["published"]);
    }

    [Theory]
    [InlineData("en-US", "2024-05-03")]
    [InlineData("fr", "2024-03-05")]
    public void ASlashedDateInTheTitleIsReadAsThePagesLanguageWritesIt(string lang, string expected)
    {
        var page = Explain("<title>05/03/2024 | Harbour reopens</title>", "<article><h1>Harbour reopens</h1>" + Story + "</article>", lang);
        Assert.Equal(DateTimeOffset.Parse(expected + "T00:00:00Z"), page.Article.Published);
        Assert.Equal("published.title-part", page.Decisions["published"]);
    }

    [Theory]
    [InlineData("Harbour reopens after the storm of 5 March 2024")]
    [InlineData("Harbour reopens | Yearbook 2024")]
    public void ADateInsideTheTitlesWordsIsNotThePages(string title)
    {
        var page = Explain($"<title>{title}</title>", "<article><h1>Harbour reopens</h1>" + Story + "</article>");
        Assert.Null(page.Article.Published);
    }

    [Fact]
    public void AScriptThatWritesADateWhereItStandsIsADatedLine()
    {
        var page = Explain("<title>Harbour reopens</title>",
            """<h1>Harbour reopens</h1><table><tr><td class=main-text><script>showDate("2020/04/17 01:43:09 01:43:09")</script> views 7</td></tr></table>""" + Story);
        Assert.Equal(new DateTimeOffset(2020, 4, 17, 1, 43, 9, TimeSpan.Zero), page.Article.Published);
        Assert.Equal("published.first-dated-line", page.Decisions["published"]);
    }

    [Theory]
    [InlineData("<p>Karlsruhe, (12.11.2021). Traditionell gedenken Christinnen und Christen am Ewigkeitssonntag ihrer Verstorbenen in den Gottesdiensten ihrer Gemeinden, und in diesem Jahr auch im Netz: die Landeskirche lädt zu Andachten ein.</p>", "2021-11-12")]
    [InlineData("<p>BERLIN, 5. März 2024 – Der Hafen ist nach drei Tagen Reparaturen an der Mole wieder geöffnet worden, und die ersten Fähren haben pünktlich abgelegt, wie die Hafenbehörde am Dienstag mitteilte.</p>", "2024-03-05")]
    public void ADatelineOpeningALongParagraphDatesThePage(string paragraph, string expected)
    {
        var page = Explain("<title>Harbour reopens</title>", "<h1>Harbour reopens</h1>" + paragraph + Story, "de");
        Assert.Equal(DateTimeOffset.Parse(expected + "T00:00:00Z"), page.Article.Published);
        Assert.Equal("published.first-dated-line", page.Decisions["published"]);
    }

    // The review of round three: feature copy that opens with a date, and a countdown's date in a script, date nothing.
    [Theory]
    [InlineData("<p>On 5 March 2020 – the day the first case was confirmed here – the harbour office closed its doors, and the ferries stayed in port for the rest of the week while the crews waited.</p>")]
    [InlineData("<div class=event><script>startCountdown(\"2020-08-14 18:00\")</script></div>")]
    public void FeatureCopyOpeningWithADateAndACountdownsScriptAreNoDateline(string html)
    {
        var page = Explain("<title>Harbour reopens</title>", "<h1>Harbour reopens</h1>" + html + Story);
        Assert.Null(page.Article.Published);
    }

    // Designed on the tune half's www.qdaily.com: the zoned data attribute beside the zoneless text a script renders.
    [Fact]
    public void ADateClassedElementsDataAttributeWithItsZoneIsAStampAndOneWithoutIsNot()
    {
        var zoned = Explain("<title>Harbour reopens</title>",
            "<h1>Harbour reopens</h1><div class=author><span class=\"date smart-date\" data-origindate=\"2017-03-01 14:27:02 +0800\"></span><span class=date>2017-03-01 14:27:02</span></div>" + Story);
        Assert.Equal(DateTimeOffset.Parse("2017-03-01T06:27:02Z"), zoned.Article.Published);
        Assert.Equal(TimeSpan.FromHours(8), zoned.Article.Published!.Value.Offset);
        var zoneless = Explain("<title>Harbour reopens</title>",
            "<h1>Harbour reopens</h1><div class=author><span class=\"date smart-date\" data-origindate=\"2017-03-01 14:27:02\"></span><span class=date>2017-03-01 14:27:02</span></div>" + Story);
        Assert.Equal(DateTimeOffset.Parse("2017-03-01T14:27:02Z"), zoneless.Article.Published);
    }

    [Fact]
    public void ALongParagraphThatMentionsADateLaterIsNoDateline()
    {
        var page = Explain("<title>Harbour reopens</title>",
            "<h1>Harbour reopens</h1><p>The council met again and the members argued for hours about the breakwater, the ferries and the fish market, before they agreed on 5 March 2024 to reopen the harbour for all boats.</p>" + Story);
        Assert.Null(page.Article.Published);
    }

    [Theory]
    [InlineData("""<span class="_timestamp" data-time="1594448702" data-time-ms="1594448702000">Jul 10</span>""")]
    [InlineData("""<abbr data-utime="1594448702">Friday</abbr>""")]
    public void AUnixTimeInADataAttributeIsAStamp(string stamp)
    {
        var page = Explain("<title>Harbour reopens</title>", "<article><h1>Harbour reopens</h1><p>" + stamp + "</p>" + Story + "</article>");
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1594448702), page.Article.Published);
        Assert.Equal("published.visible", page.Decisions["published"]);
    }

    [Theory]
    [InlineData("Wochenbericht 14. - 20. Januar 2022", "2022-01-14")]
    [InlineData("Wochenende in Wien 12.10. - 15.10.2023", "2023-10-12")]
    [InlineData("Erschienen am 20. Januar 2022", "2022-01-20")]
    public void ARangeOfDaysIsDatedByItsFirstDay(string line, string expected)
    {
        var page = Explain("<title>Harbour reopens</title>", $"<article><h1>Harbour reopens</h1><p class=date>{line}</p>" + Story + "</article>", "de");
        Assert.Equal(DateTimeOffset.Parse(expected + "T00:00:00Z"), page.Article.Published);
    }

    [Theory]
    [InlineData("""<meta name="date" content="2020-02-12">""", "2020-02-05", "published.visible-before-an-undescribed-meta-date")]
    [InlineData("""<meta property="article:published_time" content="2020-02-12">""", "2020-02-12", "published.meta")]
    [InlineData("""<meta name="date" content="2020-02-01">""", "2020-02-01", "published.meta")]
    public void AVisibleDatelineBeforeAnUndescribedMetaDateIsThePublication(string meta, string expected, string row)
    {
        var page = Explain("<title>Harbour reopens</title>" + meta, "<article><h1>Harbour reopens</h1><p class=date>05.02.2020 - Redaktion: Eberhard Fuhr</p>" + Story + "</article>", "de");
        Assert.Equal(DateTimeOffset.Parse(expected + "T00:00:00Z"), page.Article.Published);
        Assert.Equal(row, page.Decisions["published"]);
    }
}
