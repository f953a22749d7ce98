using Azure;
using Syndication.FunctionsHost.Worker;

namespace Syndication.FunctionsHost.Triggers;

/// <summary>
/// The local stand-in for Event Grid (Azurite sends no events): lists the container of every EventGrid-sourced blob
/// trigger every <c>FunctionsHost:BlobEventSeconds</c> (2 by default; 0 turns it off) and queues the blobs that are new
/// or changed since the last listing, as BlobCreated events would. Deletions make no work, as with Event Grid.
/// </summary>
public sealed partial class ContainerEvents(IConfiguration configuration, StorageAccount storage, BlobTriggers triggers, WorkerSupervisor supervisor,
    ILogger<ContainerEvents> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var seconds = configuration.GetValue("FunctionsHost:BlobEventSeconds", 2.0);
        if (seconds <= 0) return;
        var functions = (await supervisor.FunctionsAsync("blobTrigger", stoppingToken))
            .Where(f => string.Equals(f.TriggerProperty("source"), "EventGrid", StringComparison.OrdinalIgnoreCase)).ToArray();
        if (functions.Length == 0) return;
        var seen = functions.ToDictionary(f => f.Name, _ => new Dictionary<string, ETag>(StringComparer.Ordinal));
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(seconds));
        do
        {
            foreach (var function in functions)
            {
                try
                {
                    await AnnounceChangesAsync(function, seen[function.Name], stoppingToken);
                }
                catch (Exception e) when (e is RequestFailedException or HttpRequestException or AggregateException)
                {
                    LogListFailed(function.Name, e.Message);
                }
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task AnnounceChangesAsync(FunctionInfo function, Dictionary<string, ETag> seen, CancellationToken ct)
    {
        var (container, pattern) = triggers.PathOf(function);
        var client = storage.Container(function.TriggerProperty("connection"), container);
        if (!await client.ExistsAsync(ct)) return;
        var listed = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var blob in client.GetBlobsAsync(cancellationToken: ct))
        {
            listed.Add(blob.Name);
            if (!pattern.IsMatch(blob.Name) || (seen.TryGetValue(blob.Name, out var etag) && etag == blob.Properties.ETag)) continue;
            await triggers.EnqueueAsync(function, container, blob.Name, blob.Properties.ETag?.ToString(), ct);
            seen[blob.Name] = blob.Properties.ETag ?? default;
        }
        foreach (var gone in seen.Keys.Where(k => !listed.Contains(k)).ToArray()) seen.Remove(gone);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Listing the container of {Function} for blob events failed: {Error}")]
    private partial void LogListFailed(string function, string error);
}
