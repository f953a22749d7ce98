using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Syndication.Tests.Support;

namespace Syndication.Tests.Fediverse;

/// <summary>fedify-peer.mjs as a child process: its events (one JSON line each) to wait for, and lines to send it.</summary>
public sealed class FedifyPeer : IAsyncDisposable
{
    private readonly Process process;
    private readonly Channel<JsonObject> events = Channel.CreateUnbounded<JsonObject>();
    private readonly List<JsonObject> seen = [];

    private FedifyPeer(Process process) => this.process = process;

    /// <summary>What it printed on stderr: with WIRE=1, every POST it sent or received (headers and body), one JSON line each.</summary>
    public List<string> Wire { get; } = [];

    /// <summary>Starts the peer on a free port; it looks up <paramref name="actor"/> and follows it.</summary>
    public static FedifyPeer Start(string actor)
    {
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
        start.ArgumentList.Add(Repo.Path("tests", "Syndication.IntegrationTests", "Fediverse", "fedify-peer.mjs"));
        start.ArgumentList.Add(Ports.Free().ToString());
        start.ArgumentList.Add(actor);
        start.Environment["WIRE"] = "1";
        var peer = new FedifyPeer(Process.Start(start)!);
        peer.process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { Length: > 0 } line && line.StartsWith('{') && JsonNode.Parse(line) is JsonObject o) peer.events.Writer.TryWrite(o);
        };
        peer.process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { } line) lock (peer.Wire) peer.Wire.Add(line);
        };
        peer.process.BeginOutputReadLine();
        peer.process.BeginErrorReadLine();
        return peer;
    }

    /// <summary>The first event named <paramref name="name"/> that matches (an earlier unmatched one counts), within 90 s.</summary>
    public async Task<JsonObject> WaitAsync(string name, Func<JsonObject, bool>? match = null)
    {
        bool Fits(JsonObject e) => (string?)e["event"] == name && (match?.Invoke(e) ?? true);
        if (seen.FirstOrDefault(Fits) is { } earlier) return earlier;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        try
        {
            while (true)
            {
                var next = await events.Reader.ReadAsync(timeout.Token);
                seen.Add(next);
                if ((string?)next["event"] == "error") throw new InvalidOperationException("the Fedify peer failed: " + next.ToJsonString());
                if (Fits(next)) return next;
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"the Fedify peer sent no '{name}' within 90 s; it sent: {string.Join("\n", seen.Select(e => e.ToJsonString()))}\n{string.Join("\n", Wire)}");
        }
    }

    /// <summary>Sends the peer a command line ("outbox", "unfollow").</summary>
    public Task SendAsync(string line) => process.StandardInput.WriteLineAsync(line);

    public ValueTask DisposeAsync() => ChildProcesses.StopAsync(process);
}
