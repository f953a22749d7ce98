using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Syndication.Tests.Support;

/// <summary>The local runner's built program, started as a separate process against the test's Azurite and names.</summary>
public sealed class RunnerProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly Dictionary<string, string> environment;

    private RunnerProcess(Process process, Dictionary<string, string> environment, Uri baseUrl)
    {
        this.process = process;
        this.environment = environment;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    /// <summary>The runner's incoming container, for publishing straight to storage as a publisher would.</summary>
    public Azure.Storage.Blobs.BlobContainerClient Incoming =>
        new(environment["AzureWebJobsStorage"], environment["Syndication__Storage__ArticlesContainer"]);

    /// <summary>The runner process (for its memory and CPU).</summary>
    public Process Process => process;

    public static string Dll
    {
        get
        {
            var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
            return Repo.Path("src", "Syndication.LocalRunner", "bin", configuration, "net10.0", "Syndication.LocalRunner.dll");
        }
    }

    /// <summary>Its settings (environment variables): another runner started with them shares its storage.</summary>
    public IReadOnlyDictionary<string, string> Environment => environment;

    /// <summary>
    /// Starts a runner on a free port with its own table and containers, or, with <paramref name="settings"/> from
    /// another runner's <see cref="Environment"/>, on the same storage (the settings override the defaults).
    /// </summary>
    public static async Task<RunnerProcess> StartAsync(AzuriteFixture azurite, IReadOnlyDictionary<string, string>? settings = null)
    {
        var id = Guid.NewGuid().ToString("N")[..12];
        var environment = new Dictionary<string, string>
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["Syndication__Storage__ArticlesContainer"] = $"articles-{id}",
            ["Syndication__Storage__PublishedContainer"] = $"published-{id}",
            ["Syndication__Storage__Table"] = $"articles{id}",
            ["Syndication__WatchIntervalSeconds"] = "1",
        };
        foreach (var (k, v) in settings ?? new Dictionary<string, string>()) environment[k] = v;
        var port = Ports.Free();
        var process = Start(environment, "serve", "--urls", $"http://127.0.0.1:{port}");
        var runner = new RunnerProcess(process, environment, new Uri($"http://127.0.0.1:{port}/api/"));
        using var http = new HttpClient();
        for (var i = 0; i < 300; i++)
        {
            try
            {
                if ((await http.GetAsync(new Uri(runner.BaseUrl, "feeds/all.rss"))).IsSuccessStatusCode) return runner;
            }
            catch (HttpRequestException)
            {
            }
            if (process.HasExited) break;
            await Task.Delay(100);
        }
        await runner.DisposeAsync();
        throw new InvalidOperationException("the local runner did not answer within 30 s");
    }

    /// <summary>Runs one of the runner's commands (publish, unpublish) to completion; returns its output.</summary>
    public async Task<string> CommandAsync(params string[] args)
    {
        using var command = Start(environment, args);
        var output = await command.StandardOutput.ReadToEndAsync();
        await command.WaitForExitAsync();
        Assert.True(command.ExitCode == 0, $"'{string.Join(' ', args)}' exited with {command.ExitCode}: {output}{await command.StandardError.ReadToEndAsync()}");
        return output;
    }

    /// <summary>Runs one runner command with these settings until it exits by itself (at most 30 s): its exit code and both outputs.</summary>
    public static async Task<(int Exit, string Out, string Error)> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        using var process = Start(new Dictionary<string, string>(environment), args);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"the local runner was still running after 30 s: {string.Join(' ', args)}");
        }
        return (process.ExitCode, await output, await error);
    }

    /// <summary>A start that should fail: the exit code and both outputs together.</summary>
    public static async Task<(int ExitCode, string Output)> ExitAsync(IReadOnlyDictionary<string, string> settings, params string[] args)
    {
        var (exit, output, error) = await RunAsync(settings, args);
        return (exit, output + error);
    }

    private static Process Start(Dictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Dll);
        foreach (var a in args) start.ArgumentList.Add(a);
        foreach (var (k, v) in environment) start.Environment[k] = v;
        return Process.Start(start)!;
    }


    public ValueTask DisposeAsync() => ChildProcesses.StopAsync(process);
}
