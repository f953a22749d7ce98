using AngleSharp.Dom;

namespace Syndication.Articles;

/// <summary>
/// What the visible page itself says when the head is silent: the headline, the byline (<c>rel=author</c>,
/// <c>.byline</c>, <c>[itemprop=author]</c>, "By …" under the headline), the publication date (<c>&lt;time&gt;</c>,
/// a dateline), <c>&lt;html lang&gt;</c>.
/// </summary>
internal static class MarkupFacts
{
    private const string TitleClasses = ".entry-title, .post-title, [class*=headline], [class*=story-title], [class*=article-title], h2[class*=title i]";

    // A dek or standfirst that pages put inside the headline element: not part of the headline.
    private const string Deks = "p, [class*=dek i], [class*=standfirst i], [class*=subtitle i], [class*=subhead i], [class*=strap i], [class*=summary i]";

    /// <summary>What the visible page states about its article.</summary>
    public static PageFacts Read(IDocument doc, PageLocale locale)
    {
        var scope = Scope(doc);
        var headline = Headline(scope, doc);
        return new PageFacts
        {
            Title = HeadlineText(headline),
            Authors = MarkupAuthors.Read(scope, headline),
            Published = MarkupDates.Published(scope, doc, headline, locale),
            Modified = MarkupDates.Modified(scope, doc, locale),
            Language = doc.DocumentElement.GetAttribute("lang") ?? doc.DocumentElement.GetAttribute("xml:lang"),
        };
    }

    /// <summary>The article element (or main) that holds the headline; the body when the page has neither.</summary>
    public static IElement Scope(IDocument doc)
    {
        var h1 = doc.QuerySelector("article h1, main h1, [role=main] h1");
        return h1?.Closest("article") ?? h1?.Closest("main, [role=main]")
            ?? doc.QuerySelector("article") ?? doc.QuerySelector("main, [role=main]") ?? doc.Body ?? doc.DocumentElement;
    }

    /// <summary>The element holding the article's headline, if the page marks one.</summary>
    public static IElement? Headline(IDocument doc) => Headline(Scope(doc), doc);

    /// <summary>
    /// The elements that follow the headline (the page's start without one) until the story's first long paragraph:
    /// where bylines and datelines stand.
    /// </summary>
    public static IEnumerable<IElement> NearHeadline(IElement scope, IElement? headline)
    {
        var root = headline is null || scope.Contains(headline) ? scope : scope.Owner!.Body ?? scope;
        var all = root.QuerySelectorAll("*").ToList();
        var start = headline is null ? 0 : all.IndexOf(headline) + 1;
        foreach (var e in all.Skip(start).Take(60))
        {
            if (headline?.Contains(e) == true || e.LocalName is "script" or "style" or "noscript") continue;
            if (e.LocalName == "p" && CleanText.Line(e.TextContent, 400).Length >= 150) yield break;
            yield return e;
        }
    }

    // The page's headline among its candidates (h1s, itemprop=headline, title classes; old blog themes spend the <h1>
    // on the site's name and give the post an h2): the one that covers most of the page's <title> or og:title, so a
    // section banner ("Allergies Health Center") or the site's name does not win; in page order when none agrees.
    private static IElement? Headline(IElement scope, IDocument doc)
    {
        var candidates = scope.QuerySelectorAll("h1").Concat(doc.QuerySelectorAll("[itemprop~=headline]"))
            .Concat(doc.QuerySelectorAll(TitleClasses)).Concat(scope.LocalName == "body" ? [] : scope.QuerySelectorAll("h2").Take(1))
            .Concat(doc.QuerySelectorAll("h1"))
            .Where(e => e.Closest("nav, aside, footer, [role=navigation]") is null && HeadlineText(e) is not null)
            .Distinct().ToList();
        if (candidates.Count == 0) return null;
        var titles = new[] { doc.Title, Meta(doc, "og:title"), Meta(doc, "twitter:title") }
            .Select(t => Squash(t ?? "")).Where(t => t.Length > 0).ToList();
        var site = Squash(Meta(doc, "og:site_name") ?? "");
        return candidates.Select((e, i) => (Element: e, Order: i, Cover: Cover(Squash(HeadlineText(e)!), titles, site)))
            .OrderByDescending(c => c.Cover).ThenBy(c => c.Order).First().Element;
    }

    // The share of the best-matching title the candidate's text makes up (0 when no title contains it).
    private static double Cover(string text, List<string> titles, string site) =>
        text.Length == 0 || text == site ? 0 : titles.Where(t => t.Contains(text, StringComparison.Ordinal))
            .Select(t => text.Length / (double)t.Length).DefaultIfEmpty(0).Max();

    // value= is read like content=, as MetaTagFacts reads it.
    private static string? Meta(IDocument doc, string key) =>
        MarkupFacts.Attr(doc.QuerySelector($"meta[property='{key}'][content], meta[name='{key}'][content], meta[property='{key}'][value], meta[name='{key}'][value]"), "content", "value");

    private static string Squash(string s) => new(s.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());

    /// <summary>An attribute's value, the first of <paramref name="names"/> present and not blank.</summary>
    public static string? Attr(IElement? e, params string[] names) =>
        e is null ? null : names.Select(e.GetAttribute).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));

    /// <summary>The element's text on one line, null when it has none.</summary>
    public static string? Text(IElement? e)
    {
        var text = CleanText.Line(e?.TextContent, 500);
        return text.Length == 0 ? null : text;
    }

    /// <summary>A headline element's text without the dek or standfirst inside it; the first of those when it holds all the text.</summary>
    public static string? HeadlineText(IElement? e)
    {
        var deks = e?.QuerySelectorAll(Deks).ToList();
        if (e is null || deks is not { Count: > 0 }) return Text(e);
        // Each text's ancestors up to the element, looked up in a set: linear in the element's size, however many deks
        // it holds (a hostile heading of 19,000 paragraphs took 42 s when each text was checked against every dek).
        var inDek = deks.ToHashSet();
        var own = new System.Text.StringBuilder();
        foreach (var t in e.Descendants<IText>())
        {
            if (own.Length > 2_000) break;
            if (!InAny(t, e, inDek)) own.Append(t.Data);
        }
        var line = CleanText.Line(own.ToString(), 500);
        return line.Length > 0 ? line : Text(deks[0]);
    }

    private static bool InAny(IText text, IElement within, HashSet<IElement> elements)
    {
        for (var p = text.ParentElement; p is not null && p != within; p = p.ParentElement)
            if (elements.Contains(p)) return true;
        return false;
    }

    /// <summary>The element's text with a space between the texts of its parts ("29 February 2024" and "Owain Clarke" apart).</summary>
    public static string SpacedText(IElement e) =>
        CleanText.Line(string.Join(' ', e.Descendants<IText>().Where(t => t.ParentElement?.LocalName is not ("script" or "style"))
            .Select(t => t.Data)), 1000);
}
