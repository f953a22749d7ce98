using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Syndication.Tests.Support;

/// <summary>
/// Our Functions host (src/Syndication.FunctionsHost) as a separate process, running the built Functions app as its
/// worker against a test's own Azurite (the app's container and table names are its real ones), with its log kept.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    /// <summary>The master key: admin-level functions, the admin API, webhooks, everything.</summary>
    public const string Key = "host-test-key";

    /// <summary>HandleBlobDeleted's own function key ("eventgrid"), as the postdeploy hooks make it in Azure.</summary>
    public const string WebhookKey = "host-test-webhook-key";

    /// <summary>A host function key ("default"): every function-level function, no admin-level one.</summary>
    public const string HostFunctionKey = "host-test-function-key";
    private readonly Process process;
    private readonly ConcurrentQueue<string> log = new();

    private HostProcess(Process process, AzuriteFixture azurite, int port)
    {
        this.process = process;
        Azurite = azurite;
        BaseUrl = new Uri($"http://127.0.0.1:{port}/");
        process.OutputDataReceived += (_, e) => { if (e.Data is { } line) log.Enqueue(line); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { } line) log.Enqueue(line); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public AzuriteFixture Azurite { get; }

    /// <summary>The host's origin (http://127.0.0.1:port/); the app's routes are under api/.</summary>
    public Uri BaseUrl { get; }

    public Uri Api(string path) => new(BaseUrl, "api/" + path);

    public Process Process => process;

    /// <summary>Everything the host (and, through it, the worker) logged so far.</summary>
    public IReadOnlyList<string> Log => log.ToArray();

    public Azure.Storage.Blobs.BlobContainerClient Articles => new(Azurite.ConnectionString, "articles");

    public static string Dll(string project) =>
        Repo.Path("src", project, "bin", Configuration, "net10.0", project + ".dll");

    public static string ScriptRoot => Repo.Path("src", "Syndication.Functions", "bin", Configuration, "net10.0");

    private static string Configuration => new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;

    /// <summary>Starts the host; returns once <c>/api/feeds/all.rss</c> answers 200 through the worker.</summary>
    public static async Task<HostProcess> StartAsync(AzuriteFixture azurite, IDictionary<string, string>? settings = null)
    {
        var port = Ports.Free();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { Dll("Syndication.FunctionsHost"), "--script-root", ScriptRoot, "--port", port.ToString() }) start.ArgumentList.Add(a);
        start.Environment["AzureWebJobsStorage"] = azurite.ConnectionString;
        start.Environment["FunctionsHost__Key"] = Key;
        start.Environment["FunctionsHost__HostKeys__default"] = HostFunctionKey;
        start.Environment["FunctionsHost__FunctionKeys__HandleBlobDeleted__eventgrid"] = WebhookKey;
        start.Environment["FunctionsHost__BlobEventSeconds"] = "0";
        start.Environment["ReconcileSchedule"] = "0 0 0 1 1 *";
        foreach (var (k, v) in settings ?? new Dictionary<string, string>()) start.Environment[k] = v;
        var host = new HostProcess(Process.Start(start)!, azurite, port);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(60) && !host.process.HasExited)
        {
            try
            {
                if ((await http.GetAsync(host.Api("feeds/all.rss"))).IsSuccessStatusCode) return host;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
            }
            await Task.Delay(100);
        }
        var output = string.Join('\n', host.Log);
        await host.DisposeAsync();
        throw new InvalidOperationException("the Functions host did not serve /api/feeds/all.rss within 60 s:\n" + output);
    }

    /// <summary>Posts Event Grid BlobCreated (or BlobDeleted) events for blobs of the articles container, as Azure does.</summary>
    public Task<HttpResponseMessage> PostBlobEventsAsync(HttpClient http, string eventType, params string[] blobNames) =>
        PostEventsAsync(http, new Uri(BaseUrl, "runtime/webhooks/blobs?functionName=Host.Functions.IngestArticle&code=" + Key), eventType, blobNames);

    /// <summary>Posts Event Grid events to a webhook URL, as Event Grid delivers them (aeg-event-type Notification).</summary>
    public async Task<HttpResponseMessage> PostEventsAsync(HttpClient http, Uri webhook, string eventType, params string[] blobNames)
    {
        var events = new JsonArray(blobNames.Select(name => (JsonNode)new JsonObject
        {
            ["id"] = Guid.NewGuid().ToString(),
            ["eventType"] = eventType,
            ["subject"] = $"/blobServices/default/containers/articles/blobs/{name}",
            ["eventTime"] = DateTimeOffset.UtcNow.ToString("O"),
            ["dataVersion"] = "",
            ["data"] = new JsonObject { ["api"] = "PutBlob", ["blobType"] = "BlockBlob", ["url"] = Articles.GetBlobClient(name).Uri.ToString() },
        }).ToArray());
        using var request = new HttpRequestMessage(HttpMethod.Post, webhook)
        {
            Content = JsonContent.Create(events),
        };
        request.Headers.Add("aeg-event-type", "Notification");
        return await http.SendAsync(request);
    }

    /// <summary>Runs a non-HTTP function now through the host's admin API.</summary>
    public async Task<HttpResponseMessage> InvokeAsync(HttpClient http, string function, string input = "")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(BaseUrl, $"admin/functions/{function}")) { Content = JsonContent.Create(new { input }) };
        request.Headers.Add("x-functions-key", Key);
        return await http.SendAsync(request);
    }

    /// <summary>The host's status (admin API): state, worker process id, worker starts.</summary>
    public async Task<JsonObject> StatusAsync(HttpClient http)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(BaseUrl, "admin/host/status"));
        request.Headers.Add("x-functions-key", Key);
        return (JsonObject)JsonNode.Parse(await (await http.SendAsync(request)).Content.ReadAsStringAsync())!;
    }

    /// <summary>The functions the host reported as executed successfully ("Executed 'Functions.X' (Succeeded").</summary>
    public HashSet<string> Succeeded() =>
        Log.Select(l => System.Text.RegularExpressions.Regex.Match(l, @"Executed 'Functions\.(\w+)' \(Succeeded")).Where(m => m.Success)
            .Select(m => m.Groups[1].Value).ToHashSet();

    public ValueTask DisposeAsync() => ChildProcesses.StopAsync(process);
}

/// <summary>Its own Azurite and one Functions host on it, shared by a test class (the app's names are fixed).</summary>
public class HostFixture : IAsyncLifetime
{
    public AzuriteFixture Azurite { get; } = new();
    public HostProcess Host { get; private set; } = null!;

    /// <summary>Settings for the host and its worker beyond <see cref="HostProcess.StartAsync"/>'s own.</summary>
    protected virtual IDictionary<string, string>? Settings => null;

    public async Task InitializeAsync()
    {
        await Azurite.InitializeAsync();
        Host = await HostProcess.StartAsync(Azurite, Settings);
    }

    public async Task DisposeAsync()
    {
        if (Host is not null) await Host.DisposeAsync();
        await Azurite.DisposeAsync();
    }
}
