using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace Syndication.Articles;

/// <summary>
/// Dates a page states outside the places marked for them, read only when no marked place states one: the data its
/// scripts carry (<c>"datePublished"</c>, <c>"publishedAt"</c> in any script's JSON, <c>__NEXT_DATA__</c> blobs), and
/// the first dated line of its text.
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
    /// labelled as a change), outside scripts, comments, navigation and footers; a sentence that mentions a date is not a line.
    /// </summary>
    public static PageFacts FirstDatedLine(IDocument doc, PageLocale locale)
    {
        if (doc.Body is not { } body) return PageFacts.None;
        var read = new HashSet<IElement>();
        foreach (var node in body.Descendants<IText>())
        {
            if (!FourDigits().IsMatch(node.Data) || node.ParentElement is not { } parent || !read.Add(parent) || parent.Closest(Excluded) is not null) continue;
            // The element's whole line, so that a label in a sibling ("Reviewed by <a>…</a> on 2 April 2024") counts.
            var text = MarkupFacts.SpacedText(parent);
            if (text.Length > 200) text = CleanText.Line(node.Data, 300);
            if (text.Length > 200) continue;
            var statements = Datelines.Read(text, locale).ToList();
            if (statements.Count == 0 || MarkupDates.WordsBeside(text, statements) > MarkupDates.MaxWordsBesideDate) continue;
            if (statements[0].Kind != Datelines.Kind.Modified) return new PageFacts { Published = statements[0].When };
        }
        return PageFacts.None;
    }

    [GeneratedRegex(@"(?<!\d)\d{4}")]
    private static partial Regex FourDigits();

    // "datePublished":"2024-03-05T08:30:00Z", \"publishedAt\":1709627400, published_at: '2024-03-05'.
    [GeneratedRegex(@"\\?[""']?(?:(?<modified>dateModified|date_modified|modifiedDate|modified_date|updatedAt|updated_at|lastModified)|datePublished|date_published|publishedAt|published_at|publishDate|publish_date|publishedDate|published_date|firstPublished|first_published_at|pubDate)\\?[""']?\s*:\s*\\?[""']?(?<value>[0-9][0-9TZ:.+\- /]{7,30})", RegexOptions.IgnoreCase)]
    private static partial Regex DataKey();
}
