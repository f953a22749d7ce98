using System.Text;
using System.Text.RegularExpressions;
using System.Text.Unicode;

namespace Syndication.Articles;

/// <summary>
/// Decodes a saved page as its author meant it: a byte-order mark, else the charset the page declares
/// (<c>&lt;meta charset&gt;</c>, <c>http-equiv</c> content-type, XML declaration), else UTF-8 when the bytes are valid UTF-8,
/// else the legacy encoding browsers fall back to for the page's <c>&lt;html lang&gt;</c> (GB18030 for Chinese, Big5 for
/// traditional Chinese, Shift_JIS, EUC-KR, windows-1251 for Cyrillic…), else windows-1252, the web's default.
/// </summary>
internal static partial class HtmlCharset
{
    // Declarations usually sit near the top, but real pages put long scripts and titles before them.
    private const int PrescanBytes = 16 * 1024;

    private static readonly Encoding Windows1252;

    // WHATWG encoding labels whose .NET name differs, or which the web standard maps to another encoding.
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["iso-8859-1"] = "windows-1252", ["iso8859-1"] = "windows-1252", ["latin1"] = "windows-1252", ["l1"] = "windows-1252",
        ["ascii"] = "windows-1252", ["us-ascii"] = "windows-1252", ["cp1252"] = "windows-1252", ["x-cp1252"] = "windows-1252",
        ["iso-8859-9"] = "windows-1254", ["latin5"] = "windows-1254", ["tis-620"] = "windows-874", ["iso-8859-11"] = "windows-874",
        ["iso-8859-8-i"] = "iso-8859-8", ["sjis"] = "shift_jis", ["shift-jis"] = "shift_jis", ["x-sjis"] = "shift_jis",
        ["ms_kanji"] = "shift_jis", ["windows-31j"] = "shift_jis", ["csshiftjis"] = "shift_jis", ["gbk"] = "gb18030",
        ["gb2312"] = "gb18030", ["x-gbk"] = "gb18030", ["chinese"] = "gb18030", ["csgb2312"] = "gb18030", ["gb_2312"] = "gb18030",
        ["gb_2312-80"] = "gb18030", ["iso-ir-58"] = "gb18030", ["x-euc-cn"] = "gb18030", ["euc-cn"] = "gb18030",
        ["big5-hkscs"] = "big5", ["cn-big5"] = "big5", ["csbig5"] = "big5", ["x-x-big5"] = "big5", ["euc-kr"] = "ks_c_5601-1987",
        ["korean"] = "ks_c_5601-1987", ["windows-949"] = "ks_c_5601-1987", ["cseuckr"] = "ks_c_5601-1987", ["ksc5601"] = "ks_c_5601-1987",
        ["ksc_5601"] = "ks_c_5601-1987", ["x-cp1251"] = "windows-1251", ["cp1251"] = "windows-1251",
        ["utf8"] = "utf-8", ["unicode-1-1-utf-8"] = "utf-8",
        // A page that says UTF-16 in ASCII-compatible markup was re-saved as UTF-8 (HTML standard, "prescan").
        ["utf-16"] = "utf-8", ["utf-16le"] = "utf-8", ["utf-16be"] = "utf-8", ["utf-32"] = "utf-8",
    };

    static HtmlCharset()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        Windows1252 = Encoding.GetEncoding(1252);
    }

    /// <summary>The page as text, whatever legacy character set it was saved in.</summary>
    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        if (HasByteOrderMark(bytes) || bytes.IndexOf((byte)0) >= 0) return CleanText.Decode(bytes);
        return Detect(bytes).GetString(bytes);
    }

    /// <summary>The encoding the page's bytes are in (without a byte-order mark).</summary>
    public static Encoding Detect(ReadOnlySpan<byte> bytes)
    {
        var declared = Declared(bytes[..Math.Min(bytes.Length, PrescanBytes)]);
        // A declared legacy charset that the bytes contradict (they are valid UTF-8 with multi-byte characters, which
        // legacy text almost never is) was re-saved as UTF-8 without updating the declaration: the bytes decide.
        if (declared is not null && declared.CodePage != Encoding.UTF8.CodePage && !(HasMultiByte(bytes) && Utf8.IsValid(bytes))) return declared;
        if (declared is not null || Utf8.IsValid(bytes)) return Encoding.UTF8;
        return ByLanguage(bytes[..Math.Min(bytes.Length, PrescanBytes)]) ?? Windows1252;
    }

    // The legacy encoding a browser set to the page's language assumes for unlabelled pages (the HTML standard leaves the
    // default to the user's locale; these are the locale defaults browsers ship).
    private static Encoding? ByLanguage(ReadOnlySpan<byte> head)
    {
        var lang = HtmlLang().Match(Encoding.Latin1.GetString(head));
        if (!lang.Success) return null;
        var tag = lang.Groups["tag"].Value.ToLowerInvariant().Replace('_', '-');
        var primary = tag.Split('-')[0];
        var name = primary switch
        {
            "zh" when tag.Contains("-tw") || tag.Contains("-hk") || tag.Contains("-mo") || tag.Contains("hant") => "big5",
            "zh" => "gb18030",
            "ja" => "shift_jis",
            "ko" => "ks_c_5601-1987",
            "ru" or "uk" or "be" or "bg" or "mk" or "sr" => "windows-1251",
            "pl" or "cs" or "sk" or "hu" or "sl" or "hr" or "ro" or "bs" => "windows-1250",
            "el" => "windows-1253",
            "tr" or "az" => "windows-1254",
            "he" or "iw" => "windows-1255",
            "ar" or "fa" or "ur" => "windows-1256",
            "lt" or "lv" or "et" => "windows-1257",
            "vi" => "windows-1258",
            "th" => "windows-874",
            _ => null,
        };
        return name is null ? null : FromLabel(name);
    }

    /// <summary>The encoding a label names (WHATWG aliases included), or null when .NET has none by that name.</summary>
    public static Encoding? FromLabel(string label)
    {
        var name = label.Trim().Trim('"', '\'').Trim();
        if (Aliases.TryGetValue(name, out var alias)) name = alias;
        // UTF-7 can spell markup without '<' ("+ADw-script+AD4-"); browsers refuse it and so do we.
        if (name.Replace("-", "").Equals("utf7", StringComparison.OrdinalIgnoreCase)) return null;
        try
        {
            return Encoding.GetEncoding(name);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            return null;
        }
    }

    private static Encoding? Declared(ReadOnlySpan<byte> head)
    {
        var text = Encoding.Latin1.GetString(head);
        foreach (Match m in MetaCharset().Matches(text))
            if (FromLabel(m.Groups["label"].Value) is { } encoding) return encoding;
        var xml = XmlDeclaration().Match(text);
        return xml.Success ? FromLabel(xml.Groups["label"].Value) : null;
    }

    private static bool HasMultiByte(ReadOnlySpan<byte> bytes) => bytes.IndexOfAnyInRange((byte)0x80, (byte)0xFF) >= 0;

    private static bool HasByteOrderMark(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith(new byte[] { 0xEF, 0xBB, 0xBF }) || bytes.StartsWith(new byte[] { 0xFF, 0xFE })
        || bytes.StartsWith(new byte[] { 0xFE, 0xFF });

    [GeneratedRegex(@"<meta\b[^>]*?\bcharset\s*=\s*[""']?\s*(?<label>[A-Za-z0-9_:.()+-]+)", RegexOptions.IgnoreCase)]
    private static partial Regex MetaCharset();

    [GeneratedRegex(@"<html\b[^>]*?\blang\s*=\s*[""']?(?<tag>[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*)", RegexOptions.IgnoreCase)]
    private static partial Regex HtmlLang();

    [GeneratedRegex(@"^\s*<\?xml\b[^>]*\bencoding\s*=\s*[""'](?<label>[A-Za-z0-9_:.()+-]+)", RegexOptions.IgnoreCase)]
    private static partial Regex XmlDeclaration();
}
