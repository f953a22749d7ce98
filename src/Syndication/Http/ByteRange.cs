using System.Globalization;

namespace Syndication.Http;

/// <summary>One byte range of a representation (RFC 9110 §14): first and last byte, inclusive.</summary>
public readonly record struct ByteRange(long First, long Last)
{
    public long Length => Last - First + 1;

    /// <summary>The Content-Range value of this range of a representation of <paramref name="total"/> bytes.</summary>
    public string ContentRange(long total) => $"bytes {First}-{Last}/{total}";

    /// <summary>
    /// Reads a Range header against the representation's length. Null when the header is absent, not a single
    /// "bytes" range, or malformed (the whole representation is then sent, as RFC 9110 allows); Unsatisfiable when it
    /// names no byte of the representation (416).
    /// </summary>
    public static (ByteRange? Range, bool Unsatisfiable) Parse(string? header, long total)
    {
        if (string.IsNullOrEmpty(header) || !header.StartsWith("bytes=", StringComparison.OrdinalIgnoreCase)) return (null, false);
        var spec = header.AsSpan(6).Trim();
        if (spec.Contains(',')) return (null, false);
        var dash = spec.IndexOf('-');
        if (dash < 0) return (null, false);
        var first = spec[..dash].Trim();
        var last = spec[(dash + 1)..].Trim();
        if (first.IsEmpty)
        {
            // "bytes=-N": the last N bytes.
            if (!TryNumber(last, out var suffix)) return (null, false);
            return suffix == 0 || total == 0 ? (null, true) : (new ByteRange(Math.Max(0, total - suffix), total - 1), false);
        }
        if (!TryNumber(first, out var from)) return (null, false);
        long to = total - 1;
        if (!last.IsEmpty && (!TryNumber(last, out to) || to < from)) return (null, false);
        return from >= total ? (null, true) : (new ByteRange(from, Math.Min(to, total - 1)), false);
    }

    private static bool TryNumber(ReadOnlySpan<char> text, out long value) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
}
