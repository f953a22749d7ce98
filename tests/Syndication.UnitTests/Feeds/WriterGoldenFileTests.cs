using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Syndication.Feeds;
using Syndication.Tests.Support;

namespace Syndication.Tests.Feeds;

/// <summary>
/// Every writer's bytes for <see cref="GoldenFeed"/>, against committed files (testdata/golden/), nothing masked: a
/// change to a writer shows as a diff in review, in seconds and with nothing running. A new row of the format table
/// needs its file: <c>SYNDICATION_UPDATE_GOLDEN=1 dotnet test tests/Syndication.UnitTests --filter WriterGoldenFileTests</c>
/// writes them all; review their diff.
/// </summary>
public sealed class WriterGoldenFileTests
{
    public static TheoryData<string> Formats => new(FeedFormats.All.Select(f => f.Extension));

    [Theory]
    [MemberData(nameof(Formats))]
    public void EveryFormatWritesTheFixedFeedAsItsGoldenFile(string extension)
    {
        var format = FeedFormats.FromExtension(extension)!;
        var bytes = format.Write(GoldenFeed.For(format));
        Assert.Equal(GoldenFeed.Items.Count, ItemsReadBack(format, bytes));
        Matches("feed." + extension, bytes);
    }

    [Fact]
    public void TheOpmlOfTheFixedFeedsIsItsGoldenFile() => Matches("feeds.opml", Parsed(GoldenFeed.Opml()));

    [Fact]
    public void TheNewsSitemapOfTheFixedItemsIsItsGoldenFile() => Matches("sitemap-news.xml", Parsed(GoldenFeed.NewsSitemap()));

    [Fact]
    public void TheSitemapIndexIsItsGoldenFile() => Matches("sitemap-index.xml", Parsed(GoldenFeed.SitemapIndex()));

    [Fact]
    public void EveryGoldenFileIsOneThisClassWrites()
    {
        var written = FeedFormats.All.Select(f => "feed." + f.Extension).Concat(["feeds.opml", "sitemap-news.xml", "sitemap-index.xml"]);
        var stale = Directory.GetFiles(Folder).Select(Path.GetFileName).Except(written).ToList();
        Assert.True(stale.Count == 0, "golden files that nothing writes any more: " + string.Join(", ", stale));
    }

    private static string Folder => Repo.Path("tests", "Syndication.UnitTests", "testdata", "golden");

    private static void Matches(string file, byte[] bytes) =>
        Golden.Matches(Path.Combine(Folder, file), Encoding.UTF8.GetString(bytes), nameof(WriterGoldenFileTests));

    // A golden file is never rewritten as something readers cannot take: the feed reads back, every item in it.
    private static int ItemsReadBack(FeedFormat format, byte[] bytes)
    {
        if (!format.MediaType.EndsWith("+json", StringComparison.Ordinal)) return FeedParsers.Syndication(bytes).Items.Count();
        using var json = JsonDocument.Parse(bytes);
        return json.RootElement.GetProperty("items").GetArrayLength();
    }

    private static byte[] Parsed(byte[] xml)
    {
        Assert.NotNull(XDocument.Load(new MemoryStream(xml)).Root);
        return xml;
    }
}
