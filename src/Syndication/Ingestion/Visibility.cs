using System.Globalization;
using Syndication.Articles;

namespace Syndication.Ingestion;

/// <summary>
/// When an article may be seen: from its embargo (blob metadata "embargo", else the document's) until its expiry
/// (metadata "expires", else the document's). Checked once, at ingestion: a value that is not a date, an embargo more
/// than a year ahead or an expiry not after the embargo is a reason to reject the document.
/// </summary>
public sealed record Visibility(DateTimeOffset? Embargo, DateTimeOffset? Expires)
{
    /// <summary>How far ahead an embargo may lie.</summary>
    public static readonly TimeSpan MaxEmbargo = TimeSpan.FromDays(366);

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

    private static (DateTimeOffset?, string?) Parse(string field, string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return (null, null);
        return DateTimeOffset.TryParse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var d)
            ? (d.ToUniversalTime(), null)
            : (null, $"{field}: '{(text.Length > 60 ? CleanText.Cut(text, 60) + "…" : text)}' is not a date; write one like 2025-06-01T09:00:00Z");
    }

    private static string Stamp(DateTimeOffset d) => d.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
