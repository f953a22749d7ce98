using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Syndication.Tests.Support;
using Xunit.Abstractions;

namespace Syndication.Tests.Resilience;

/// <summary>Many readers poll while articles keep arriving: every response is a valid feed, none fails.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ReaderLoadTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private const int Readers = 64;
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(
        int.TryParse(Environment.GetEnvironmentVariable("SYNDICATION_LOAD_SECONDS"), out var s) ? s : 60);

    [Fact]
    public async Task SixtyFourReadersForAMinuteWhileArticlesArriveSeeOnlyValidFeeds()
    {
        await using var runner = await RunnerProcess.StartAsync(azurite);
        await runner.Incoming.CreateIfNotExistsAsync();
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Readers, AutomaticDecompression = DecompressionMethods.All });
        using var stop = new CancellationTokenSource(Duration);
        var errors = new ConcurrentBag<string>();
        var latencies = new ConcurrentBag<double>();
        int ok = 0, notModified = 0, published = 0;

        var publishing = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var i = ++published;
                await runner.Incoming.GetBlobClient($"load-{i:D4}.md").UploadAsync(BinaryData.FromString(
                    $"---\ntitle: Load article {i}\npublished: {DateTime.UtcNow.AddMinutes(-i):O}\ncategories: [Load]\n---\nBody {i} ]]> & <b>bold</b>.\n"), overwrite: true);
                await Task.Delay(250);
            }
        });
        var readers = Enumerable.Range(0, Readers).Select(r => Task.Run(async () =>
        {
            var file = (r % 3) switch { 0 => "all.rss", 1 => "all.atom", _ => "all.json" };
            string? etag = null;
            while (!stop.IsCancellationRequested)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(runner.BaseUrl, "feeds/" + file));
                if (etag is not null && r % 2 == 0) request.Headers.TryAddWithoutValidation("If-None-Match", etag);
                var clock = Stopwatch.StartNew();
                try
                {
                    using var response = await http.SendAsync(request);
                    var body = await response.Content.ReadAsByteArrayAsync();
                    latencies.Add(clock.Elapsed.TotalMilliseconds);
                    if (response.StatusCode == HttpStatusCode.NotModified) { Interlocked.Increment(ref notModified); continue; }
                    if (response.StatusCode != HttpStatusCode.OK) { errors.Add($"{file}: {(int)response.StatusCode}"); continue; }
                    etag = response.Headers.ETag?.ToString();
                    if (file == "all.json") JsonDocument.Parse(body).RootElement.GetProperty("items").EnumerateArray().ToList();
                    else _ = FeedParsers.Syndication(body).Items.ToList();
                    Interlocked.Increment(ref ok);
                }
                catch (Exception e) when (!stop.IsCancellationRequested)
                {
                    errors.Add($"{file}: {e.GetType().Name}: {e.Message}");
                }
                catch (Exception) when (stop.IsCancellationRequested)
                {
                }
            }
        })).ToList();
        await Task.WhenAll(readers);
        await publishing;

        var sorted = latencies.Order().ToList();
        var requests = ok + notModified;
        output.WriteLine($"{Readers} readers, {Duration.TotalSeconds:F0} s: {requests} responses ({ok} feeds parsed, {notModified} 304s), " +
            $"{requests / Duration.TotalSeconds:F0}/s, p50 {Percentile(sorted, 0.5):F1} ms, p99 {Percentile(sorted, 0.99):F1} ms, " +
            $"{published} articles published meanwhile, {errors.Count} errors; runner peak memory {runner.Process.PeakWorkingSet64 / 1048576} MiB");
        Assert.Empty(errors.Take(20));
        Assert.True(ok > Readers, $"only {ok} feeds were read");
        // Every article reached the feed (but the last few uploads, which the watcher may not have seen yet): read
        // all its pages, following the RFC 5005 next links (a page holds at most 200).
        var (inFeed, next) = (0, (Uri?)new Uri(runner.BaseUrl, "feeds/all.rss?limit=200"));
        while (next is not null)
        {
            var page = await http.GetByteArrayAsync(next);
            inFeed += FeedParsers.Syndication(page).Items.Count();
            next = FeedParsers.Link(FeedParsers.Document(page), "next");
        }
        Assert.True(inFeed >= published - 5, $"{inFeed} of {published} articles in the feed");
    }

    private static double Percentile(List<double> sorted, double p) => sorted.Count == 0 ? 0 : sorted[(int)Math.Min(sorted.Count - 1, p * sorted.Count)];
}
