using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Syndication.Tests.Support;

namespace Syndication.Tests.Runner;

/// <summary>The runner with nothing listening where storage should be: 503 with Retry-After, and one log line, no stack traces.</summary>
public sealed class StorageDownTests
{
    [Fact]
    public async Task EveryReadAnswers503WithRetryAfterAndTheLogHasOneLineForTheOutage()
    {
        var (blob, queue, table) = (Ports.Free(), Ports.Free(), Ports.Free());
        var port = Ports.Free();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { RunnerProcess.Dll, "serve", "--urls", $"http://127.0.0.1:{port}" }) start.ArgumentList.Add(a);
        start.Environment["AzureWebJobsStorage"] = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=" + AzuriteFixture.AccountKey +
            $";BlobEndpoint=http://127.0.0.1:{blob}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{queue}/devstoreaccount1;TableEndpoint=http://127.0.0.1:{table}/devstoreaccount1;";
        start.Environment["Syndication__AdminKey"] = "outage-test-key";
        var log = new ConcurrentQueue<string>();
        using var runner = Process.Start(start)!;
        runner.OutputDataReceived += (_, e) => { if (e.Data is { } line) log.Enqueue(line); };
        runner.ErrorDataReceived += (_, e) => { if (e.Data is { } line) log.Enqueue(line); };
        runner.BeginOutputReadLine();
        runner.BeginErrorReadLine();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/api/"), Timeout = TimeSpan.FromSeconds(30) };
            http.DefaultRequestHeaders.Add("x-functions-key", "outage-test-key");
            var first = await FirstAnswerAsync(http, "feeds/all.rss");
            Assert.True(first.Elapsed < TimeSpan.FromSeconds(15), $"the first answer took {first.Elapsed.TotalSeconds:F1} s");

            // Together, so the whole test stays inside the outage's one log line a minute.
            await Task.WhenAll(new[] { "feeds/all.rss", "feeds/all.json?limit=3", "feeds/category/local.atom", "feeds.opml", "articles/harbour-reopens",
                "images/harbour-reopens/boats.jpg", "", "manage/rejections" }.Select(async path =>
            {
                using var reply = await http.GetAsync(path);
                Assert.True(reply.StatusCode == HttpStatusCode.ServiceUnavailable, $"{path}: {(int)reply.StatusCode} {await reply.Content.ReadAsStringAsync()}");
                Assert.Equal(TimeSpan.FromSeconds(5), reply.Headers.RetryAfter?.Delta);
                Assert.Equal("text/plain", reply.Content.Headers.ContentType?.MediaType);
                Assert.Equal("storage is not answering; try again in 5 seconds\n", await reply.Content.ReadAsStringAsync());
            }));
        }
        finally
        {
            runner.Kill(entireProcessTree: true);
            runner.WaitForExit();
        }
        var lines = log.ToArray();
        Assert.True(lines.Count(l => l.Contains("Storage is not answering")) == 1, string.Join('\n', lines));
        Assert.DoesNotContain(lines, l => l.TrimStart().StartsWith("at ", StringComparison.Ordinal) || l.Contains("Exception"));
    }

    private static async Task<(HttpStatusCode Status, TimeSpan Elapsed)> FirstAnswerAsync(HttpClient http, string path)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                var asked = Stopwatch.StartNew();
                using var reply = await http.GetAsync(path);
                Assert.Equal(HttpStatusCode.ServiceUnavailable, reply.StatusCode);
                return (reply.StatusCode, asked.Elapsed);
            }
            catch (HttpRequestException) when (clock.Elapsed < TimeSpan.FromSeconds(30))
            {
                await Task.Delay(100); // not listening yet
            }
        }
    }
}
