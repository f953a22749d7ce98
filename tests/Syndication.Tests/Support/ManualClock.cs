namespace Syndication.Tests.Support;

/// <summary>A clock a test moves by hand (the services take a TimeProvider); it starts at the real time.</summary>
public sealed class ManualClock : TimeProvider
{
    private DateTimeOffset now = DateTimeOffset.UtcNow;

    public override DateTimeOffset GetUtcNow() => now;

    public void Advance(TimeSpan by) => now += by;
}
