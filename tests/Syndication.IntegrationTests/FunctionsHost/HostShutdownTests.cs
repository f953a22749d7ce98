using System.Diagnostics;
using Syndication.Tests.Support;

namespace Syndication.Tests.FunctionsHost;

/// <summary>
/// Ctrl-C on <c>./run.sh --functions</c> signals the host and its worker together (one process group): the worker
/// leaving is the shutdown, so the host starts no new one, and stops within seconds.
/// </summary>
public sealed class HostShutdownTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task CtrlCStopsTheHostWithoutStartingANewWorker()
    {
        var host = await HostProcess.StartAsync(azurite);
        await using (host)
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(20) };
            var worker = (int)(await host.StatusAsync(http))["workerProcessId"]!;

            // As the terminal delivers Ctrl-C: the host, then (a moment later) the worker, each its SIGINT.
            var clock = Stopwatch.StartNew();
            Signal("INT", host.Process.Id);
            await Task.Delay(50);
            Signal("INT", worker);
            var exited = host.Process.WaitForExit(TimeSpan.FromSeconds(20));
            if (exited) host.Process.WaitForExit(); // and its log read to the end

            Assert.True(exited, "the host was still running 20 s after Ctrl-C:\n" + string.Join('\n', host.Log.TakeLast(20)));
            Assert.DoesNotContain(host.Log, l => l.Contains("went away") || l.Contains("failed to start"));
            Assert.Single(host.Log, l => l.Contains("ready with"));
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"the host took {clock.Elapsed.TotalSeconds:F1} s to stop");
        }
    }

    private static void Signal(string signal, int pid)
    {
        using var kill = Process.Start("kill", ["-" + signal, pid.ToString()]);
        kill.WaitForExit(5000);
    }
}
