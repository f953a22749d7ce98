using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Syndication.Storage;

namespace Syndication.Partners;

/// <summary>
/// Counts partner pulls in memory and writes this instance's counts per partner and day (UTC) to the table at most
/// once per <see cref="PartnerOptions.PullFlushSeconds"/> (and whenever the partner list is asked for), so a pull costs
/// no storage request. A crash loses at most that interval's counts of one instance.
/// </summary>
public sealed partial class PartnerPullCounter(PartnerStore store, IOptions<PartnerOptions> options, TimeProvider time, ILogger<PartnerPullCounter> logger)
{
    private sealed class Tally
    {
        public long Count;
        public long LastPullTicks;
        public int Dirty;
    }

    private readonly string instance = Guid.NewGuid().ToString("N")[..12];
    private readonly ConcurrentDictionary<(string Id, DateOnly Day), Tally> tallies = new();
    private long lastFlushTicks = DateTimeOffset.UtcNow.UtcTicks;
    private int flushing;

    /// <summary>Counts one pull by the partner now; starts a flush in the background when one is due.</summary>
    public void Count(string partnerId)
    {
        var now = time.GetUtcNow();
        var tally = tallies.GetOrAdd((partnerId, DateOnly.FromDateTime(now.UtcDateTime)), _ => new Tally());
        Interlocked.Increment(ref tally.Count);
        Interlocked.Exchange(ref tally.LastPullTicks, now.UtcTicks);
        Volatile.Write(ref tally.Dirty, 1);
        if (now.UtcTicks - Interlocked.Read(ref lastFlushTicks) >= TimeSpan.FromSeconds(options.Value.PullFlushSeconds).Ticks
            && Interlocked.CompareExchange(ref flushing, 1, 0) == 0)
            _ = Task.Run(async () =>
            {
                try
                {
                    await FlushAsync(CancellationToken.None);
                }
                catch (Exception e)
                {
                    LogFlushFailed(e);
                }
                finally
                {
                    Volatile.Write(ref flushing, 0);
                }
            });
    }

    /// <summary>Writes the counts that changed since the last flush (one upsert per partner and day).</summary>
    public async Task FlushAsync(CancellationToken ct)
    {
        Interlocked.Exchange(ref lastFlushTicks, time.GetUtcNow().UtcTicks);
        foreach (var ((id, day), tally) in tallies)
        {
            if (Interlocked.Exchange(ref tally.Dirty, 0) == 0) continue;
            try
            {
                await store.SavePullsAsync(instance, new PartnerPulls(id, day, Interlocked.Read(ref tally.Count),
                    new DateTimeOffset(Interlocked.Read(ref tally.LastPullTicks), TimeSpan.Zero)), ct);
            }
            catch
            {
                Volatile.Write(ref tally.Dirty, 1);
                throw;
            }
        }
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        foreach (var old in tallies.Keys.Where(k => k.Day < today.AddDays(-1))) tallies.TryRemove(old, out _);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Writing partner pull counts failed; they are kept for the next flush")]
    private partial void LogFlushFailed(Exception e);
}
