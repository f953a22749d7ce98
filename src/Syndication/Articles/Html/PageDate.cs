namespace Syndication.Articles;

/// <summary>
/// A date as a page states it: <see cref="When"/> as read (a time without a zone read as UTC, a day as its midnight),
/// and whether the page stated the zone, so that the publisher's zone applies only to times that state none.
/// </summary>
internal readonly record struct PageDate(DateTimeOffset When, bool ZoneStated)
{
    /// <summary>The date in <paramref name="zone"/> when the page stated no zone (same wall clock, same day), else as stated.</summary>
    public DateTimeOffset In(TimeZoneInfo? zone) => ZoneStated ? When : PublisherZone.Local(When.DateTime, zone);
}
