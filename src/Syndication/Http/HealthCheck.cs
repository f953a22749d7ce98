using Microsoft.Extensions.Logging;
using Syndication.Storage;

namespace Syndication.Http;

/// <summary>
/// Whether storage answers, for the anonymous health route: one probe at a time, shared by concurrent callers, and its
/// answer kept for <see cref="CacheFor"/> after it completes, so a flood of probes costs storage nothing more. Why it
/// failed goes to the log, never to the caller.
/// </summary>
public sealed partial class HealthCheck(StorageAccount storage, StorageOutage outage, TimeProvider time, ILogger<HealthCheck> logger)
{
    /// <summary>How long an answer is kept after its probe completed.</summary>
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(10);

    private readonly Lock gate = new();
    private Task<bool>? probe;
    private DateTimeOffset answeredAt;

    /// <summary>The kept answer, the probe in flight, or a new probe when the answer is older than <see cref="CacheFor"/>.</summary>
    public Task<bool> HealthyAsync()
    {
        lock (gate)
        {
            if (probe is { IsCompleted: false } || (probe is not null && time.GetUtcNow() - answeredAt < CacheFor)) return probe;
            return probe = ProbeAsync();
        }
    }

    private async Task<bool> ProbeAsync()
    {
        bool healthy;
        try
        {
            // Not the caller's token: the probe is shared, and one caller leaving must not fail the others.
            using var timeout = new CancellationTokenSource(ProbeTimeout);
            await storage.ProbeAsync(timeout.Token);
            healthy = true;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Storage not answering is one line (the outage's); anything else, with its stack, is worth reading.
            if (StorageOutage.IsUnreachable(e)) outage.Report(e);
            else LogUnhealthy(e);
            healthy = false;
        }
        lock (gate) answeredAt = time.GetUtcNow();
        return healthy;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Health probe failed: storage did not answer")]
    private partial void LogUnhealthy(Exception exception);
}
