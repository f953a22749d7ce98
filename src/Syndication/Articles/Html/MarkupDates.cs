using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace Syndication.Articles;

/// <summary>
/// When the visible page says the article was published: <c>itemprop=datePublished</c>, then machine-readable stamps
/// (<c>&lt;time datetime&gt;</c>, custom time elements such as GitHub's <c>&lt;relative-time&gt;</c>, hAtom
/// <c>&lt;abbr title&gt;</c>, <c>data-timestamp</c>, Unix times in <c>data-time-ms</c> and <c>data-utime</c>), then datelines in the text; a stamp or dateline labelled as an
/// update ("Updated", "Last modified", "Reviewed") is never taken for it.
/// </summary>
internal static partial class MarkupDates
{
    private const string Excluded = "[class*=comment], [id*=comment], aside, nav, footer, [class*=related i]";

    private const string DatelineClasses = "[class*=date i], [class*=time i], [class*=published i], .meta, .byline, "
        + "[class*=zeit i], [class*=fecha i], [class*=datum i]";

    // A dateline states a date and little else; a sentence that mentions one ("first held on 12 June 1976") is not one.
    public const int MaxWordsBesideDate = 12;

    /// <summary>The publication date the page's markup states, or null.</summary>
    public static PageDate? Published(IElement scope, IDocument doc, IElement? headline, PageLocale locale)
    {
        var marked = doc.QuerySelector("[itemprop~=datePublished]");
        var markedStamp = MarkupFacts.Attr(marked, "content", "datetime", "title");
        if (InStatedZone(marked, markedStamp, PageDates.Parse(markedStamp ?? MarkupFacts.Text(marked), locale)) is { } d) return d;
        PageDate? unlabelled = null;
        foreach (var stamp in scope.QuerySelectorAll("time[datetime], relative-time[datetime], local-time[datetime], abbr[title], [data-timestamp], [data-time-ms], [data-utime], [class*=date i]"))
        {
            if (stamp.Closest(Excluded) is not null || Stamp(stamp, locale) is not { } when) continue;
            var label = Label(stamp);
            if (Datelines.SaysModified(label)) continue;
            if (stamp.HasAttribute("pubdate") || Datelines.SaysPublished(label)) return when;
            unlabelled ??= when;
        }
        return unlabelled ?? FromDatelines(scope, headline, locale);
    }

    /// <summary>The date the markup says the article was last changed, or null.</summary>
    public static PageDate? Modified(IElement scope, IDocument doc, PageLocale locale) =>
        PageDates.Parse(MarkupFacts.Attr(doc.QuerySelector("[itemprop~=dateModified]"), "content", "datetime")
            ?? MarkupFacts.Attr(scope.QuerySelector("time[class*=updated][datetime], time[class*=modified][datetime]"), "datetime"), locale);

    // Date-classed elements and the lines under the headline, in page order: the first date labelled as published,
    // else the first without a label.
    private static PageDate? FromDatelines(IElement scope, IElement? headline, PageLocale locale)
    {
        var classed = scope.QuerySelectorAll(DatelineClasses).Where(e => e.Closest(Excluded) is null).ToHashSet();
        var near = MarkupFacts.NearHeadline(scope, headline).Where(e => e.Closest(Excluded) is null);
        PageDate? unlabelled = null;
        foreach (var e in classed.Union(near).OrderBy(e => e, DocumentOrder.Instance))
        {
            var text = MarkupFacts.SpacedText(e);
            if (text.Length > 200) continue;
            var statements = Datelines.Read(text, locale).ToList();
            if (!classed.Contains(e) && WordsBeside(text, statements) > MaxWordsBesideDate) continue;
            foreach (var s in statements)
            {
                if (s.Kind == Datelines.Kind.Published) return s.When;
                if (s.Kind == Datelines.Kind.Unlabelled) unlabelled ??= s.When;
            }
        }
        return unlabelled;
    }

    /// <summary>How many words the text holds beside the dates it states.</summary>
    public static int WordsBeside(string text, List<Datelines.Statement> statements)
    {
        foreach (var s in statements.OrderByDescending(s => s.Index)) text = text.Remove(s.Index, s.Length);
        return text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
    }

    private static PageDate? Stamp(IElement e, PageLocale locale) => e.LocalName switch
    {
        "time" or "relative-time" or "local-time" => InStatedZone(e, e.GetAttribute("datetime"), PageDates.Parse(e.GetAttribute("datetime"), locale)),
        "abbr" when e.HasAttribute("title") => IsoDate().IsMatch(e.GetAttribute("title") ?? "") ? PageDates.Parse(e.GetAttribute("title"), locale) : null,
        _ when e.GetAttribute("data-timestamp") is { } t => PageDates.FromUnix(t) ?? PageDates.Parse(t, locale),
        _ when ZonedDataStamp(e, locale) is { } zoned => zoned,
        _ => PageDates.FromUnix(e.GetAttribute("data-time-ms") ?? e.GetAttribute("data-utime")),
    };

    // A date-classed element's data attribute that names a date or time and holds one with its zone, as "smart date"
    // scripts keep it beside the zoneless text they render (<span class="smart-date" data-origindate="2017-03-01
    // 14:27:02 +0800">): a stamp. Without a stated zone it is not one (the visible text says as much).
    private static PageDate? ZonedDataStamp(IElement e, PageLocale locale)
    {
        foreach (var a in e.Attributes)
            if (a.Name.StartsWith("data-", StringComparison.Ordinal) && a.Value.Length is >= 16 and <= 40
                && (a.Name.Contains("date", StringComparison.Ordinal) || a.Name.Contains("time", StringComparison.Ordinal))
                && PageDates.Parse(a.Value, locale) is { ZoneStated: true } stated)
                return stated;
        return null;
    }

    // A stamp without a zone ("2022-10-17 16:01:26") whose own text states that time in a zone ("10/17/2022 04:01 PM
    // EDT") is that time in that zone.
    private static PageDate? InStatedZone(IElement? e, string? stamp, PageDate? when) =>
        when is { ZoneStated: false, When.DateTime: var wall } && e is not null && stamp is not null && ZonelessTime().IsMatch(stamp)
        && Datelines.ZoneBeside(e.TextContent, wall) is { } offset ? new PageDate(new DateTimeOffset(wall, offset), true) : when;

    // What marks a stamp: its own and its container's class and type, the words just before it and its own text.
    private static string Label(IElement e)
    {
        var before = e.PreviousSibling?.TextContent ?? "";
        if (e.PreviousElementSibling is { } previous && before.Trim().Length == 0) before = previous.TextContent;
        var label = string.Join(' ', e.ClassName, e.GetAttribute("data-type"), e.GetAttribute("itemprop"), e.ParentElement?.ClassName,
            e.ParentElement?.GetAttribute("data-type"), CleanText.CutStart(before, 40), e.TextContent);
        return CamelCase().Replace(label, " ").Replace('-', ' ').Replace('_', ' ');
    }

    [GeneratedRegex(@"^\s*\d{4}-\d{2}-\d{2}")]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"^\s*\d{4}-\d{2}-\d{2}[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*$")]
    private static partial Regex ZonelessTime();

    [GeneratedRegex(@"(?<=\p{Ll})(?=\p{Lu})")]
    private static partial Regex CamelCase();

    private sealed class DocumentOrder : IComparer<IElement>
    {
        public static readonly DocumentOrder Instance = new();

        public int Compare(IElement? a, IElement? b) =>
            a == b ? 0 : a!.CompareDocumentPosition(b!).HasFlag(DocumentPositions.Following) ? -1 : 1;
    }
}
