using System.Globalization;
using System.Text.RegularExpressions;

namespace Syndication.Articles;

/// <summary>Dates as pages write them: ISO 8601 (with or without a colon in the offset), RFC 1123, or prose.</summary>
internal static partial class PageDates
{
    private static readonly string[] CompactFormats = ["yyyyMMdd'T'HHmmssK", "yyyyMMddHHmmss", "yyyyMMdd"];

    /// <summary>The instant the text states, in UTC; a date without a time is midnight UTC; null when there is none.</summary>
    public static DateTimeOffset? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || !Year().IsMatch(text)) return null;
        var s = OffsetWithoutColon().Replace(text.Trim(), "$1$2:$3");
        const DateTimeStyles styles = DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces;
        if (DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, styles, out var d)
            || DateTimeOffset.TryParseExact(s, CompactFormats, CultureInfo.InvariantCulture, styles, out d))
            return Plausible(d.ToUniversalTime());
        return DateFinder.FirstDate(text);
    }

    private static DateTimeOffset? Plausible(DateTimeOffset d) =>
        d.Year >= 1900 && d.Year <= DateTime.UtcNow.Year + 1 ? d : null;

    // A time alone ("17:45") would parse as today.
    [GeneratedRegex(@"(?:^|\D)(?:1[89]|2\d)\d{2}(?:\D|$)|^\d{8}")]
    private static partial Regex Year();

    [GeneratedRegex(@"(T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?[+-])(\d{2})(\d{2})$")]
    private static partial Regex OffsetWithoutColon();
}
