using System.Globalization;
using System.Text.RegularExpressions;
using Syndication.Articles;

namespace Syndication.Ingestion;

/// <summary>
/// When an article may be seen: from its embargo (blob metadata "embargo", else the document's) until its expiry
/// (metadata "expires", else the document's). Checked once, at ingestion, and failing closed: a field that is present
/// must hold an ISO 8601 time with its zone (<see cref="Rule"/>); anything else (a date read either way round, a time
/// without a zone, a date alone, a list, an empty value), an embargo more than a year ahead or an expiry not after the
/// embargo is a reason to reject the document, never to publish it. Only an absent field means none.
/// </summary>
public sealed partial record Visibility(DateTimeOffset? Embargo, DateTimeOffset? Expires)
{
    /// <summary>How far ahead an embargo may lie.</summary>
    public static readonly TimeSpan MaxEmbargo = TimeSpan.FromDays(366);

    /// <summary>The one form a time is accepted in, as rejections state it.</summary>
    public const string Rule = "write it in ISO 8601 with its zone, like 2027-01-02T09:00:00+01:00 or 2027-01-02T08:00:00Z";

    /// <summary>Whether readers may see the article at <paramref name="now"/>.</summary>
    public bool VisibleAt(DateTimeOffset now) => (Embargo is not { } e || e <= now) && (Expires is not { } x || x > now);

    /// <summary>Whether it has expired at <paramref name="now"/> (withdrawn, with a tombstone).</summary>
    public bool ExpiredAt(DateTimeOffset now) => Expires is { } x && x <= now;

    /// <summary>The next time its visibility changes after <paramref name="now"/>, if any.</summary>
    public DateTimeOffset? NextChangeAfter(DateTimeOffset now) =>
        Embargo is { } e && e > now ? e : Expires is { } x && x > now ? x : null;

    /// <summary>The article's visibility, or the reason the document is rejected.</summary>
    public static (Visibility? Visibility, string? Reason) Of(ParsedArticle parsed, IDictionary<string, string> metadata, DateTimeOffset now)
    {
        var (embargo, embargoError) = Parse("embargo", metadata.TryGetValue("embargo", out var m) ? m : parsed.Embargo);
        if (embargoError is not null) return (null, embargoError);
        var (expires, expiresError) = Parse("expires", metadata.TryGetValue("expires", out var x) ? x : parsed.Expires);
        if (expiresError is not null) return (null, expiresError);
        if (embargo is { } e && e > now + MaxEmbargo)
            return (null, $"embargo: {Stamp(e)} is more than a year ahead; embargoes may lie at most {MaxEmbargo.TotalDays:0} days ahead");
        if (embargo is { } from && expires is { } until && until <= from)
            return (null, $"expires: {Stamp(until)} is not after the embargo {Stamp(from)}, so the article could never be seen");
        return (new Visibility(embargo, expires), null);
    }

    // Null text: no such field. Anything else must be a full ISO 8601 time with Z or an offset.
    private static (DateTimeOffset?, string?) Parse(string field, string? text)
    {
        if (text is null) return (null, null);
        var value = text.Trim();
        if (value.Length == 0) return (null, $"{field}: the field is present but empty; {Rule}, or leave the field out");
        if (value.Length <= 40 && ZonedTime().IsMatch(value)
            && DateTimeOffset.TryParseExact(value.ToUpperInvariant(), Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            return (d.ToUniversalTime(), null);
        var what = value.Length > 40 ? "is not a time"
            : DateOnly().IsMatch(value) ? "is a date without a time or zone"
            : LocalTime().IsMatch(value) ? "has no zone (Z or an offset like +01:00)"
            : ZonedTime().IsMatch(value) ? "is not a time that exists"
            : EitherWayRound().IsMatch(value) ? "is not ISO 8601, and dates like 02/01/2027 are 2 January in some countries and 1 February in others"
            : "is not an ISO 8601 time with a zone";
        return (null, $"{field}: '{(value.Length > 60 ? CleanText.Cut(value, 60) + "…" : value)}' {what}; {Rule}");
    }

    private static readonly string[] Formats = ["yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"];

    private static string Stamp(DateTimeOffset d) => d.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,7})?)?(?:[Zz]|[+-]\d{2}:\d{2})$")]
    private static partial Regex ZonedTime();

    [GeneratedRegex(@"^\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b")]
    private static partial Regex EitherWayRound();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$")]
    private static partial Regex DateOnly();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?$")]
    private static partial Regex LocalTime();
}
