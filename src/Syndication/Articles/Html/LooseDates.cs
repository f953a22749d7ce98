using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace Syndication.Articles;

/// <summary>
/// Dates a page states outside the places marked for them, read only when no marked place states one: the data its
/// scripts carry (<c>"datePublished"</c>, <c>"publishedAt"</c> in any script's JSON, <c>__NEXT_DATA__</c> blobs), the
/// first dated line of its text, the day its address's path states, and a date standing as a part of its title.
/// </summary>
internal static partial class LooseDates
{
    private const string Excluded = "script, style, noscript, template, [class*=comment], [id*=comment], nav, footer, menu, [role=navigation]";

    /// <summary>The publication and change dates the first script data naming them states.</summary>
    public static PageFacts ScriptData(IDocument doc, PageLocale locale)
    {
        PageDate? published = null, modified = null;
        foreach (var script in doc.QuerySelectorAll("script:not([src])"))
        {
            if (script.GetAttribute("type") is { } type && type.Contains("ld+json", StringComparison.OrdinalIgnoreCase)) continue;
            foreach (Match m in DataKey().Matches(script.TextContent))
            {
                var when = PageDates.FromUnix(m.Groups["value"].Value) ?? PageDates.Parse(m.Groups["value"].Value, locale);
                if (m.Groups["modified"].Success) modified ??= when;
                else published ??= when;
            }
            if (published is not null) break;
        }
        return new PageFacts { Published = published, Modified = modified };
    }

    /// <summary>
    /// The first date a short line of the page's text states (labelled as the publication, else unlabelled; never one
    /// labelled as a change), outside scripts, comments, navigation and footers; a sentence that mentions a date is not a
    /// line, but a dateline that opens a paragraph is, and so is a script call that writes a date where it stands.
    /// </summary>
    public static PageFacts FirstDatedLine(IDocument doc, PageLocale locale)
    {
        if (doc.Body is not { } body) return PageFacts.None;
        var read = new HashSet<IElement>();
        foreach (var node in body.Descendants<IText>())
        {
            if (!FourDigits().IsMatch(node.Data) || node.ParentElement is not { } parent || !read.Add(parent)) continue;
            var written = parent.LocalName == "script" ? WrittenDate().Match(node.Data) : Match.Empty;
            if ((written.Success ? parent.ParentElement?.Closest(Excluded) : parent.Closest(Excluded)) is not null) continue;
            // The element's whole line, so that a label in a sibling ("Reviewed by <a>…</a> on 2 April 2024") counts.
            var text = written.Success ? written.Groups["date"].Value : MarkupFacts.SpacedText(parent);
            if (text.Length > 200) text = CleanText.Line(node.Data, 300);
            if (Opening(text, locale) is { } opening) return new PageFacts { Published = opening };
            if (text.Length > 200) continue;
            var statements = Datelines.Read(text, locale).ToList();
            if (statements.Count == 0 || MarkupDates.WordsBeside(text, statements) > MarkupDates.MaxWordsBesideDate) continue;
            if (statements[0].Kind != Datelines.Kind.Modified) return new PageFacts { Published = statements[0].When };
        }
        return PageFacts.None;
    }

    /// <summary>The day an address's path states as a blog archive does ("/2014/05/18/slug", "/2019-12-02-slug"), or null.</summary>
    public static PageDate? InAddress(string? address)
    {
        if (!Uri.TryCreate(address?.Trim(), UriKind.Absolute, out var uri) || PathDate().Match(uri.AbsolutePath) is not { Success: true } m) return null;
        var (y, mo, d) = (int.Parse(m.Groups["y"].Value), int.Parse(m.Groups["m"].Value), int.Parse(m.Groups["d"].Value));
        return mo is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, mo) && y <= DateTime.UtcNow.Year
            ? new PageDate(new DateTimeOffset(y, mo, d, 0, 0, 0, TimeSpan.Zero), false) : null;
    }

    /// <summary>The date a page's title states as a part of its own before or after a separator ("08.11.2021 | Fachtag: Site").</summary>
    public static PageDate? InTitle(string? title, PageLocale locale)
    {
        var parts = TitleSeparator().Split(title ?? "").Select(p => p.Trim()).Where(p => p.Length > 0).ToList();
        foreach (var part in parts.Count > 1 ? new[] { parts[0], parts[^1] } : [])
            if (Datelines.Read(part, locale).ToList() is [var only] && only.Index == 0 && only.Length >= part.TrimEnd('.', ')').Length - 1) return only.When;
        return null;
    }

    // A dateline that opens a long paragraph, as press releases and agencies write it: "Karlsruhe, (12.11.2021).
    // Traditionell …", "BERLIN, 5. März 2024 – …": at most three words before the date, a stop or dash after it.
    private static PageDate? Opening(string text, PageLocale locale)
    {
        var head = text[..Math.Min(text.Length, 80)];
        if (Datelines.Read(head, locale).FirstOrDefault() is not { Length: > 0 } first || first.Kind == Datelines.Kind.Modified) return null;
        // A place or agency then a comma, as datelines write it ("BERLIN,", "Karlsruhe, ("): "On 5 March 2020 – the day
        // …" in feature copy is no dateline.
        var lead = head[..first.Index].TrimEnd(' ', '(');
        var before = lead.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
        var after = head[(first.Index + first.Length)..].TrimStart(')', ' ');
        return before is >= 1 and <= 3 && lead.EndsWith(',') && char.IsUpper(lead[0])
            && after.Length > 0 && after[0] is '.' or ':' or '–' or '—' or '-' ? first.When : null;
    }

    [GeneratedRegex(@"/(?<y>(?:19|20)\d{2})(?:/(?<m>\d{1,2})/(?<d>\d{1,2})/|-(?<m>\d{2})-(?<d>\d{2})(?:[-_/]|$))")]
    private static partial Regex PathDate();

    [GeneratedRegex(@"\s[|–—·-]\s|\s::\s")]
    private static partial Regex TitleSeparator();

    // A script that writes a date where it stands: showDate("2020/04/17 01:43:09"), document.write('5 March 2024').
    // A call that writes a date where it stands: its function names a date or a write (showDate, document.write,
    // writeDate), not a countdown's or an event's ("startCountdown(\"2026-08-14 18:00\")").
    [GeneratedRegex(@"^\s*[\w.$]*(?:[Dd]ate|[Ww]rite)[\w$]*\(\s*[""'](?<date>[^""'<>]{8,40})[""']\s*\)\s*;?\s*$")]
    private static partial Regex WrittenDate();

    [GeneratedRegex(@"(?<!\d)\d{4}")]
    private static partial Regex FourDigits();

    // "datePublished":"2024-03-05T08:30:00Z", \"publishedAt\":1709627400, published_at: '2024-03-05'.
    [GeneratedRegex(@"\\?[""']?(?:(?<modified>dateModified|date_modified|modifiedDate|modified_date|updatedAt|updated_at|lastModified)|datePublished|date_published|publishedAt|published_at|publishDate|publish_date|publishedDate|published_date|firstPublished|first_published_at|pubDate)\\?[""']?\s*:\s*\\?[""']?(?<value>[0-9][0-9TZ:.+\- /]{7,30})", RegexOptions.IgnoreCase)]
    private static partial Regex DataKey();
}
