using System.Text;
using Syndication.Articles;
using static Syndication.Tests.Articles.MinimalPages;

namespace Syndication.Tests.Articles;

/// <summary>Reading pages as browsers tolerate them: each rule of issue 24 on a minimal page.</summary>
public sealed class RobustPageReadingTests
{
    [Theory]
    [InlineData("<!--\n{\"@type\":\"NewsArticle\",\"headline\":\"Harbour reopens\",\"datePublished\":\"2024-03-05T08:30:00+01:00\"}\n-->")]
    [InlineData("//<![CDATA[\n{\"@type\":\"NewsArticle\",\"headline\":\"Harbour reopens\",\"datePublished\":\"2024-03-05T08:30:00+01:00\"}\n//]]>")]
    [InlineData("<![CDATA[{\"@type\":\"NewsArticle\",\"headline\":\"Harbour reopens\",\"datePublished\":\"2024-03-05T08:30:00+01:00\"}]]>")]
    [InlineData("/*<![CDATA[*/ {\"@type\":\"NewsArticle\",\"headline\":\"Harbour reopens\",\"datePublished\":\"2024-03-05T08:30:00+01:00\"}; /*]]>*/")]
    [InlineData("{\"@type\":\"NewsArticle\",\"headline\":\"Harbour reopens\",\"datePublished\":\"2024-03-05T08:30:00+01:00\"}\n    }")]
    public void StructuredDataIsReadInAnyWrapperBrowsersTolerate(string script)
    {
        var page = Explain($"<title>Harbour reopens</title><script type=\"application/ld+json\">{script}</script>",
            "<article><h1>Harbour reopens</h1><p><time datetime=2020-01-01>1 January 2020</time></p>" + Story + "</article>");
        Assert.Equal("published.jsonld", page.Decisions["published"]);
        Assert.Equal(DateTimeOffset.Parse("2024-03-05T07:30:00Z"), page.Article.Published);
        Assert.Equal(TimeSpan.FromHours(1), page.Article.Published!.Value.Offset);
    }

    [Fact]
    public void LinkListsInMenusAndIdentifierBoxesAreNeverAByline()
    {
        var menu = string.Concat(Enumerable.Range(1, 8).Select(i => $"<a class=author href=/author/writer-{i}>Writer Number{i}</a> "));
        var page = Explain("<title>Harbour reopens</title>",
            $"<nav class=menu><a rel=author href=/people/ana>Ana Lima</a></nav><article><h1>Harbour reopens</h1><div class=authors>{menu}</div>" + Story + "</article>");
        Assert.Empty(page.Article.Authors);
    }

    [Theory]
    [InlineData("By Ana Lima (with Ben Okafor et Carla Diaz)", "Ana Lima|Ben Okafor|Carla Diaz")]
    [InlineData("Written by Ana Lima Edited by Ben Okafor", "Ana Lima")]
    [InlineData("Written by Ana Lima. Reviewed by Dr Ben Okafor", "Ana Lima")]
    [InlineData("By by ANA LIMA, BEN OKAFOR and CARLA DIAZ December 16, 2016, 4:19 PM", "Ana Lima|Ben Okafor|Carla Diaz")]
    [InlineData("Marguerite Reardon E-mail Maggie", "Marguerite Reardon")]
    [InlineData("By Meg Wagner NEW YORK DAILY NEWS", "Meg Wagner")]
    [InlineData("Cécile DUCOURTIEUX", "Cécile DUCOURTIEUX")]
    public void BylinesKeepEveryWriterAndDropOtherRolesAndInterfaceText(string byline, string names) =>
        Assert.Equal(names.Split('|'), Bylines.Names(byline));

    [Fact]
    public void ANamedWriterBesideAnAgencyCreditWins()
    {
        var page = Explain("<title>Harbour reopens</title><meta name=author content=\"Associated Press\">",
            "<article><h1>Harbour reopens</h1><p class=byline>By Ben Okafor, Associated Press</p>" + Story + "</article>");
        Assert.Equal(["Ben Okafor"], page.Article.Authors);
        Assert.Equal("byline.visible", page.Decisions["byline"]);
    }

