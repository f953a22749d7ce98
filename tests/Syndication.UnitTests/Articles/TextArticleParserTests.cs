using Syndication.Articles;
using Syndication.Tests.Support;

namespace Syndication.Tests.Articles;

public sealed class TextArticleParserTests
{
    private static ParsedArticle Sample() =>
        DocumentParser.Parse(DocumentFormat.Text, File.ReadAllBytes(Repo.Samples(Repo.SampleSlug + ".txt")));

    [Fact]
    public void SampleHeadlineIsTheFirstRealLine() =>
        Assert.Equal("Trump-Kim summit ends early, leaders leave with no nuclear deal", Sample().Title);

    [Fact]
    public void SampleStandfirstIsTheNextParagraph() =>
        Assert.Equal("Talks collapsed early in Vietnam as Trump and Kim Jong-un failed to agree on major points.", Sample().Summary);

    [Fact]
    public void SampleCaptionsAreDeduplicatedAndSplitIntoCaptionAndCredit()
    {
        var images = Sample().Images;
        Assert.Equal(2, images.Count);
        Assert.StartsWith("President Donald Trump and North Korean leader Kim Jong-un during their second summit", images[0].Caption);
        Assert.EndsWith("in Hanoi, Vietnam.", images[0].Caption);
        Assert.Equal("Vietnam News Agency/Handout/Getty Images", images[0].Credit);
        Assert.Equal("The table for the working lunch between Donald Trump and Kim Jong Un was already set before it was abruptly canceled on February 28, 2019.", images[1].Caption);
        Assert.Equal("Saul LOEB / AFP", images[1].Credit);
    }

    [Fact]
    public void SampleBodyKeepsParagraphsWithoutNoiseOrCaptions()
    {
        var article = Sample();
        Assert.DoesNotContain("Advertisement", article.BodyHtml);
        Assert.DoesNotContain("CREDIT", article.BodyHtml);
        Assert.DoesNotContain("Photo Credit", article.BodyHtml);
        Assert.DoesNotContain(article.Summary!, article.BodyHtml);
        Assert.StartsWith("<p>A somewhat deflated President Donald Trump", article.BodyHtml);
        Assert.Equal(25, article.BodyHtml.Split("<p>").Length - 1);
        Assert.Contains("Trump’s press conference", article.BodyHtml);
    }

    [Fact]
    public void SamplePublishedDateIsTheDateTheTextStates() =>
        Assert.Equal(new DateTimeOffset(2019, 2, 28, 0, 0, 0, TimeSpan.Zero), Sample().Published);

    [Theory]
    [InlineData("A caption. CREDIT: Jane Doe/Reuters.", "A caption.", "Jane Doe/Reuters")]
    [InlineData("A caption (Photo Credit: Saul LOEB / AFP)", "A caption", "Saul LOEB / AFP")]
    [InlineData("Crowds at dawn. (Photo: AP)", "Crowds at dawn.", "AP")]
    public void CaptionLinesSplitIntoCaptionAndCredit(string line, string caption, string credit)
    {
        var parsed = TextArticleParser.ParseCaption(line);
        Assert.NotNull(parsed);
        Assert.Equal(caption, parsed.Caption);
        Assert.Equal(credit, parsed.Credit);
    }

    [Fact]
    public void ControlCharactersNeverReachTheArticle()
    {
        var article = TextArticleParser.Parse("Head\u0001line\u000B here\n\nStand\u0000first.\n\nBody \uFFFE text.\n\nMore body.");
        Assert.Equal("Headline here", article.Title);
        Assert.Equal("Standfirst.", article.Summary);
        Assert.DoesNotContain('\uFFFE', article.BodyHtml);
    }

    [Fact]
    public void EmptyTextIsRejectedWithAReason()
    {
        var e = Assert.Throws<ArticleRejectedException>(() => TextArticleParser.Parse("\n\nAdvertisement\n\n"));
        Assert.Contains("no text", e.Message);
    }

    [Theory]
    [InlineData("It happened on 3 March 2021 in town.", 2021, 3, 3)]
    [InlineData("Posted Feb. 5, 2020.", 2020, 2, 5)]
    [InlineData("Dated 2018-11-30.", 2018, 11, 30)]
    public void DatesAreFoundInTheirCommonWrittenForms(string text, int y, int m, int d) =>
        Assert.Equal(new DateTimeOffset(y, m, d, 0, 0, 0, TimeSpan.Zero), DateFinder.FirstDate(text));

    [Fact]
    public void ImpossibleDatesAreIgnored() => Assert.Null(DateFinder.FirstDate("On February 30, 2019 and 2019-13-01."));
}
