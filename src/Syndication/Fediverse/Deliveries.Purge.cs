using Microsoft.Extensions.Logging;
using Syndication.Storage;

namespace Syndication.Fediverse;

/// <summary>
/// The purge of replay rows, run from the delivery queue rather than a request: the first new row of a bucket on an
/// instance queues one message, due when the Date window has passed that bucket's end; it removes the bucket's rows and
/// every older one, <see cref="FollowerStore.PurgeBatch"/> at a time, queuing itself again while rows are left.
/// </summary>
public sealed partial class Deliveries
{
    private long scheduledBucket = long.MinValue;

    /// <summary>Queues the purge of a bucket's replay rows once per instance (a message per 12 hours, not per request).</summary>
    public async Task SchedulePurgeAsync(long bucket, CancellationToken ct = default)
    {
        var before = Interlocked.Read(ref scheduledBucket);
        if (bucket <= before || Interlocked.CompareExchange(ref scheduledBucket, bucket, before) != before) return;
        // Rows of bucket b can matter until b + 2 starts (a Date of b's last moment, received 12 hours later).
        var due = new DateTimeOffset((bucket + 2) * FollowerStore.SeenBucket.Ticks, TimeSpan.Zero) + TimeSpan.FromMinutes(1);
        var delay = due - time.GetUtcNow();
        try
        {
            await queue.SendAsync(new DeliveryMessage { Kind = DeliveryMessage.Purge, Type = "Purge", Bucket = bucket + 1, FirstTry = time.GetUtcNow() }.ToJson(),
                delay > TimeSpan.Zero ? delay : null, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The signature is already recorded: failing the request now would make the sender's retry a "replay".
            Interlocked.CompareExchange(ref scheduledBucket, before, bucket);
            LogPurgeNotQueued(bucket, e.Message);
        }
    }

    private async Task PurgeAsync(DeliveryMessage message, CancellationToken ct)
    {
        var removed = await followers.PurgeSeenAsync(message.Bucket, ct);
        LogPurged(removed, message.Bucket);
        if (removed == FollowerStore.PurgeBatch) await queue.SendAsync(message.ToJson(), ct: ct);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Queuing the purge of replay bucket {Bucket} failed (the next new row tries again): {Error}")]
    private partial void LogPurgeNotQueued(long bucket, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Removed {Rows} replay rows dated before bucket {Bucket}")]
    private partial void LogPurged(int rows, long bucket);
}
