namespace Syndication.Tests.Support;

/// <summary>A clock a test moves by hand (the services take a TimeProvider); it starts at the real time, or at a given one.</summary>
public sealed class ManualClock(DateTimeOffset? start = null) : TimeProvider
{
    private DateTimeOffset now = start ?? DateTimeOffset.UtcNow;

    public override DateTimeOffset GetUtcNow() => now;

    public void Advance(TimeSpan by) => now += by;
}
