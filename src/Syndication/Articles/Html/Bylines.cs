using System.Text.RegularExpressions;

namespace Syndication.Articles;

/// <summary>Author names from what bylines say: "By Ana Lima and Ben Okafor", "Ana Lima, Political Editor | 5 March 2024".</summary>
internal static partial class Bylines
{
    /// <summary>The names a byline states, without "By", roles, dates or profile URLs.</summary>
    public static IReadOnlyList<string> Names(string? byline)
    {
        if (string.IsNullOrWhiteSpace(byline)) return [];
        var text = CleanText.Line(byline, 500);
        text = Tail().Replace(text, "");
        text = Prefix().Replace(text, "");
        return Separators().Split(text)
            .Select(n => Prefix().Replace(n.Trim().Trim('.', ':', '-', '–', '—', '|', '·').Trim(), ""))
            .Where(IsName)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    /// <summary>Names from several stated values (each may hold several names); URLs and empties dropped.</summary>
    public static IReadOnlyList<string> Names(IEnumerable<string?> values) =>
        values.SelectMany(Names).Distinct(StringComparer.OrdinalIgnoreCase).Take(20).ToList();

    private static bool IsName(string s) =>
        s.Length is > 1 and <= 100 && !s.Contains("://") && !s.StartsWith("www.", StringComparison.OrdinalIgnoreCase)
        && !s.StartsWith('@') && s.Split(' ').Length <= 6 && !Role().IsMatch(s) && s.Any(char.IsLetter);

    // "By", "Written by", "Words:", "Von", "Par", "Por" at the start of a byline.
    [GeneratedRegex(@"^\s*(?:(?:written|words|story|reporting|text|posted|submitted)\s+by|by|from|von|par|por|di|door|author|authors|words|reporter)\s*[:\s]\s*|^\s*(?:文|記者|写真と文|מאת|بقلم|كتب)\s*[・:：\s]\s*", RegexOptions.IgnoreCase)]
    private static partial Regex Prefix();

    // What follows the names: a date, a time, "Updated", "Published", a separator bar or bullet.
    [GeneratedRegex(@"\s*(?:[|•·]|\b(?:updated|published|posted|last modified|on\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)\w*)\b|\d{1,2}\s*(?:hours?|minutes?|mins?|days?)\s+ago|\b\d{1,2}[:/.]\d{2}|\b\d{4}\b).*$", RegexOptions.IgnoreCase)]
    private static partial Regex Tail();

    [GeneratedRegex(@"\s*(?:,|;|\band\b|&|\bund\b|\bet\b|\s+with\s+)\s*", RegexOptions.IgnoreCase)]
    private static partial Regex Separators();

    // Job titles and desks that bylines append after a comma.
    [GeneratedRegex(@"\b(?:correspondent|editor|reporter|writer|staff|contributor|columnist|journalist|producer|analyst|bureau|desk|chief|senior|associate|special to|in [A-Z][a-z]+$|agencies)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Role();
}
