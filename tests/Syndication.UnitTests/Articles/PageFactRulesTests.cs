using System.Text;
using Syndication.Articles;

namespace Syndication.Tests.Articles;

/// <summary>The rules behind a page's headline, byline and stated date, one at a time (the corpus holds them together).</summary>
public sealed class PageFactRulesTests
{
    private const string Story =
        "<p>The harbour reopened on Tuesday after three days of repairs to the breakwater, and the first ferries left on time.</p>"
        + "<p>Fishermen said the storm was the worst in forty years, and the port authority promised a review of the sea defences.</p>";

    private static ParsedArticle Parse(string head, string body, string lang = "en") =>
        HtmlArticleParser.Parse(Encoding.UTF8.GetBytes($"<!doctype html><html lang={lang}><head><meta charset=utf-8>{head}</head><body>{body}</body></html>"));

    [Theory]
    [InlineData("By Ana Lima and Ben Okafor", "Ana Lima|Ben Okafor")]
    [InlineData("Jane Doe, Health correspondent, BBC Wales News", "Jane Doe")]
    [InlineData("Nicholas Ngugi, AFP", "Nicholas Ngugi")]
    [InlineData("By JIM SALTER Associated Press", "Jim Salter")]
    [InlineData("The Associated Press", "The Associated Press")]
    [InlineData("m.oduya@harbourtimes.example (Mercy Oduya)", "Mercy Oduya")]
    [InlineData("Liam Chow Follow Author", "Liam Chow")]
    [InlineData("Username", "")]
    [InlineData("Article written by", "")]
    [InlineData("Contributors to Wikimedia projects", "")]
    [InlineData("https://news.example/people/jane-doe/", "")]
    [InlineData("2024-03-05 08:30 来源：新华社 作者：王晓明 责任编辑：李娜", "王晓明")]
    [InlineData("〔記者王大明／花蓮報導〕", "王大明")]
    [InlineData("김민수 기자 minsu.kim@hanbit.example", "김민수")]
    [InlineData("Автор: Иван Петров", "Иван Петров")]
    [InlineData("Jean d’Ormesson", "Jean d’Ormesson")]
    [InlineData("Michael Bloomberg", "Michael Bloomberg")]
    [InlineData("Jane Doe AFP", "Jane Doe")]
    public void BylinesGiveTheWritersNamesAlone(string byline, string names) =>
        Assert.Equal(names.Split('|', StringSplitOptions.RemoveEmptyEntries), Bylines.Names(byline));

    [Theory]
    [InlineData("Tue 5 Mar 2024 08.30 GMT", "2024-03-05T08:30:00Z")]
    [InlineData("Published: Mar. 5, 2024 at 9:45 PM CST", "2024-03-06T03:45:00Z")]
    [InlineData("Veröffentlicht: 05.03.2024, 08:30 Uhr", "2024-03-05T08:30:00Z")]
    [InlineData("Publié le 5 mars 2024 à 08h30", "2024-03-05T08:30:00Z")]
    [InlineData("5 de marzo de 2024 - 08:30 CET", "2024-03-05T07:30:00Z")]
    [InlineData("5 марта 2024, 08:30", "2024-03-05T08:30:00Z")]
    [InlineData("2024年3月16日 8時30分", "2024-03-16T08:30:00Z")]
    [InlineData("입력 2024.03.05 08:30", "2024-03-05T08:30:00Z")]
    [InlineData("Thursday, February 22, 2024", "2024-02-22T00:00:00Z")]
    public void DatelinesAreReadWithTheirTimeAndZone(string line, string expected) =>
        Assert.Equal(DateTimeOffset.Parse(expected), Datelines.Read(line).First().When.When);

