using System.Text;
using Syndication.Feeds;

namespace Syndication.Tests.Feeds;

/// <summary>The one table of formats: every row distinct, found by its file name, and its flags what its writer does.</summary>
public sealed class FeedFormatTableTests
{
    public static TheoryData<string> Extensions => new(FeedFormats.All.Select(f => f.Extension));

    private static FeedFormat Row(string extension) => FeedFormats.FromExtension(extension)!;

    [Fact]
    public void NoTwoRowsShareAnExtensionMediaTypeNameOrOpmlType()
    {
        foreach (var column in new Func<FeedFormat, string>[] { f => f.Extension, f => f.MediaType, f => f.Name, f => f.FullName, f => f.OpmlType })
            Assert.Equal(FeedFormats.All.Count, FeedFormats.All.Select(column).Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Theory]
    [MemberData(nameof(Extensions))]
    public void EveryRowIsFoundByItsFileNameAndServedAsUtf8(string extension)
    {
        var format = Row(extension);
        Assert.Equal(("all", format), FeedFormats.FromFileName("all." + extension));
        Assert.Equal(("category/city-council", format), FeedFormats.FromFileName("category/city-council." + extension));
        Assert.Equal(format.MediaType + "; charset=utf-8", format.ContentType);
        Assert.Matches(@"\Aapplication/[a-z]+\+(xml|json)\z", format.MediaType);
        Assert.Contains($"all.{extension}", FeedFormats.List("all"));
    }

    [Theory]
    [InlineData("feeds.opml")]
    [InlineData("all.RSS")]
    [InlineData("all.rss.gz")]
    [InlineData(".rss")]
    [InlineData("all.")]
    [InlineData("")]
    public void OtherFileNamesAreNoFeed(string file) => Assert.Null(FeedFormats.FromFileName(file));

    [Fact]
    public void TheListOfFeedFileNamesReadsAsASentence() => Assert.Equal("politics.rss, politics.atom or politics.json", FeedFormats.List("politics"));

    [Theory]
    [MemberData(nameof(Extensions))]
    public void ARowCarriesTheStylesheetExactlyWhenItsFlagSaysSo(string extension)
    {
        var format = Row(extension);
        var written = Encoding.UTF8.GetString(format.Write(GoldenFeed.For(format) with { StylesheetUrl = GoldenFeed.Urls.Stylesheet() }));
        Assert.Equal(format.Stylesheet, written.Contains(GoldenFeed.Urls.Stylesheet().AbsoluteUri, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Extensions))]
    public void ARowWritesTombstonesExactlyWhenItsFlagSaysSo(string extension)
    {
        var format = Row(extension);
        var feed = GoldenFeed.For(format);
        var written = Encoding.UTF8.GetString(format.Write(feed));
        Assert.Equal(format.Tombstones, written.Contains(feed.Tombstones[0].Ref, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Extensions))]
    public void EveryRowNamesItsSelfUrlAndEveryItemsLink(string extension)
    {
        var format = Row(extension);
        var feed = GoldenFeed.For(format);
        var written = Encoding.UTF8.GetString(format.Write(feed));
        Assert.Contains(feed.SelfUrl.AbsoluteUri.Replace("&", "&amp;"), written);
        Assert.All(feed.Items, item => Assert.Contains(item.Link.AbsoluteUri, written));
    }
}
