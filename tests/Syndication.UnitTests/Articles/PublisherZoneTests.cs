using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Syndication.Articles;
using static Syndication.Tests.Articles.MinimalPages;

namespace Syndication.Tests.Articles;

/// <summary>
/// The publisher's zone (Syndication__TimeZone): a time a document states without a zone is that wall-clock time in
/// it, in every document shape; a stated zone is never changed; a day alone stays that day; the rows decide as before.
/// </summary>
public sealed class PublisherZoneTests
{
    private static readonly TimeZoneInfo NewYork = PublisherZone.Find("America/New_York")!;
    private static readonly TimeZoneInfo Tokyo = PublisherZone.Find("Asia/Tokyo")!;

    private static DateTimeOffset? Published(string stamp, TimeZoneInfo? zone, string head = "") =>
        Explain("<title>Harbour reopens</title>" + head, "<article><h1>Harbour reopens</h1><p>" + stamp + "</p>" + Story + "</article>", "en", zone).Article.Published;

    [Theory]
    [InlineData("<time datetime=\"2016-12-16T16:19:00\">Dec 16</time>", "")]
    [InlineData("Published December 16, 2016 at 4:19 PM", "")]
    [InlineData("<span class=date>16.12.2016, 16:19</span>", "")]
    [InlineData("", """<script type="application/ld+json">{"@type":"NewsArticle","headline":"Harbour reopens","datePublished":"2016-12-16T16:19:00"}</script>""")]
    [InlineData("", """<meta property="article:published_time" content="2016-12-16 16:19">""")]
    public void AZonelessTimeOfAPageIsThatWallClockTimeInThePublishersZone(string visible, string head)
    {
        Assert.Equal(new DateTimeOffset(2016, 12, 16, 16, 19, 0, TimeSpan.FromHours(-5)), Published(visible, NewYork, head));
        Assert.Equal(TimeSpan.FromHours(-5), Published(visible, NewYork, head)!.Value.Offset);
        Assert.Equal(new DateTimeOffset(2016, 12, 16, 16, 19, 0, TimeSpan.Zero), Published(visible, null, head));
    }

    [Theory]
    [InlineData("<time datetime=\"2016-12-16T16:19:00Z\">Dec 16</time>", "2016-12-16T16:19:00Z")]
    [InlineData("<time datetime=\"2016-12-16T16:19:00+02:00\">Dec 16</time>", "2016-12-16T14:19:00Z")]
    [InlineData("Published December 16, 2016 at 4:19 PM EST", "2016-12-16T21:19:00Z")]
    [InlineData("Published December 16, 2016 at 4:19 PM PT", "2016-12-17T00:19:00Z")]
    [InlineData("Published December 16, 2016 16:19 GMT", "2016-12-16T16:19:00Z")]
    [InlineData("<time datetime=\"2016-12-16 16:19:00\">12/16/2016 04:19 PM EST</time>", "2016-12-16T21:19:00Z")]
    public void ATimeThatStatesItsZoneIsNeverChanged(string visible, string expected)
    {
        var want = DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(want, Published(visible, Tokyo));
        Assert.Equal(want, Published(visible, null));
    }

    [Theory]
    [InlineData("2024-01-15T09:00:00", -5)]
    [InlineData("2024-07-15T09:00:00", -4)]
    [InlineData("2024-03-09T09:00:00", -5)]
    [InlineData("2024-03-11T09:00:00", -4)]
    [InlineData("2024-11-02T09:00:00", -4)]
    [InlineData("2024-11-04T09:00:00", -5)]
    public void EachTimeTakesTheZonesOffsetOnItsOwnDate(string stamp, int hours) =>
        Assert.Equal(TimeSpan.FromHours(hours), Published($"<time datetime=\"{stamp}\">then</time>", NewYork)!.Value.Offset);

    [Fact]
    public void ATimeTheClocksPassTwiceTakesTheStandardOffsetAndOneTheySkipTheOffsetBeforeTheChange()
    {
        Assert.Equal(TimeSpan.FromHours(-5), PublisherZone.Local(new DateTime(2024, 11, 3, 1, 30, 0), NewYork).Offset);
        Assert.Equal(TimeSpan.FromHours(-5), PublisherZone.Local(new DateTime(2024, 3, 10, 2, 30, 0), NewYork).Offset);
        Assert.Equal(TimeSpan.FromHours(-4), PublisherZone.Local(new DateTime(2024, 3, 10, 3, 30, 0), NewYork).Offset);
    }

    [Theory]
    [InlineData("<time datetime=\"2016-12-16\">Dec 16</time>")]
    [InlineData("Published December 16, 2016")]
    public void ADayAloneStaysThatDayInAnyZone(string visible)
    {
        foreach (var zone in new[] { Tokyo, NewYork, TimeZoneInfo.Utc })
        {
            var published = Published(visible, zone)!.Value;
            Assert.Equal(new DateTime(2016, 12, 16), published.Date);
            Assert.Equal(TimeSpan.Zero, published.TimeOfDay);
            Assert.Equal(zone.GetUtcOffset(new DateTime(2016, 12, 16)), published.Offset);
        }
    }

