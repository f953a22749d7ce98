namespace Syndication.Articles;

/// <summary>
/// The zone a publisher's documents state times in when they name none (app setting Syndication__TimeZone, UTC unless
/// set): a time written without a zone is that wall-clock time there; a time that states its zone keeps it.
/// </summary>
public static class PublisherZone
{
    /// <summary>The zone an id names: IANA ("America/New_York", "EST", "GMT") or Windows; UTC when empty; null when unknown.</summary>
    public static TimeZoneInfo? Find(string? id)
    {
        if (string.IsNullOrWhiteSpace(id) || id.Trim().Equals("UTC", StringComparison.OrdinalIgnoreCase)) return TimeZoneInfo.Utc;
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id.Trim());
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return null;
        }
    }

    /// <summary>
    /// A wall-clock time in <paramref name="zone"/> (UTC when null) at the offset the zone has then; a time the clocks
    /// pass twice (going back) takes the standard offset, one they skip (going forward) the offset before the change.
    /// </summary>
    public static DateTimeOffset Local(DateTime wallClock, TimeZoneInfo? zone)
    {
        var t = DateTime.SpecifyKind(wallClock, DateTimeKind.Unspecified);
        if (zone is null || zone == TimeZoneInfo.Utc) return new DateTimeOffset(t, TimeSpan.Zero);
        if (zone.IsAmbiguousTime(t))
        {
            var offsets = zone.GetAmbiguousTimeOffsets(t);
            return new DateTimeOffset(t, offsets.Contains(zone.BaseUtcOffset) ? zone.BaseUtcOffset : offsets.Min());
        }
        return new DateTimeOffset(t, zone.GetUtcOffset(zone.IsInvalidTime(t) ? t.AddDays(-1) : t));
    }
}
