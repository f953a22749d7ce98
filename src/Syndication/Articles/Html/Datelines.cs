using System.Globalization;
using System.Text.RegularExpressions;

namespace Syndication.Articles;

/// <summary>
/// Dates as a page's visible text states them, with the time and zone when given: "Tue 5 Mar 2024 08.30 GMT",
/// "Published: Mar. 5, 2024 at 9:45 PM CST", "05.03.2024, 08:30 Uhr", "5 марта 2024, 08:30", "2024年3月16日 8時30分",
/// "입력 2024.03.05 08:30"; each marked as published or modified by the label before it ("Updated", "mis à jour", "수정").
/// </summary>
internal static partial class Datelines
{
    public enum Kind { Unlabelled, Published, Modified }

    /// <summary>One date a text states (with whether it states the zone), and what its label says it is.</summary>
    public readonly record struct Statement(PageDate When, Kind Kind, int Index, int Length);

    private static readonly Dictionary<string, TimeSpan> Zones = new(StringComparer.Ordinal)
    {
        ["UTC"] = TimeSpan.Zero, ["GMT"] = TimeSpan.Zero, ["Z"] = TimeSpan.Zero, ["WET"] = TimeSpan.Zero, ["BST"] = H(1),
        ["WEST"] = H(1), ["CET"] = H(1), ["CEST"] = H(2), ["MEZ"] = H(1), ["MESZ"] = H(2), ["EET"] = H(2), ["EEST"] = H(3),
        ["MSK"] = H(3), ["EST"] = H(-5), ["EDT"] = H(-4), ["CST"] = H(-6), ["CDT"] = H(-5), ["MST"] = H(-7), ["MDT"] = H(-6),
        ["PST"] = H(-8), ["PDT"] = H(-7), ["AKST"] = H(-9), ["AKDT"] = H(-8), ["HST"] = H(-10), ["JST"] = H(9), ["KST"] = H(9),
        ["HKT"] = H(8), ["SGT"] = H(8), ["AWST"] = H(8), ["ACST"] = TimeSpan.FromHours(9.5), ["AEST"] = H(10),
        ["AEDT"] = H(11), ["NZST"] = H(12), ["NZDT"] = H(13),
    };

    /// <summary>The offset a zone abbreviation stands for ("EST", "CEST"), if we know it.</summary>
    public static TimeSpan? Zone(string abbreviation) => Zones.TryGetValue(abbreviation, out var z) ? z : null;

    /// <summary>
    /// Every date the text states, in order; a date without a time is midnight, without a zone UTC (marked as stating
    /// none); "05/03/2024" is read as the page's <paramref name="locale"/> writes it.
    /// </summary>
    public static IEnumerable<Statement> Read(string? text, PageLocale? locale = null)
    {
        locale ??= PageLocale.Unknown;
        if (string.IsNullOrWhiteSpace(text)) yield break;
        var labelStart = 0;
        var end = 0;
        foreach (var m in Dates().Matches(text).Cast<Match>())
        {
            if (m.Index < end || Date(m, locale) is not { } day) continue;
            var range = !m.Groups["a"].Success ? RangeFrom().Match(text[Math.Max(labelStart, m.Index - 12)..m.Index]) : Match.Empty;
            var start = range.Success && First(range, day) is { } first ? (Day: first, Index: m.Index - range.Length) : (Day: day, Index: m.Index);
            day = start.Day;
            var time = Time().Match(text, m.Index + m.Length);
            var when = time.Success && time.Index == m.Index + m.Length ? At(day, time) : new PageDate(new DateTimeOffset(day, TimeSpan.Zero), false);
            end = time.Success && time.Index == m.Index + m.Length ? time.Index + time.Length : m.Index + m.Length;
            if (when is null) continue;
            var label = text[labelStart..m.Index];
            var kind = ModifiedLabel().IsMatch(label) ? Kind.Modified : PublishedLabel().IsMatch(label) ? Kind.Published : Kind.Unlabelled;
            yield return new Statement(when.Value, kind, start.Index, end - start.Index);
            labelStart = end;
        }
    }

    /// <summary>
    /// The offset a text states beside the given time of day ("10/17/2022 04:01 PM EDT" for 16:01), read on
    /// <paramref name="day"/>; null when it states that time without a zone, or not at all.
    /// </summary>
    public static TimeSpan? ZoneBeside(string? text, DateTime day)
    {
        foreach (var m in AnyTime().Matches(text ?? "").Cast<Match>())
            if (At(day.Date, m) is { ZoneStated: true, When: var at } && at.Hour == day.Hour && at.Minute == day.Minute)
                return at.Offset;
        return null;
    }

