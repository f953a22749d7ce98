using Syndication.Images;

namespace Syndication.Tests.Images;

public sealed class DecodeGateTests
{
    [Fact]
    public void EightDecodesAskingAtOnceRunAtMostTwoAtATime()
    {
        using var gate = new DecodeGate(2);
        var running = 0;
        var seen = 0;
        // Eight callers on threads of their own; the first two in wait for each other, so two at once is certain.
        var callers = Enumerable.Range(0, 8).Select(_ => new Thread(() => gate.RunAsync(() =>
        {
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref seen, now);
            if (gate.Entered <= 2) SpinWait.SpinUntil(() => Volatile.Read(ref running) == 2, TimeSpan.FromSeconds(10));
            Thread.Sleep(20);
            return Interlocked.Decrement(ref running);
        }).GetAwaiter().GetResult())).ToList();
        callers.ForEach(t => t.Start());
        callers.ForEach(t => t.Join());

        Assert.Equal(8, gate.Entered);
        Assert.Equal(2, gate.MaxInFlight);
        Assert.Equal(2, seen);
    }

    [Fact]
    public void ASettingBelowOneIsAnErrorNamingIt() =>
        Assert.Contains("MaxConcurrentDecodes", Assert.Throws<ArgumentOutOfRangeException>(() => new DecodeGate(0)).Message);

    private static void InterlockedMax(ref int target, int value)
    {
        for (var seen = Volatile.Read(ref target); value > seen; seen = Volatile.Read(ref target))
            if (Interlocked.CompareExchange(ref target, value, seen) == seen) return;
    }
}
