using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace Syndication.Articles;

/// <summary>
/// Caption and credit of a pictured image: the <c>&lt;figcaption&gt;</c> (or a caption-classed element) and a
/// credit from an element classed "credit", or from text such as "Photo: X", "Photograph: X", "Credit: X",
/// "(Photo Credit: X)", "(AP Photo/X)", "Image source, X".
/// </summary>
internal static partial class FigureCaptions
{
    private const string CaptionSelector = "figcaption, [class*=caption i], [class*=legend i], [itemprop~=caption], [data-testid*=caption i]";
    private const string CreditSelector = "[class*=credit i], [itemprop~=copyrightHolder], [itemprop~=creator], [class*=copyright i], [data-testid*=credit i]";

    private const int MaxFrameText = 600;

    /// <summary>The caption and credit of the image, and the frame (figure or wrapper) that holds them with it.</summary>
    public static (string? Caption, string? Credit, IElement? Frame) Of(IElement img)
    {
        var container = Container(img);
        if (container is null) return (null, null, null);
        // Some sites put the credit in the <figcaption> and the caption beside it.
        var captionElement = container.QuerySelectorAll("figcaption").Concat(container.QuerySelectorAll(CaptionSelector))
            .FirstOrDefault(e => !e.Contains(img) && !e.Matches(CreditSelector));
        var creditElement = container.QuerySelectorAll(CreditSelector).FirstOrDefault(e => !e.Contains(img));
        var credit = Line(StripLabel(creditElement?.TextContent));
        var caption = captionElement is null ? null : TextWithout(captionElement, CreditSelector);
        caption = Line(CaptionLabel().Replace(caption ?? "", ""));
        if (credit is null && caption is not null && Split(caption) is var (c, cr)) (caption, credit) = (c, cr);
        credit ??= container.QuerySelectorAll("span, p, div, small, cite")
            .Where(e => !e.Contains(img) && (captionElement is null || !e.Contains(captionElement)))
            .Select(e => LabelledCredit().Match(CleanText.Line(e.TextContent, 300))).FirstOrDefault(m => m.Success)?.Groups["credit"].Value;
        return (caption, Line(credit), container);
    }

    /// <summary>Splits "Boats in the harbour. Photograph: Ana Lima/Reuters" into caption and credit; null when no credit is stated.</summary>
    public static (string? Caption, string Credit)? Split(string text)
    {
        foreach (var pattern in new[] { ParenthesisCredit(), AgencyPhoto(), LabelledCredit(), PhotoBy(), CreditDots(), NameInParenthesis() })
        {
            var m = pattern.Match(text);
            if (!m.Success) continue;
            var credit = Line(m.Groups["credit"].Value.Trim().TrimEnd('.', ')').Trim());
            if (credit is null) continue;
            return (Line(m.Groups["caption"].Value), credit);
        }
        return null;
    }

    // The figure, or a small wrapper (WordPress .wp-caption) holding this one image and a caption.
    private static IElement? Container(IElement img)
    {
        if (img.Closest("figure") is { } figure) return figure;
        var e = img.ParentElement;
        for (var depth = 0; e is not null && depth < 3; depth++, e = e.ParentElement)
        {
            // A wrapper is a frame only while it is small: a caption beside a picture, never a run of paragraphs.
            if (e.LocalName is "body" or "article" or "main" || e.QuerySelectorAll("img").Length > 1
                || e.TextContent.Length > MaxFrameText) return null;
            if (e.QuerySelectorAll(CaptionSelector + ", " + CreditSelector).Any(c => !c.Contains(img))) return e;
        }
        return null;
    }

    private static string TextWithout(IElement element, string selector)
    {
        var copy = (IElement)element.Clone(true);
        foreach (var e in copy.QuerySelectorAll(selector).ToList()) e.Remove();
        return copy.TextContent;
    }

    private static string? StripLabel(string? credit) => credit is null ? null : CreditLabel().Replace(credit.Trim().Trim('(', ')'), "");

    private static string? Line(string? text)
    {
        var line = CleanText.Line(text, 1000).Trim();
        return line.Length == 0 ? null : line;
    }

    [GeneratedRegex(@"^\s*(?:image\s+caption|caption)\s*[,:.…]*\s*", RegexOptions.IgnoreCase)]
    private static partial Regex CaptionLabel();

    [GeneratedRegex(@"^\s*(?:(?:(?:photo(?:graph)?|image|picture|illustration)(?:\s+(?:credit|source|by))?)|credits?|source|copyright|fot(?:o|\.)|©)(?:\s*[:,.…]+\s*|\s+by\s+|\s*©\s*|\s+)", RegexOptions.IgnoreCase)]
    private static partial Regex CreditLabel();

    [GeneratedRegex(@"^(?<caption>.*?)\s*\(\s*(?:photo(?:graph)?|image|picture|illustration)?\s*(?:credit)?\s*:\s*(?<credit>[^()]+)\)\.?$", RegexOptions.IgnoreCase)]
    private static partial Regex ParenthesisCredit();

    [GeneratedRegex(@"^(?<caption>.*?)\s*\((?<credit>[^()]*\bphoto\s*/[^()]+)\)\.?$|^(?<caption>.*?)\s*[（(]\s*(?:写真|撮影|photo)\s*[：:]\s*(?<credit>[^（）()]+)[）)]$", RegexOptions.IgnoreCase)]
    private static partial Regex AgencyPhoto();

    [GeneratedRegex(@"^(?<caption>.*?)\s*(?:\b(?:photo(?:graph)?|picture|image|illustration)(?:\s+(?:credit|source))?|\bcredit|\bsource|\bfoto|\bצילום|\bتصوير)\s*[:,]\s*(?<credit>[^:]{2,150}?)\.?$|^(?<caption>.*?)\s*\bfot\.\s*(?<credit>[^:]{2,150}?)\.?$", RegexOptions.IgnoreCase)]
    private static partial Regex LabelledCredit();

    [GeneratedRegex(@"^(?<caption>.*?)\s*\b(?:photo(?:graph)?|image|picture)\s+by\s+(?<credit>[^.]{2,100})\.?$", RegexOptions.IgnoreCase)]
    private static partial Regex PhotoBy();

    // "A plow at the gate. (KVTN 7 News)": a closing parenthesis of a few capitalised words is the agency.
    [GeneratedRegex(@"^(?<caption>.+?)\s*\((?<credit>[\p{Lu}\d][\p{L}\d.&'/-]*(?:\s+[\p{Lu}\d][\p{L}\d.&'/-]*){0,5})\)\.?$")]
    private static partial Regex NameInParenthesis();

    [GeneratedRegex(@"^(?<caption>.*?)\s*\bcredit\s*(?:\.{2,}|…)\s*(?<credit>.{2,150})$", RegexOptions.IgnoreCase)]
    private static partial Regex CreditDots();
}