    [Fact]
    public void ADatelineLabelledAsAnUpdateIsNotThePublicationDate()
    {
        var kinds = Datelines.Read("Publié le 5 mars 2024 à 08h30, mis à jour le 6 mars 2024 à 10h12").Select(s => s.Kind);
        Assert.Equal([Datelines.Kind.Published, Datelines.Kind.Modified], kinds);
        Assert.Null(Parse("<title>Blue Badge permits</title>", "<h1>Blue Badge permits</h1>" + Story + "<p class=last-updated>Last updated: 5 March 2024</p>").Published);
    }

    [Fact]
    public void AnUpdatedTimeBeforeThePublishedOneIsSkipped()
    {
        var page = Parse("<title>Parks fee</title>", "<article><h1>Parks fee</h1><p>Updated <time datetime=2024-03-07T15:20:00Z>7 March</time> "
            + "Published <time datetime=2024-03-05T06:00:00Z>5 March</time></p>" + Story + "</article>");
        Assert.Equal(new DateTimeOffset(2024, 3, 5, 6, 0, 0, TimeSpan.Zero), page.Published);
    }

    [Fact]
    public void AZoneAbbreviationInMetadataIsTheOffsetItNames() =>
        Assert.Equal(new DateTimeOffset(2024, 3, 5, 13, 30, 0, TimeSpan.Zero),
            Parse("<title>Plow contract</title><meta name=date content=\"Tue, 05 Mar 2024 08:30:00 EST\">", "<h1>Plow contract</h1>" + Story).Published);

    [Fact]
    public void ADateMentionedInTheStoryIsNotItsDate() =>
        Assert.Null(Parse("<title>The festival</title>", "<h1>The festival</h1><p>The Gathering, first held on 12 June 1976 in a field, still sells only 800 tickets.</p>" + Story).Published);

    [Fact]
    public void ASectionBannerBeforeTheHeadlineIsNotTheHeadline() =>
        Assert.Equal("Pollen allergy: how to cope", Parse("<title>Pollen allergy: how to cope - Allergies Health Center</title>",
            "<div class=banner><h1>Allergies Health Center</h1></div><div><h1>Pollen allergy: how to cope</h1>" + Story + "</div>").Title);

    [Fact]
    public void AWikisTypeLabelLosesToTheTitleThePageShows() =>
        Assert.Equal("List of lighthouses in Wales", Parse("<title>List of lighthouses in Wales - Wikipedia</title><script type=application/ld+json>"
            + "{\"@type\":\"Article\",\"name\":\"List of lighthouses in Wales\",\"headline\":\"Wikimedia list article\"}</script>",
            "<main><h1>List of lighthouses in Wales</h1>" + Story + "</main>").Title);

    [Fact]
    public void AShortenedSocialTitleLosesToTheFullHeadline() =>
        Assert.Equal("Council approves £2.3bn budget after late-night vote", Parse("<title>Council approves budget | Post</title>"
            + "<meta property=og:title content=\"Council approves budget\">", "<h1>Council approves £2.3bn budget after late-night vote</h1>" + Story).Title);

    [Fact]
    public void ANamedWriterOutranksTheAgencyTheMetadataCredits()
    {
        var page = Parse("<title>Water rights</title><script type=application/ld+json>{\"@type\":\"NewsArticle\",\"headline\":\"Water rights\","
            + "\"author\":[{\"@type\":\"Organization\",\"name\":\"The Associated Press\"}]}</script>",
            "<article><h1>Water rights</h1><div class=byline>By Lindsay Whitehurst, The Associated Press</div>" + Story + "</article>");
        Assert.Equal(["Lindsay Whitehurst"], page.Authors);
    }

    [Fact]
    public void AnUndeclaredChinesePageIsReadInTheEncodingItsLanguageImplies()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var bytes = Encoding.GetEncoding("gb18030").GetBytes("<html lang=zh-CN><head><title>春运返程高峰到来</title></head><body><h1>春运返程高峰到来</h1>" + Story + "</body></html>");
        Assert.Equal("春运返程高峰到来", HtmlArticleParser.Parse(bytes).Title);
    }
}
