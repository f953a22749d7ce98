using System.Text.Json.Nodes;

namespace Syndication.FunctionsHost.Settings;

/// <summary>
/// A built Functions app's folder as the host reads it: <c>worker.config.json</c> (how to start the worker),
/// <c>host.json</c> (route prefix, blob and queue trigger options) and <c>local.settings.json</c> (app settings).
/// </summary>
public sealed class ScriptRoot
{
    private ScriptRoot(string path, JsonObject host, JsonObject worker, IReadOnlyDictionary<string, string> values, int? httpPort)
    {
        Path = path;
        HostJson = host;
        Values = values;
        LocalHttpPort = httpPort;
        var description = worker["description"] as JsonObject ?? [];
        Executable = description["defaultExecutablePath"]?.GetValue<string>() ?? "dotnet";
        WorkerPath = description["defaultWorkerPath"]?.GetValue<string>()
            ?? throw new InvalidOperationException($"{System.IO.Path.Combine(path, "worker.config.json")} names no defaultWorkerPath");
        WorkerIndexing = !string.Equals(description["workerIndexing"]?.ToString(), "false", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The app's folder (the Functions host's script root).</summary>
    public string Path { get; }

    /// <summary>host.json, as parsed.</summary>
    public JsonObject HostJson { get; }

    /// <summary>local.settings.json <c>Values</c>: set for the worker and read by the host's triggers.</summary>
    public IReadOnlyDictionary<string, string> Values { get; }

    /// <summary>local.settings.json <c>Host.LocalHttpPort</c>, as <c>func start</c> reads it.</summary>
    public int? LocalHttpPort { get; }

    public string Executable { get; }
    public string WorkerPath { get; }
    public bool WorkerIndexing { get; }

    /// <summary><c>extensions.http.routePrefix</c>, "api" by default, as the host and the worker both read it.</summary>
    public string RoutePrefix => HostSetting("http", "routePrefix")?.GetValue<string>() ?? "api";

    /// <summary>A number under <c>extensions.{extension}</c> in host.json, or the default.</summary>
    public int HostNumber(string extension, string name, int fallback) =>
        HostSetting(extension, name) is JsonValue v && v.TryGetValue(out int n) ? n : fallback;

    /// <summary>A TimeSpan ("00:00:02") under <c>extensions.{extension}</c> in host.json, or the default.</summary>
    public TimeSpan HostTimeSpan(string extension, string name, TimeSpan fallback) =>
        HostSetting(extension, name) is JsonValue v && TimeSpan.TryParse(v.ToString(), out var t) ? t : fallback;

    private JsonNode? HostSetting(string extension, string name) => HostJson["extensions"]?[extension]?[name];

    public static ScriptRoot Load(string path)
    {
        path = System.IO.Path.GetFullPath(path);
        var worker = Read(path, "worker.config.json")
            ?? throw new InvalidOperationException($"{path} has no worker.config.json: point --script-root at the Functions app's build or publish output");
        var host = Read(path, "host.json") ?? throw new InvalidOperationException($"{path} has no host.json");
        var local = Read(path, "local.settings.json");
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (local?["Values"] is JsonObject v)
            foreach (var (key, value) in v)
                if (value is not null) values[key] = value.ToString();
        int? port = local?["Host"]?["LocalHttpPort"] is JsonValue p && p.TryGetValue(out int n) ? n : null;
        return new ScriptRoot(path, host, worker, values, port);
    }

    private static JsonObject? Read(string folder, string file)
    {
        var full = System.IO.Path.Combine(folder, file);
        return File.Exists(full)
            ? JsonNode.Parse(File.ReadAllText(full), documentOptions: new() { CommentHandling = System.Text.Json.JsonCommentHandling.Skip, AllowTrailingCommas = true }) as JsonObject
            : null;
    }
}
