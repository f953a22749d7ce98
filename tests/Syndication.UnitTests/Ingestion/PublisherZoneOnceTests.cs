using Syndication.Ingestion;

namespace Syndication.Tests.Ingestion;

/// <summary>The publisher's zone is looked up once for the bound options, not at every ingestion, and follows a changed id.</summary>
public sealed class PublisherZoneOnceTests
{
    [Fact]
    public async Task ThousandsOfIngestionsReadingTheZoneLookItUpOnce()
    {
        var options = new IngestionOptions { TimeZone = "America/New_York" };
        for (var i = 0; i < 1000; i++) Assert.Equal(TimeSpan.FromHours(-5), options.FindZone().BaseUtcOffset);
        Assert.Equal(1, options.ZoneLookups);

        // Ingestions in parallel (a reconcile pass) read the zone found then.
        var zones = await Task.WhenAll(Enumerable.Range(0, 64).Select(_ => Task.Run(() => Enumerable.Range(0, 100).Select(_ => options.FindZone()).Distinct().Single())));
        Assert.All(zones, z => Assert.Same(options.FindZone(), z));
        Assert.Equal(1, options.ZoneLookups);
    }

    [Fact]
    public void AnotherIdIsLookedUpAgainAndAnUnknownOneIsUtc()
    {
        var options = new IngestionOptions();
        Assert.Equal(TimeZoneInfo.Utc, options.FindZone());
        options.TimeZone = "Europe/Paris";
        Assert.Equal(TimeSpan.FromHours(1), options.FindZone().BaseUtcOffset);
        options.TimeZone = "Mars/Olympus_Mons";
        Assert.Equal(TimeZoneInfo.Utc, options.FindZone());
        Assert.Equal(3, options.ZoneLookups);
    }
}
