using System.Globalization;
using System.Text.RegularExpressions;
using Syndication.Functions;
using Syndication.Tests.Support;

namespace Syndication.Tests.Feeds;

/// <summary>
/// The sample feed in every format, byte for byte against a committed file (testdata/golden/), so a change in what we
/// publish shows as a diff in review. What differs between runs is masked first: image versions (they hash Azurite's
/// ETags) and times within a day of now (an article without a stated update time). After an intended change,
/// <c>SYNDICATION_UPDATE_GOLDEN=1 dotnet test --filter GoldenFileTests</c> rewrites the files; review their diff.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed partial class GoldenFileTests(AzuriteFixture azurite)
{
    [Theory]
    [InlineData("all.rss")]
    [InlineData("all.atom")]
    [InlineData("all.json")]
    [InlineData("feeds.opml")]
    public async Task TheSampleFeedMatchesItsGoldenFile(string file)
    {
        await using var site = new TestSite(azurite);
        await AllSamples.UploadAsync(site);
        // One at a time in a fixed order: the display name of a tag two articles spell differently ("Harbour",
        // "harbour") is the last one saved, so a parallel reconcile would make the OPML differ from run to run.
        foreach (var sample in AllSamples.Articles.OrderBy(a => a.Slug, StringComparer.Ordinal))
            Assert.NotEqual(Syndication.Ingestion.IngestResult.Rejected, (await site.Ingestor.IngestSlugAsync(sample.Slug)).Result);
        var reply = file == "feeds.opml"
            ? await TestSite.InvokeAsync(r => new GetOpml(site.Handlers).Run(r), path: "/api/feeds.opml")
            : await AllSamples.FeedAsync(site, file);
        Assert.Equal(200, reply.Status);
        var actual = Mask(reply.Text);

        Golden.Matches(Repo.Path("tests", "Syndication.IntegrationTests", "testdata", "golden", file), actual, nameof(GoldenFileTests));
    }

    private static string Mask(string text)
    {
        text = ImageVersion().Replace(text, "?v=VERSION");
        var now = DateTimeOffset.UtcNow;
        bool Recent(DateTimeOffset t) => (t - now).Duration() < TimeSpan.FromDays(1);
        text = IsoTime().Replace(text, m => DateTimeOffset.TryParse(m.Value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) && Recent(t) ? "NOW" : m.Value);
        return RfcTime().Replace(text, m => DateTimeOffset.TryParse(m.Value.Replace("GMT", "+00:00"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) && Recent(t) ? "NOW" : m.Value);
    }

    [GeneratedRegex(@"\?v=[0-9a-f]{16}")]
    private static partial Regex ImageVersion();

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})")]
    private static partial Regex IsoTime();

    [GeneratedRegex(@"(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} (GMT|[+-]\d{4})")]
    private static partial Regex RfcTime();
}
