using System.Diagnostics;
using Syndication.Tests.Support;
using Xunit.Abstractions;

namespace Syndication.Tests.Hostile;

/// <summary>
/// Issue 22: each long input, ingested as the service does on a site with the default 5 MB cap, settles (published, or
/// rejected with a reason) within seconds, while the feeds keep answering.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class LongInputIngestionTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    [Fact]
    public async Task EachLongInputSettlesWithinSecondsWhileTheFeedsKeepAnswering()
    {
        await using var site = new TestSite(azurite);
        await site.UploadTextAsync("calm.md", "---\ntitle: Calm harbour\n---\nBody.");
        await site.Ingestor.ReconcileAsync();
        var run = new CorpusRun(site, azurite.ConnectionString);
        await run.UploadAsync(HostileCorpus.LongInputs);

        using var done = new CancellationTokenSource();
        var reader = ReadFeedsAsync(site, done.Token);
        await run.IngestEachAsync();
        await done.CancelAsync();
        var (requests, slowest, failures) = await reader;

        var rejections = await run.RejectionsAsync();
        var feed = CorpusFeeds.JsonItems([("", await AllSamples.FeedAsync(site, "all.json", "?limit=200"))]).ToList();
        var slugs = feed.Select(i => CorpusFeeds.Text(i, "url")!.Split('/')[^1]).ToHashSet(StringComparer.Ordinal);
        foreach (var r in run.Cases) output.WriteLine($"{r.Case}: {r.Elapsed.TotalMilliseconds:F0} ms, {Outcome(r, rejections, slugs)}");
        output.WriteLine($"feeds while ingesting: {requests} requests, slowest {slowest.TotalMilliseconds:F0} ms, {failures} failed");

        Assert.All(run.Cases, r =>
        {
            Assert.Null(r.Crashed);
            Assert.True(r.Elapsed < HostileCorpus.PerCaseLimit, $"{r.Case}: {r.Elapsed}");
            if (r.Case.Expected == Expected.Rejected)
                Assert.StartsWith(r.Case.Reason!, rejections[r.Case.RejectedBlob!].Reason, StringComparison.Ordinal);
            else
                Assert.Contains(r.Case.Slug!, slugs);
        });
        Assert.Contains("calm", slugs);
        Assert.True(requests > 0 && failures == 0, $"{requests} requests, {failures} failed");
        Assert.True(slowest < TimeSpan.FromSeconds(5), $"slowest feed request {slowest}");
    }

    // Reads all.json over and over until cancelled: how many requests, the slowest, and how many did not answer 200.
    private static async Task<(int Requests, TimeSpan Slowest, int Failures)> ReadFeedsAsync(TestSite site, CancellationToken ct)
    {
        await Task.Yield();
        var (requests, slowest, failures) = (0, TimeSpan.Zero, 0);
        while (!ct.IsCancellationRequested)
        {
            var clock = Stopwatch.StartNew();
            var reply = await AllSamples.FeedAsync(site, "all.json");
            (requests, slowest) = (requests + 1, clock.Elapsed > slowest ? clock.Elapsed : slowest);
            if (reply.Status != 200) failures++;
            try
            {
                await Task.Delay(100, ct);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
        return (requests, slowest, failures);
    }

    private static string Outcome(CaseRun run, Dictionary<string, ListedRejection> rejections, HashSet<string> published) =>
        run.Crashed ?? (run.Case.RejectedBlob is { } blob && rejections.TryGetValue(blob, out var r) ? "rejected: " + r.Reason
            : published.Contains(run.Case.Slug!) ? "published" : "neither published nor rejected");
}