    [Theory]
    [InlineData("From Metrorail to bike paths, what CEOs think of transit | Harbour Times", "From Metrorail to bike paths, what CEOs think of transit")]
    [InlineData("Transit plans for the harbour | Business Monday | Harbour Times", "Transit plans for the harbour")]
    [InlineData("Transit plans for the harbour｜Business Monday｜Harbour Times", "Transit plans for the harbour")]
    public void ASectionBannerH1GivesWayToTheHeadlineTheTitleStates(string title, string headline)
    {
        var page = Explain($"<title>{title}</title><meta property=og:site_name content=\"Harbour Times\">", "<h1>Business Monday</h1><article>" + Story + "</article>");
        Assert.Equal(headline, page.Article.Title);
        Assert.Equal("headline.title-element-over-banner", page.Decisions["headline"]);
    }

    [Fact]
    public void ADeclaredLegacyCharsetTheBytesContradictIsDecidedByTheBytes()
    {
        var bytes = Encoding.UTF8.GetBytes("<!doctype html><html><head><meta charset=windows-1252><title>Café costs €5</title></head><body><h1>Café costs €5</h1>" + Story + "</body></html>");
        Assert.Equal("Café costs €5", HtmlArticleParser.Parse(bytes).Title);
    }

    [Fact]
    public void AVisibleTimeOnTheDayTheMetadataStatesIsTheMorePreciseDate()
    {
        var page = Explain("<title>Harbour reopens</title><meta name=date content=2016-12-15>",
            "<article><h1>Harbour reopens</h1><p><time datetime=2016-12-15T15:33:00-05:00>15 December 2016</time></p>" + Story + "</article>");
        Assert.Equal(DateTimeOffset.Parse("2016-12-15T20:33:00Z"), page.Article.Published);
        Assert.Equal("published.visible-time-on-the-metadata-day", page.Decisions["published"]);
    }

    [Fact]
    public void TheVisibleHeadlineOutranksASocialTitle()
    {
        var page = Explain("<title>13 Ways To Compliment Women</title><meta property=og:title content=\"13 Ways To Compliment Women\">",
            "<article><h1>The Transformative Power Of Compliments</h1>" + Story + "</article>");
        Assert.Equal("The Transformative Power Of Compliments", page.Article.Title);
        Assert.Equal("headline.visible-over-social-title", page.Decisions["headline"]);
    }

    [Fact]
    public void AnUnspacedSeparatorBeforeTheSiteNameIsCut() =>
        Assert.Equal("メディア芸術祭賞が受賞", HtmlTitle.Clean("メディア芸術祭賞が受賞：朝日新聞デジタル", "朝日新聞デジタル", null));

    [Fact]
    public void MetaTagsWrittenWithValueInsteadOfContentAreRead()
    {
        var page = Explain("<title>Harbour reopens</title><meta value=\"Maggie Winterfeldt\" name=\"article:author\"><meta value=\"2016-12-19T12:55:00-08:00\" name=\"article:published_time\">",
            "<article><h1>Harbour reopens</h1>" + Story + "</article>");
        Assert.Equal(["Maggie Winterfeldt"], page.Article.Authors);
        Assert.Equal("2016-12-19", page.Article.Published!.Value.Date.ToString("yyyy-MM-dd"));
    }

    // Round three (issue 24's list of failure kinds, each read in general on minimal pages).

    [Theory]
    [InlineData("<ul role=menu><li class=author><a href=/authors/ana-lima>Ana Lima</a></li></ul>")]
    [InlineData("<div role=menubar><span class=byline><a rel=author href=/people/ana>Ana Lima</a></span></div>")]
    [InlineData("<div class=navbar><p class=author>By <a href=/author/ana>Ana Lima</a></p></div>")]
    [InlineData("<div id=site-navigation><p class=author>By <a href=/author/ana>Ana Lima</a></p></div>")]
    [InlineData("<footer class=site-footer><p class=author>By <a href=/author/ana>Ana Lima</a></p></footer>")]
    [InlineData("<ul class=authors><li>Ana Lima</li><li>Ben Okafor</li><li>Carla Diaz</li><li>Dan Ito</li><li>Eve Moss</li><li>Finn Roe</li><li>Gil Vaz</li></ul>")]
    public void LinkListsInSiteMenusNavigationAndFootersAreNeverAByline(string list)
    {
        var page = Explain("<title>Harbour reopens</title>", $"<header>{list}</header><article><h1>Harbour reopens</h1>" + Story + "</article>");
        Assert.Empty(page.Article.Authors);
    }

