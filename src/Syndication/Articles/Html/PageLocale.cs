using AngleSharp.Dom;

namespace Syndication.Articles;

/// <summary>
/// How a page's language writes dates: whether "05/03/2024" is the 5th of March (day first: every language we read
/// slashes in, English with a region other than the United States) or the 3rd of May (en-US); null when the page's
/// language does not say ("en" alone, none), and then only dates that can be read one way are read.
/// </summary>
internal sealed record PageLocale(bool? DayFirst)
{
    /// <summary>A page whose language is unknown.</summary>
    public static readonly PageLocale Unknown = new((bool?)null);

    private static readonly HashSet<string> MonthFirst = new(StringComparer.Ordinal) { "en-us", "en-ph" };

    /// <summary>The page's locale from the language it declares (html lang, Content-Language, og:locale).</summary>
    public static PageLocale Of(IDocument doc)
    {
        var tag = (doc.DocumentElement.GetAttribute("lang") ?? doc.DocumentElement.GetAttribute("xml:lang")
            ?? Meta(doc, "meta[http-equiv='content-language' i][content]") ?? Meta(doc, "meta[property='og:locale'][content]"))
            ?.Trim().Replace('_', '-').ToLowerInvariant() ?? "";
        return new PageLocale(tag.Split('-')[0] switch
        {
            _ when MonthFirst.Contains(tag) => false,
            // Canada writes both ways.
            "en" => tag is "en" or "en-ca" ? null : true,
            // Chinese, Japanese and Korean write the year first.
            "" or "zh" or "ja" or "ko" => null,
            _ => true,
        });
    }

    private static string? Meta(IDocument doc, string selector) => doc.QuerySelector(selector)?.GetAttribute("content");
}
