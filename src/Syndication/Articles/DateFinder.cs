using System.Globalization;
using System.Text.RegularExpressions;

namespace Syndication.Articles;

/// <summary>Finds the first calendar date a text states ("February 28, 2019", "28 Feb 2019", "2019-02-28").</summary>
public static partial class DateFinder
{
    private static readonly string[] Months =
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    /// <summary>The earliest-placed plausible date in the text, as midnight UTC; null when none is stated.</summary>
    public static DateTimeOffset? FirstDate(string text)
    {
        DateTimeOffset? best = null;
        var bestIndex = int.MaxValue;
        foreach (Match m in MonthDayYear().Matches(text))
            Consider(m, m.Groups["y"].Value, m.Groups["m"].Value, m.Groups["d"].Value);
        foreach (Match m in DayMonthYear().Matches(text))
            Consider(m, m.Groups["y"].Value, m.Groups["m"].Value, m.Groups["d"].Value);
        foreach (Match m in IsoDate().Matches(text))
            Consider(m, m.Groups["y"].Value, m.Groups["m"].Value, m.Groups["d"].Value);
        return best;

        void Consider(Match m, string y, string month, string d)
        {
            if (m.Index >= bestIndex) return;
            var date = ToDate(y, month, d);
            if (date is null) return;
            best = date;
            bestIndex = m.Index;
        }
    }

    private static DateTimeOffset? ToDate(string year, string month, string day)
    {
        var y = int.Parse(year, CultureInfo.InvariantCulture);
        var d = int.Parse(day, CultureInfo.InvariantCulture);
        var mo = int.TryParse(month, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? n
            : Array.IndexOf(Months, month[..3].ToLowerInvariant()) + 1;
        if (y < 1900 || y > DateTime.UtcNow.Year + 1 || mo is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, mo))
            return null;
        return new DateTimeOffset(y, mo, d, 0, 0, 0, TimeSpan.Zero);
    }

    private const string MonthName =
        @"(?<m>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?";

    [GeneratedRegex(@"\b" + MonthName + @"\s+(?<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?<y>\d{4})\b", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking, RegexTimeout.Milliseconds)]
    private static partial Regex MonthDayYear();

    [GeneratedRegex(@"\b(?<d>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + MonthName + @",?\s+(?<y>\d{4})\b", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking, RegexTimeout.Milliseconds)]
    private static partial Regex DayMonthYear();

    [GeneratedRegex(@"\b(?<y>\d{4})-(?<m>\d{2})-(?<d>\d{2})\b", RegexOptions.NonBacktracking, RegexTimeout.Milliseconds)]
    private static partial Regex IsoDate();
}