    [Theory]
    [InlineData("Jane Doe (Brussels, correspondent)", "Jane Doe")]
    [InlineData("Jean Dupont (Bruxelles)", "Jean Dupont")]
    [InlineData("Par Jean Dupont (à Berlin)", "Jean Dupont")]
    [InlineData("By Ana Lima [Lisbon]", "Ana Lima")]
    [InlineData("By Ana Lima (Reuters)", "Ana Lima")]
    [InlineData("By Ana Lima (with Ben Okafor", "Ana Lima|Ben Okafor")]
    [InlineData("By Ana Lima (", "Ana Lima")]
    [InlineData("Ana Lima (avec Ben Okafor et Carla Diaz)", "Ana Lima|Ben Okafor|Carla Diaz")]
    [InlineData("Von Ana Lima (mit Ben Okafor und Carla Diaz)", "Ana Lima|Ben Okafor|Carla Diaz")]
    [InlineData("Por Ana Lima (con Ben Okafor)", "Ana Lima|Ben Okafor")]
    [InlineData("Ana Lima) and Ben Okafor", "Ana Lima|Ben Okafor")]
    [InlineData("By Ana Lima (and Ben Okafor)", "Ana Lima|Ben Okafor")]
    [InlineData("By John (Jack) Smith", "John Smith")]
    public void ABylineNeverEndsInsideABracketAndAParentheticalPlaceOrRoleIsANote(string byline, string names)
    {
        var read = Bylines.Names(byline);
        Assert.Equal(names.Split('|'), read);
        Assert.All(read, n => Assert.Equal(n.Count(c => c == '('), n.Count(c => c == ')')));
    }

    [Theory]
    [InlineData("<h1>Harbour reopens<p class=standfirst>After three days of repairs the ferries run again</p></h1>")]
    [InlineData("<h1><span>Harbour reopens</span><div class=dek>After three days of repairs the ferries run again</div></h1>")]
    [InlineData("<h1><div>Harbour reopens</div><div class=subtitle>After three days of repairs the ferries run again</div></h1>")]
    public void ADekInsideTheHeadlineElementIsNotRunIntoTheHeadline(string h1)
    {
        var page = Explain("<title>Harbour reopens | Harbour Times</title><meta property=og:site_name content=\"Harbour Times\">", "<article>" + h1 + Story + "</article>");
        Assert.Equal("Harbour reopens", page.Article.Title);
    }

    [Theory]
    [InlineData("港が再開 : スポーツ : 港タイムズ", "港タイムズ", "<h1>港が再開</h1>", "港が再開")]
    [InlineData("港が再開｜スポーツ｜港タイムズ", "港タイムズ", "<h1>港が再開</h1>", "港が再開")]
    [InlineData("Harbour reopens_Sport_Harbour Times", "Harbour Times", "<h1>Harbour reopens</h1>", "Harbour reopens")]
    [InlineData("Transit plans for the harbour｜Business Monday｜Harbour Times", "Harbour Times", "<h1>Business Monday</h1>", "Transit plans for the harbour")]
    public void ASiteOrSectionSuffixJoinedWithAFullWidthOrUnspacedSeparatorIsCut(string title, string site, string h1, string headline)
    {
        var page = Explain($"<title>{title}</title><meta property=og:title content=\"{title}\"><meta property=og:site_name content=\"{site}\">",
            h1 + "<article>" + Story + "</article>");
        Assert.Equal(headline, page.Article.Title);
    }

    [Fact]
    public void ATitleClassedSecondHeadingOutranksTheSitesNameInTheFirst()
    {
        var page = Explain("<title>Transit plans for the harbour_Harbour Times</title>",
            "<header><h1 class=logo><a href=/>Harbour Times</a></h1></header><div class=article><h2 class=title>Transit plans for the harbour</h2>" + Story + "</div>");
        Assert.Equal("Transit plans for the harbour", page.Article.Title);
    }
}
