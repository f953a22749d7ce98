using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using Syndication.Tests.Support;

namespace Syndication.Tests.FunctionsHost;

/// <summary>A host whose reconcile timer runs every 2 s: the timer's pick-up, and the worker killed under load.</summary>
public sealed class WorkerRestartTests(WorkerRestartTests.TimerHost fixture) : IClassFixture<WorkerRestartTests.TimerHost>
{
    private readonly HostProcess host = fixture.Host;
    private readonly HttpClient http = new() { Timeout = TimeSpan.FromSeconds(20) };

    public sealed class TimerHost : HostFixture
    {
        protected override IDictionary<string, string>? Settings => new Dictionary<string, string> { ["ReconcileSchedule"] = "*/2 * * * * *" };
    }

    [Fact]
    public async Task TheTimersReconcilePicksUpABlobNoEventAnnounced()
    {
        await host.Articles.CreateIfNotExistsAsync();
        await host.Articles.GetBlobClient("unannounced.md").UploadAsync(BinaryData.FromString("---\ntitle: Nobody announced me\n---\nBody.\n"), overwrite: true);
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(20) && !(await http.GetStringAsync(host.Api("feeds/all.json"))).Contains("Nobody announced me"))
            await Task.Delay(200);
        Assert.Contains("Nobody announced me", await http.GetStringAsync(host.Api("feeds/all.json")));
        Assert.Contains(host.Log, l => l.Contains("Executing 'Functions.ReconcileArticles' (Reason='Timer fired at"));
        Assert.DoesNotContain(host.Log, l => l.Contains("Functions.IngestArticle"));
    }

    [Fact]
    public async Task AKilledWorkerIsRestartedAndServingResumesWithin10SecondsWithoutLosingAnArticle()
    {
        await host.Articles.CreateIfNotExistsAsync();
        var firstWorker = (int)(await host.StatusAsync(http))["workerProcessId"]!;
        using var stop = new CancellationTokenSource();
        var results = new ConcurrentQueue<(TimeSpan At, HttpStatusCode? Status)>();
        var clock = Stopwatch.StartNew();
        var readers = Enumerable.Range(0, 8).Select(r => Task.Run(async () =>
        {
            EntityTagHeaderValue? etag = null;
            while (!stop.IsCancellationRequested)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, host.Api(r % 3 == 0 ? "feeds/all.rss" : r % 3 == 1 ? "feeds/all.atom" : "feeds/all.json"));
                if (r % 2 == 0 && etag is not null) request.Headers.IfNoneMatch.Add(etag);
                var sent = clock.Elapsed;
                try
                {
                    using var reply = await http.SendAsync(request);
                    if (reply.StatusCode == HttpStatusCode.OK) etag = reply.Headers.ETag;
                    results.Enqueue((sent, reply.StatusCode));
                }
                catch (HttpRequestException)
                {
                    results.Enqueue((sent, null));
                }
                await Task.Delay(20);
            }
        })).ToArray();

        // Articles arrive all along, announced by Event Grid, while the worker dies and comes back.
        TimeSpan killedAt = default;
        for (var i = 0; i < 40; i++)
        {
            await host.Articles.GetBlobClient($"restart-{i:00}.md").UploadAsync(BinaryData.FromString($"---\ntitle: Restart {i:00}\n---\nBody {i}.\n"), overwrite: true);
            await host.PostBlobEventsAsync(http, "Microsoft.Storage.BlobCreated", $"restart-{i:00}.md");
            if (i == 10)
            {
                killedAt = clock.Elapsed;
                Process.GetProcessById(firstWorker).Kill();
            }
            await Task.Delay(100);
        }
        await Task.Delay(2000);
        stop.Cancel();
        await Task.WhenAll(readers);

        var resumed = results.Where(r => r.At > killedAt && r.Status is HttpStatusCode.OK or HttpStatusCode.NotModified).Select(r => r.At).DefaultIfEmpty(TimeSpan.MaxValue).Min();
        var problems = string.Join('\n', host.Log.Where(l => l.Contains("warn:") || l.Contains("fail:")).TakeLast(20));
        Assert.True(resumed - killedAt < TimeSpan.FromSeconds(10), $"serving resumed {(resumed - killedAt).TotalSeconds:F1} s after the kill; host:\n{problems}");
        var status = await host.StatusAsync(http);
        Assert.NotEqual(firstWorker, (int)status["workerProcessId"]!);
        Assert.True((int)status["workerStarts"]! >= 2);
        var lastFailure = results.Where(r => r.Status is not (HttpStatusCode.OK or HttpStatusCode.NotModified)).Select(r => r.At).DefaultIfEmpty(TimeSpan.Zero).Max();
        var failures = string.Join(", ", results.Where(r => r.Status is not (HttpStatusCode.OK or HttpStatusCode.NotModified)).OrderBy(r => r.At)
            .Select(r => $"{r.At.TotalSeconds:F2}s {(int?)r.Status}"));
        Assert.True(lastFailure < resumed + TimeSpan.FromSeconds(1),
            $"killed at {killedAt.TotalSeconds:F2}s, resumed at {resumed.TotalSeconds:F2}s, failures: {failures}");

        var deadline = Stopwatch.StartNew();
        int[] lost;
        while (true)
        {
            var json = await http.GetStringAsync(host.Api("feeds/all.json?limit=200"));
            lost = Enumerable.Range(0, 40).Where(i => !json.Contains($"Restart {i:00}")).ToArray();
            if (lost.Length == 0 || deadline.Elapsed > TimeSpan.FromSeconds(30)) break;
            await Task.Delay(200);
        }
        Assert.True(lost.Length == 0, $"articles lost: {string.Join(", ", lost)}");
        Console.WriteLine($"worker killed at {killedAt.TotalSeconds:F1} s; serving resumed {(resumed - killedAt).TotalMilliseconds:F0} ms later; " +
            $"{results.Count} reads, {results.Count(r => r.Status is not (HttpStatusCode.OK or HttpStatusCode.NotModified))} failed during the restart");
    }
}
