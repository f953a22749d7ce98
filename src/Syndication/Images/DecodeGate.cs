namespace Syndication.Images;

/// <summary>
/// The one process-wide limit on image decodes at once (setting Syndication:MaxConcurrentDecodes): each decode holds
/// its bitmaps and runs its encodes on every core, so twenty at once cost memory and time and finish no sooner.
/// </summary>
public sealed class DecodeGate : IDisposable
{
    private readonly SemaphoreSlim slots;
    private int inFlight, maxInFlight, entered;

    public DecodeGate(int slots)
    {
        if (slots < 1)
            throw new ArgumentOutOfRangeException(nameof(slots), slots, "images: Syndication:MaxConcurrentDecodes must be at least 1");
        Slots = slots;
        this.slots = new SemaphoreSlim(slots, slots);
    }

    /// <summary>How many decodes may run at once.</summary>
    public int Slots { get; }

    /// <summary>The most decodes that ran at once since the process started (what the tests and benchmarks read).</summary>
    public int MaxInFlight => Volatile.Read(ref maxInFlight);

    /// <summary>How many decodes have passed the gate.</summary>
    public int Entered => Volatile.Read(ref entered);

    /// <summary>Runs the decode when a slot is free, on the caller's thread, and frees the slot when it ends.</summary>
    public async Task<T> RunAsync<T>(Func<T> decode, CancellationToken ct = default)
    {
        await slots.WaitAsync(ct);
        try
        {
            Interlocked.Increment(ref entered);
            var now = Interlocked.Increment(ref inFlight);
            for (var seen = MaxInFlight; now > seen; seen = MaxInFlight)
                if (Interlocked.CompareExchange(ref maxInFlight, now, seen) == seen) break;
            return decode();
        }
        finally
        {
            Interlocked.Decrement(ref inFlight);
            slots.Release();
        }
    }

    public void Dispose() => slots.Dispose();
}
