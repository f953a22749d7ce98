using Syndication.Articles;

namespace Syndication.Ingestion;

/// <summary>Size caps on what ingestion reads and how much it does at once (section "Syndication", e.g. app setting Syndication__MaxDocumentBytes).</summary>
public sealed class IngestionOptions
{
    public const string Section = "Syndication";

    /// <summary>Largest document parsed; a larger one is rejected without being downloaded.</summary>
    public int MaxDocumentBytes { get; set; } = DocumentParser.MaxDocumentBytes;

    /// <summary>Largest image published; a larger one is rejected without being downloaded.</summary>
    public int MaxImageBytes { get; set; } = 20 * 1024 * 1024;

    /// <summary>
    /// How many images this instance decodes at once for renditions (one gate for every ingestion in the process).
    /// Each decode holds up to about 40 MB of pixels and encodes on every core, so more than the cores buys nothing.
    /// </summary>
    public int MaxConcurrentDecodes { get; set; } = 2;

    /// <summary>
    /// How many slugs one reconciliation converges at once. Their saves share transactions (ArticleStore's group
    /// commit), so more in flight means fewer, larger transactions; each slug still costs a few storage calls at once.
    /// </summary>
    public int ReconcileParallelism { get; set; } = 16;

    /// <summary>
    /// How often the Functions timer's reconcile pass also verifies every published body and image (hours): that pass
    /// reads every article row and lists the published container, so it runs about once a day, not every 5 minutes.
    /// </summary>
    public double VerifyPublishedHours { get; set; } = 24;

    /// <summary>
    /// The zone the publisher's documents state times in when they name none (an IANA id such as "America/New_York";
    /// a Windows id works too; fixed-offset ids such as "EST" have no daylight saving, so a New York publisher sets
    /// America/New_York): "2024-03-01 09:00" is 09:00 there. A stated zone is never changed.
    /// </summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>
    /// The zone <see cref="TimeZone"/> names (UTC for an id start refuses), looked up once per id: the options are bound
    /// once, so every ingestion after the first reads the zone found then.
    /// </summary>
    public TimeZoneInfo FindZone()
    {
        var id = TimeZone;
        if (found is { } f && ReferenceEquals(f.Item1, id)) return f.Item2;
        var zone = PublisherZone.Find(id) ?? TimeZoneInfo.Utc;
        Interlocked.Increment(ref zoneLookups);
        found = Tuple.Create(id, zone);
        return zone;
    }

    // The id last looked up and its zone, as one reference so that threads see both or neither.
    private Tuple<string, TimeZoneInfo>? found;
    private int zoneLookups;

    /// <summary>How many times the zone was looked up (the tests' measure that it is once per id).</summary>
    internal int ZoneLookups => Volatile.Read(ref zoneLookups);

    /// <summary>The rules checked at start: every cap and count at least 1, the verify interval not negative, a known zone.</summary>
    public static void Check(IngestionOptions o, SettingRules rules) => rules
        .AtLeast(nameof(MaxDocumentBytes), o.MaxDocumentBytes, 1)
        .AtLeast(nameof(MaxImageBytes), o.MaxImageBytes, 1)
        .AtLeast(nameof(MaxConcurrentDecodes), o.MaxConcurrentDecodes, 1)
        .AtLeast(nameof(ReconcileParallelism), o.ReconcileParallelism, 1)
        .AtLeast(nameof(VerifyPublishedHours), o.VerifyPublishedHours, 0)
        .Rule(PublisherZone.Find(o.TimeZone) is not null,
            $"{rules.Setting(nameof(TimeZone))} must name a time zone, such as America/New_York, Europe/Paris or UTC (it is \"{o.TimeZone}\")");
}
