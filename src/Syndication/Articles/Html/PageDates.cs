using System.Globalization;
using System.Text.RegularExpressions;

namespace Syndication.Articles;

/// <summary>
/// Dates as pages write them in metadata: ISO 8601 (with or without a colon in the offset), RFC 1123 with a zone
/// abbreviation ("Tue, 05 Mar 2024 08:30:00 EST"), Unix time, or prose ("March 5, 2024 at 9:45 PM CST").
/// </summary>
internal static partial class PageDates
{
    private static readonly string[] CompactFormats = ["yyyyMMdd'T'HHmmssK", "yyyyMMddHHmmss", "yyyyMMdd"];

    /// <summary>
    /// The instant the text states, in the offset it states (its day is the page's); without one UTC (marked as stating
    /// none), without a time midnight; "05/03/2024" as the page's <paramref name="locale"/> writes it; null when none.
    /// </summary>
    public static PageDate? Parse(string? text, PageLocale? locale = null)
    {
        if (string.IsNullOrWhiteSpace(text) || !Year().IsMatch(text)) return null;
        var s = OffsetWithoutColon().Replace(text.Trim(), "$1$2:$3");
        if (ZoneAbbreviation().Match(s) is { Success: true } zone && Datelines.Zone(zone.Groups["zone"].Value) is { } offset)
            s = s[..zone.Index] + (offset < TimeSpan.Zero ? " -" : " +") + offset.ToString(@"hh\:mm", CultureInfo.InvariantCulture);
        const DateTimeStyles styles = DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces;
        if (DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, styles, out var d)
            || DateTimeOffset.TryParseExact(s, CompactFormats, CultureInfo.InvariantCulture, styles, out d))
            return Plausible(d) is { } when ? new PageDate(when, StatesZone(s)) : null;
        return Datelines.Read(text, locale).Select(st => (PageDate?)st.When).FirstOrDefault();
    }

    /// <summary>A Unix time in seconds or milliseconds ("1710620580000"), as pages' scripts stamp it.</summary>
    public static PageDate? FromUnix(string? text)
    {
        if (!long.TryParse(text?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n)) return null;
        var d = n switch
        {
            >= 100_000_000_000 and < 10_000_000_000_000 => DateTimeOffset.FromUnixTimeMilliseconds(n),
            >= 100_000_000 and < 10_000_000_000 => DateTimeOffset.FromUnixTimeSeconds(n),
            _ => (DateTimeOffset?)null,
        };
        return d is { } v && Plausible(v) is { } when ? new PageDate(when, true) : null;
    }

    // Whether a text the framework parsed named its zone ("Z", "+01:00", "GMT"): it then reads as UTC or local time, not unspecified.
    /// <summary>Whether a machine-readable time states its zone ("…Z", "…+01:00", "…-05"): a time without one is the publisher's.</summary>
    internal static bool StatesZone(string s) =>
        (DateTime.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.RoundtripKind, out var t)
            || DateTime.TryParseExact(s, CompactFormats, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out t))
        && t.Kind != DateTimeKind.Unspecified;

    private static DateTimeOffset? Plausible(DateTimeOffset d) =>
        d.Year >= 1900 && d.Year <= DateTime.UtcNow.Year + 1 ? d : null;

    // A time alone ("17:45") would parse as today.
    [GeneratedRegex(@"(?:^|\D)(?:1[89]|2\d)\d{2}(?:\D|$)|^\d{8}")]
    private static partial Regex Year();

    [GeneratedRegex(@"(T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?[+-])(\d{2})(\d{2})$")]
    private static partial Regex OffsetWithoutColon();

    [GeneratedRegex(@"(?<=\d)\s+(?<zone>[A-Z]{3,4})$")]
    private static partial Regex ZoneAbbreviation();
}
