using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;

namespace Syndication.Articles;

/// <summary>Text hygiene at ingest: nothing a document holds may make a feed invalid.</summary>
public static partial class CleanText
{
    /// <summary>
    /// Removes characters XML 1.0 cannot carry (C0 controls, lone surrogates, U+FFFE/U+FFFF) and those it discourages
    /// (DEL and the C1 controls, which mis-decoded text is full of), and trims.
    /// </summary>
    public static string ForXml(string? text)
    {
        if (string.IsNullOrEmpty(text)) return string.Empty;
        StringBuilder? sb = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var ok = (XmlConvert.IsXmlChar(c) && c is < '\u007F' or > '\u009F')
                || (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]));
            if (ok && char.IsHighSurrogate(c))
            {
                (sb ??= new StringBuilder(text, 0, i, text.Length)).Append(c).Append(text[i + 1]);
                i++;
                continue;
            }
            if (ok) sb?.Append(c);
            else sb ??= new StringBuilder(text, 0, i, text.Length);
        }
        return (sb?.ToString() ?? text).Trim();
    }

    /// <summary>One line of plain text: XML-safe, whitespace runs folded, cut at <paramref name="max"/> characters on a word.</summary>
    public static string Line(string? text, int max)
    {
        var clean = string.Join(' ', ForXml(text).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (clean.Length <= max) return clean;
        var cut = clean.LastIndexOf(' ', max - 1, Math.Min(max - 1, 40));
        return Cut(clean, cut > 0 ? cut : max - 1).TrimEnd() + "…";
    }

    /// <summary>
    /// The text's first <paramref name="max"/> UTF-16 units at most, one fewer where the cut would split a surrogate pair
    /// (an emoji, a rare CJK character): a lone surrogate is no XML character and becomes U+FFFD in UTF-8. Every cut of text goes through here.
    /// </summary>
    public static string Cut(string text, int max) =>
        text.Length <= max ? text : text[..(max > 0 && char.IsHighSurrogate(text[max - 1]) ? max - 1 : max)];

    /// <summary>The text's last <paramref name="max"/> UTF-16 units at most, one fewer where the cut would split a surrogate pair.</summary>
    public static string CutStart(string text, int max) =>
        text.Length <= max ? text : text[(text.Length - max + (max > 0 && char.IsLowSurrogate(text[^max]) ? 1 : 0))..];

    /// <summary>
    /// A language tag feeds can carry (xml:lang must match RFC 4287's pattern): BCP 47 shape and a language .NET knows,
    /// "en_US" read as "en-US"; null otherwise.
    /// </summary>
    public static string? LanguageTag(string? text)
    {
        var tag = ForXml(text).Replace('_', '-');
        if (!LanguagePattern().IsMatch(tag)) return null;
        try
        {
            return CultureInfo.GetCultureInfo(tag.Split('-')[0], predefinedOnly: true).TwoLetterISOLanguageName.Length > 0 ? tag : null;
        }
        catch (CultureNotFoundException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*\z")]
    private static partial Regex LanguagePattern();

    /// <summary>Decodes document bytes: BOM-aware (UTF-8, UTF-16 and UTF-32 in either byte order), UTF-8 otherwise, invalid sequences replaced.</summary>
    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith(new byte[] { 0xEF, 0xBB, 0xBF })) return Encoding.UTF8.GetString(bytes[3..]);
        if (bytes.StartsWith(new byte[] { 0xFF, 0xFE, 0, 0 })) return Encoding.UTF32.GetString(bytes[4..]);
        if (bytes.StartsWith(new byte[] { 0, 0, 0xFE, 0xFF })) return new UTF32Encoding(bigEndian: true, byteOrderMark: false).GetString(bytes[4..]);
        if (bytes.StartsWith(new byte[] { 0xFF, 0xFE })) return Encoding.Unicode.GetString(bytes[2..]);
        if (bytes.StartsWith(new byte[] { 0xFE, 0xFF })) return Encoding.BigEndianUnicode.GetString(bytes[2..]);
        if (LooksLikeUtf16(bytes, out var bigEndian))
            return (bigEndian ? Encoding.BigEndianUnicode : Encoding.Unicode).GetString(bytes);
        return Encoding.UTF8.GetString(bytes);
    }

    // UTF-16 without a BOM: ASCII text then has a zero in every other byte.
    private static bool LooksLikeUtf16(ReadOnlySpan<byte> bytes, out bool bigEndian)
    {
        bigEndian = false;
        var n = Math.Min(bytes.Length, 512) & ~1;
        if (n < 4) return false;
        int evenZeros = 0, oddZeros = 0;
        for (var i = 0; i < n; i += 2)
        {
            if (bytes[i] == 0) evenZeros++;
            if (bytes[i + 1] == 0) oddZeros++;
        }
        var pairs = n / 2;
        if (oddZeros > pairs * 0.4 && evenZeros < pairs * 0.05) return true;
        if (evenZeros > pairs * 0.4 && oddZeros < pairs * 0.05) { bigEndian = true; return true; }
        return false;
    }
}