    /// <summary>Whether a label says what it marks is a later change ("Updated", "Last modified", "Reviewed").</summary>
    public static bool SaysModified(string? label) =>
        label is not null && ModifiedLabel().IsMatch(label) && !PublishedLabel().IsMatch(label);

    /// <summary>Whether a label says what it marks is the publication ("Published", "Posted", "pubdate").</summary>
    public static bool SaysPublished(string? label) => label is not null && PublishedLabel().IsMatch(label);

    private static DateTime? Date(Match m, PageLocale locale)
    {
        var month = m.Groups["mon"].Success ? MonthNames.Number(m.Groups["mon"].Value) : Number(m.Groups["m"].Value);
        var (year, day) = (Number(m.Groups["y"].Value), Number(m.Groups["d"].Value));
        if (m.Groups["a"].Success)
        {
            if (Slashed(Number(m.Groups["a"].Value), Number(m.Groups["b"].Value), locale) is not { } slashed) return null;
            (day, month) = slashed;
        }
        if (year < 1900 || year > DateTime.UtcNow.Year + 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
            return null;
        return new DateTime(year, month, day, 0, 0, 0, DateTimeKind.Unspecified);
    }

    // "05/03/2024": day first where the locale writes it so, month first where it does not; unknown, only when one of
    // the two cannot be a month.
    private static (int Day, int Month)? Slashed(int a, int b, PageLocale locale) => (a > 12, b > 12, locale.DayFirst) switch
    {
        (true, true, _) => null,
        (true, false, _) => (a, b),
        (false, true, _) => (b, a),
        (_, _, true) => (a, b),
        (_, _, false) => (b, a),
        _ => a == b ? (a, b) : null,
    };

    // "14. - 20. Januar 2022", "12.10. - 15.10.2023": a range of days is dated by its first day (within a month of its last).
    private static DateTime? First(Match range, DateTime last)
    {
        var month = range.Groups["m"].Success ? Number(range.Groups["m"].Value) : last.Month;
        var year = month > last.Month ? last.Year - 1 : last.Year;
        var day = Number(range.Groups["d"].Value);
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return null;
        var first = new DateTime(year, month, day, 0, 0, 0, DateTimeKind.Unspecified);
        return first < last && (last - first).TotalDays <= 31 ? first : null;
    }

    private static PageDate? At(DateTime day, Match time)
    {
        var hour = Number(time.Groups["h"].Value);
        var minute = time.Groups["min"].Success ? Number(time.Groups["min"].Value) : 0;
        var second = time.Groups["s"].Success ? Number(time.Groups["s"].Value) : 0;
        if (time.Groups["ap"].Success)
        {
            if (hour is < 1 or > 12) return null;
            var pm = char.ToLowerInvariant(time.Groups["ap"].Value[0]) == 'p';
            hour = hour % 12 + (pm ? 12 : 0);
        }
        if (hour > 23 || minute > 59 || second > 59) return null;
        var wallClock = day.AddHours(hour).AddMinutes(minute).AddSeconds(second);
        var offset = time.Groups["zone"].Success ? Offset(time.Groups["zone"].Value, wallClock) : null;
        return new PageDate(new DateTimeOffset(wallClock, offset ?? TimeSpan.Zero), offset is not null);
    }

    // Null for letters that name no zone we know (read as UTC, as stating none).
    private static TimeSpan? Offset(string zone, DateTime wallClock)
    {
        if (Zone(zone) is { } known) return known;
        if (zone is "ET" or "CT" or "MT" or "PT") return UnitedStates[zone[0]] is { } us ? PublisherZone.Local(wallClock, us).Offset : null;
        var sign = zone.Contains('-') ? -1 : 1;
        var digits = new string(zone.Where(char.IsAsciiDigit).ToArray());
        if (digits.Length == 0) return zone.StartsWith("UTC", StringComparison.OrdinalIgnoreCase) || zone.StartsWith("GMT", StringComparison.OrdinalIgnoreCase) ? TimeSpan.Zero : null;
        var (h, m) = digits.Length <= 2 ? (Number(digits), 0) : (Number(digits[..^2]), Number(digits[^2..]));
        return h <= 14 && m < 60 ? sign * new TimeSpan(h, m, 0) : TimeSpan.Zero;
    }

    // "ET", "PT": the United States zone at that wall-clock time, daylight saving as tzdata has it in that year.
    private static readonly Dictionary<char, TimeZoneInfo?> UnitedStates = new()
    {
        ['E'] = PublisherZone.Find("America/New_York"),
        ['C'] = PublisherZone.Find("America/Chicago"),
        ['M'] = PublisherZone.Find("America/Denver"),
        ['P'] = PublisherZone.Find("America/Los_Angeles"),
    };

    private static TimeSpan H(int hours) => TimeSpan.FromHours(hours);

    private static int Number(string s) => int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;

    private const string Year = @"(?<y>(?:19|20)\d{2})";

    // Year first (ISO, "2024/03/05", "2024.03.05", 2024年3月5日, 2024년 3월 5일), day first ("05.03.2024", "5 March 2024",
    // "5 de marzo de 2024", "5 марта 2024"), month first ("March 5, 2024", "Mar. 5, 2024"), or either ("05/03/2024",
    // "05-03-2024": as the locale writes it).
    [GeneratedRegex(@"(?<!\d)" + Year + @"(?:[-/.](?<m>\d{1,2})[-/.](?<d>\d{1,2})(?![\d.]\d)|\s*[年년]\s*(?<m>\d{1,2})\s*[月월]\s*(?<d>\d{1,2})\s*[日일]?)"
        + @"|(?<![\d.])(?<d>\d{1,2})\.\s?(?<m>\d{1,2})\.\s?" + Year + @"(?!\d)"
        + @"|(?<![\d./-])(?<a>\d{1,2})(?<sep>[/-])(?<b>\d{1,2})\k<sep>" + Year + @"(?![\d/-])"
        + @"|(?<![\d\p{L}])(?<d>\d{1,2})(?:st|nd|rd|th|er|º)?\.?\s+(?:de\s+|of\s+)?(?<mon>\p{L}{3,10})\.?,?\s+(?:de\s+)?" + Year + @"(?!\d)"
        + @"|(?<!\p{L})(?<mon>\p{L}{3,9})\.?\s+(?<d>\d{1,2})(?:st|nd|rd|th)?,?\s+" + Year + @"(?!\d)")]
    private static partial Regex Dates();

    // A time of day, with a zone abbreviation or offset when stated ("9:45 PM CST", "08:30 Uhr", "5:00 a.m. PT").
    private const string Clock = @"(?:(?<h>\d{1,2})\s*[:.hH時시]\s*(?<min>\d{2})(?::(?<s>\d{2})(?:\.\d+)?)?\s*[分분]?\s*(?<ap>[ap]\.?\s?m\b\.?)?|(?<h>\d{1,2})\s*(?<ap>[ap]\.?\s?m\b\.?))(?:\s*(?:Uhr|hrs?\b\.?))?(?:\s*\(?(?<zone>(?:UTC|GMT)(?:\s?[+-]\d{1,2}(?::?\d{2})?)?|[+-]\d{2}:?\d{2}|Z\b|(?-i:[ECMP]T)\b|[A-Z]{3,4}\b)\)?)?";

    // A time right after the date: "08:30", "8.30", "08h30", "8時30分", "9:45 PM", "6 a.m.", "08:30 Uhr", with a zone
    // abbreviation or offset ("GMT", "EST", "PT", "+01:00", "UTC+8") when stated; "T08:30:00Z" of ISO dates too.
    [GeneratedRegex(@"\G(?:\s*(?:,|at|à|a las|às|alle|um|om|в|-|–|—|\||T)?\s*)" + Clock, RegexOptions.IgnoreCase)]
    private static partial Regex Time();

    [GeneratedRegex(@"(?<![\d:.])" + Clock, RegexOptions.IgnoreCase)]
    private static partial Regex AnyTime();

    [GeneratedRegex(@"(?<![\d.])(?<d>\d{1,2})\.(?:(?<m>\d{1,2})\.)?\s*[-–]\s*$")]
    private static partial Regex RangeFrom();

    [GeneratedRegex(@"\b(?:updated?|modified|last edited|edited|reviewed|revised|aktualisiert|geändert|mis à jour|modifié|actualizado|actualización|aggiornato|atualizado|bijgewerkt)\b|обновлено|изменено|수정|更新|修改|最終更新", RegexOptions.IgnoreCase)]
    private static partial Regex ModifiedLabel();

    [GeneratedRegex(@"\b(?:published|posted|first published|pubdate|publish|publié|veröffentlicht|erschienen|publicado|pubblicato|gepubliceerd)\b|опубликовано|입력|발행|发布|發布|公開|掲載", RegexOptions.IgnoreCase)]
    private static partial Regex PublishedLabel();
}