    [Fact]
    public void TheRowsThatReadAZonelessTimeBesideUtcMetadataDecideAsWithoutAZone()
    {
        const string utc = """<meta property="article:published_time" content="2023-11-09T01:09:55+00:00">""";
        const string local = "<time datetime=\"2023-11-08 18:09:55\">November 8, 2023 at 6:09 p.m.</time>";
        var page = Explain("<title>Harbour reopens</title>" + utc, "<article><h1>Harbour reopens</h1><p>" + local + "</p>" + Story + "</article>", "en", Tokyo);
        Assert.Equal(DateTimeOffset.Parse("2023-11-09T01:09:55Z"), page.Article.Published);
        Assert.Equal(TimeSpan.FromHours(-7), page.Article.Published!.Value.Offset);
        Assert.Equal("published.metadata-instant-in-the-visible-local-time", page.Decisions["published"]);

        var day = Explain("<title>Harbour reopens</title><meta name=date content=2016-12-15>",
            "<article><h1>Harbour reopens</h1><p><time datetime=2016-12-15T15:33:00>15 December 2016</time></p>" + Story + "</article>", "en", NewYork);
        Assert.Equal(new DateTimeOffset(2016, 12, 15, 15, 33, 0, TimeSpan.FromHours(-5)), day.Article.Published);
        Assert.Equal("published.visible-time-on-the-metadata-day", day.Decisions["published"]);
    }

    [Theory]
    [InlineData("date: 2024-03-01 09:00", "2024-03-01T09:00:00-05:00")]
    [InlineData("date: 2024-07-01T09:00:00", "2024-07-01T09:00:00-04:00")]
    [InlineData("date: 2024-03-01T09:00:00+02:00", "2024-03-01T07:00:00Z")]
    [InlineData("date: 2024-03-01T09:00:00Z", "2024-03-01T09:00:00Z")]
    public void MarkdownFrontMatterTimesWithoutAZoneAreInThePublishersZone(string line, string expected)
    {
        var article = MarkdownArticleParser.Parse($"---\ntitle: Harbour reopens\n{line}\n---\nThe harbour reopened.", NewYork);
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), article.Published);
    }

    [Fact]
    public void AMarkdownDayAloneStaysThatDay()
    {
        var article = MarkdownArticleParser.Parse("---\ntitle: Harbour reopens\ndate: 2024-07-01\n---\nThe harbour reopened.", Tokyo);
        Assert.Equal(new DateTime(2024, 7, 1), article.Published!.Value.Date);
        Assert.Equal(TimeSpan.FromHours(9), article.Published.Value.Offset);
    }

    [Fact]
    public void JsonDocumentTimesWithoutAZoneAreInThePublishersZoneAndStatedOnesAreKept()
    {
        var article = JsonArticleParser.Parse("""{"title":"Harbour reopens","published":"2024-07-01T09:00:00","updated":"2024-07-02T09:00:00Z","body":"The harbour reopened."}""", NewYork);
        Assert.Equal(DateTimeOffset.Parse("2024-07-01T13:00:00Z"), article.Published);
        Assert.Equal(DateTimeOffset.Parse("2024-07-02T09:00:00Z"), article.Updated);
        Assert.Equal(DateTimeOffset.Parse("2024-07-01T09:00:00Z"), JsonArticleParser.Parse("""{"title":"Harbour reopens","published":"2024-07-01T09:00:00","body":"x"}""").Published);
    }

    [Fact]
    public void EveryDocumentShapeGetsTheZoneThroughTheDocumentParser()
    {
        byte[] Bytes(string s) => System.Text.Encoding.UTF8.GetBytes(s);
        var markdown = DocumentParser.Parse(DocumentFormat.Markdown, Bytes("---\ntitle: Harbour\ndate: 2024-03-01 09:00\n---\nText."), zone: NewYork);
        var html = DocumentParser.Parse(DocumentFormat.Html, Bytes("<title>Harbour reopens</title><h1>Harbour reopens</h1><p><time datetime=\"2024-03-01T09:00\">1 March</time></p>" + Story), zone: NewYork);
        var text = DocumentParser.Parse(DocumentFormat.Text, Bytes("Harbour reopens\n\nMarch 1, 2024\n\nThe harbour reopened on Tuesday."), zone: Tokyo);
        Assert.Equal(DateTimeOffset.Parse("2024-03-01T14:00:00Z"), markdown.Published);
        Assert.Equal(DateTimeOffset.Parse("2024-03-01T14:00:00Z"), html.Published);
        Assert.Equal(new DateTimeOffset(2024, 3, 1, 0, 0, 0, TimeSpan.FromHours(9)), text.Published);
    }

    [Theory]
    [InlineData("America/New_York")]
    [InlineData("EST")]
    [InlineData("GMT")]
    [InlineData("Eastern Standard Time")] // a Windows id, which .NET maps to tzdata on Linux
    [InlineData("Europe/Paris")]
    public void IanaIdsAndTheAbbreviationsTzdataKnowsAreZones(string id) => Assert.NotNull(PublisherZone.Find(id));

    [Theory]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("New York")]
    public void AnUnknownZoneStopsTheServiceAtStartWithTheSettingNamed(string id)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
            ["Syndication:TimeZone"] = id,
        }).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration);
        services.AddSyndication();
        using var provider = services.BuildServiceProvider();
        var failure = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
        Assert.Contains(failure.Failures, f => f.StartsWith($"Syndication__TimeZone must name a time zone, such as America/New_York", StringComparison.Ordinal) && f.Contains(id));
    }
}
