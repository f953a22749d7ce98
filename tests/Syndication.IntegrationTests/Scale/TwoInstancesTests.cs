using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using Syndication.Tests.Support;
using Xunit.Abstractions;

namespace Syndication.Tests.Scale;

/// <summary>
/// Two instances of the app (local runner processes) on one storage account, as Flex Consumption scales out: what one
/// publishes the other serves within its version-check interval, and both serve the same bytes under the same
/// ETag, so a CDN or a reader revalidating against either gets its 304.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class TwoInstancesTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private const string Key = "two-instances-test-key";
    private const double VersionCheckSeconds = 1;

    private static readonly Dictionary<string, string> Settings = new()
    {
        ["Syndication__PublicBaseUrl"] = "https://feeds.example.com",
        ["Syndication__AdminKey"] = Key,
        // No watcher passes: the article reaches B only through storage and B's version check.
        ["Syndication__WatchIntervalSeconds"] = "3600",
        ["Syndication__VersionCheckSeconds"] = VersionCheckSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    [Fact]
    public async Task AnArticlePublishedThroughOneInstanceIsServedByTheOtherWithinItsVersionCheckInterval()
    {
        await using var a = await RunnerProcess.StartAsync(azurite, Settings);
        await using var b = await RunnerProcess.StartAsync(azurite, a.Environment);
        using var http = new HttpClient();
        Assert.Empty(await ItemsAsync(http, b));
        await PutAsync(http, a, "first.md", Markdown("First", "2024-01-01"));
        var published = Stopwatch.StartNew();
        while ((await ItemsAsync(http, b)).Count == 0 && published.Elapsed < TimeSpan.FromSeconds(30)) await Task.Delay(20);

        output.WriteLine($"B served the article {published.Elapsed.TotalSeconds:F2} s after A's publish returned");
        // The bound: the interval, plus one request of B's and the poll's 20 ms (a shared, loaded test machine).
        Assert.True(published.Elapsed < TimeSpan.FromSeconds(VersionCheckSeconds + 1.5), $"B served it after {published.Elapsed.TotalSeconds:F2} s");
        Assert.Equal(["First"], await ItemsAsync(http, b));
    }

    [Fact]
    public async Task BothInstancesServeByteIdenticalFeedsAndPagesUnderOneETagSoEitherAnswers304()
    {
        await using var a = await RunnerProcess.StartAsync(azurite, Settings);
        await using var b = await RunnerProcess.StartAsync(azurite, a.Environment);
        using var http = new HttpClient();
        await PutAsync(http, a, $"{Repo.SampleSlug}/photo-1.jpg", await File.ReadAllBytesAsync(Repo.Samples(Repo.SampleSlug, "photo-1.jpg")));
        await PutAsync(http, a, Repo.SampleSlug + ".txt", await File.ReadAllBytesAsync(Repo.Samples(Repo.SampleSlug + ".txt")));
        for (var i = 1; i <= 3; i++) await PutAsync(http, b, $"story-{i}.md", Markdown($"Story {i}", $"2024-02-0{i}"));
        await Task.Delay(TimeSpan.FromSeconds(VersionCheckSeconds * 1.5));

        string[] paths =
        [
            "feeds/all.rss", "feeds/all.atom", "feeds/all.json", await PageTwoAsync(http, a, "all.rss"), await PageTwoAsync(http, a, "all.atom"),
            "feeds/category/city.rss", "feeds/category/city.atom", "feeds/category/city.json", "feeds.opml", "", "articles/story-2",
            await EnclosureAsync(http, b),
        ];
        foreach (var path in paths)
        foreach (var encoding in new[] { "", "br", "gzip" })
        {
            var fromA = await GetAsync(http, a, path, encoding);
            var fromB = await GetAsync(http, b, path, encoding);
            Assert.True(fromA.IsSuccessStatusCode, $"{path} ({encoding}): {fromA.StatusCode}");
            Assert.Equal(await fromA.Content.ReadAsByteArrayAsync(), await fromB.Content.ReadAsByteArrayAsync());
            var etag = fromA.Headers.ETag!;
            Assert.Equal(etag, fromB.Headers.ETag);
            Assert.Equal(fromA.Content.Headers.LastModified, fromB.Content.Headers.LastModified);
            Assert.Equal(HttpStatusCode.NotModified, (await GetAsync(http, b, path, encoding, etag)).StatusCode);
            Assert.Equal(HttpStatusCode.NotModified, (await GetAsync(http, a, path, encoding, fromB.Headers.ETag)).StatusCode);
        }
        Assert.Contains("https://feeds.example.com/api/images/", await http.GetStringAsync(new Uri(b.BaseUrl, "feeds/all.rss")));
    }

    // The "next" link of the feed's first page of two, as a path under /api/ (its origin is PublicBaseUrl's).
    private static async Task<string> PageTwoAsync(HttpClient http, RunnerProcess runner, string feed)
    {
        var first = FeedParsers.Document(await http.GetByteArrayAsync(new Uri(runner.BaseUrl, $"feeds/{feed}?limit=2")));
        var next = FeedParsers.Link(first, "next")!;
        Assert.Equal("feeds.example.com", next.Host);
        return next.PathAndQuery["/api/".Length..];
    }

    // The sample's image as the feed links it (versioned), as a path under /api/.
    private static async Task<string> EnclosureAsync(HttpClient http, RunnerProcess runner)
    {
        var feed = FeedParsers.Syndication(await http.GetByteArrayAsync(new Uri(runner.BaseUrl, "feeds/all.rss")));
        var enclosure = feed.Items.SelectMany(i => i.Links).First(l => l.RelationshipType == "enclosure").Uri;
        Assert.Contains("?v=", enclosure.Query);
        return enclosure.PathAndQuery["/api/".Length..];
    }

    private static byte[] Markdown(string title, string published) =>
        System.Text.Encoding.UTF8.GetBytes($"---\ntitle: {title}\npublished: {published}\ncategories: [City]\n---\nThe body of {title}.\n");

    private static async Task PutAsync(HttpClient http, RunnerProcess runner, string path, byte[] body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, new Uri(runner.BaseUrl, "manage/blobs/" + path)) { Content = new ByteArrayContent(body) };
        request.Headers.Add("x-functions-key", Key);
        var response = await http.SendAsync(request);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"PUT {path}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    private static async Task<List<string>> ItemsAsync(HttpClient http, RunnerProcess runner) =>
        FeedParsers.Syndication(await http.GetByteArrayAsync(new Uri(runner.BaseUrl, "feeds/all.rss"))).Items.Select(i => i.Title.Text).ToList();

    private static async Task<HttpResponseMessage> GetAsync(HttpClient http, RunnerProcess runner, string path, string encoding,
        EntityTagHeaderValue? ifNoneMatch = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(runner.BaseUrl, path));
        if (encoding.Length > 0) request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));
        if (ifNoneMatch is not null) request.Headers.IfNoneMatch.Add(ifNoneMatch);
        return await http.SendAsync(request);
    }
}
