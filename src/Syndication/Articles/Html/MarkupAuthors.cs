using AngleSharp.Dom;

namespace Syndication.Articles;

/// <summary>
/// The writers a page's visible byline names: <c>[itemprop=author]</c>, <c>rel=author</c>, <c>.byline</c>, author
/// classes (also "autor", "writer"), then a "By …" line under the headline; in the article before the whole page.
/// </summary>
internal static class MarkupAuthors
{
    private const string BylineSelector = "[itemprop~=author], [rel~=author], .byline, [class*=byline i], [class*=author i], "
        + "[class*=autor i], [class*=contributor i], [class*=writer i], [data-testid*=byline i], [data-testid*=author i], "
        + "[typeof~=\"schema:Person\"], [property~=\"schema:author\"], [class*=username], address";

    // Comments, navigation, the site's footer and menus (by element, role, class or id): their link lists are never a byline.
    private const string ExcludedPlaces = "[class*=comment], [id*=comment], nav, menu, [role=navigation], [role=menu], [role=menubar], "
        + "[class*=menu i], [id*=menu i], [class*=navbar i], [class*=navigation i], [id*=navigation i], [class~=nav i], [id~=nav i]";

    // A byline links to a few writers; an element with more links or list items is a list (a menu, an identifier box).
    private const int MaxBylineLinks = 6;

    // Links to author pages, which carry names without roles.
    private static readonly string[] ProfilePaths = ["/author/", "/authors/", "/profile/", "/by/", "/people/", "/journalists/", "/staff/", "/writers/", "/@"];

    /// <summary>The names the visible page gives its writers.</summary>
    public static IReadOnlyList<string> Read(IElement scope, IElement? headline)
    {
        if (FromBylines(scope) is { Count: > 0 } inArticle) return inArticle;
        foreach (var line in MarkupFacts.NearHeadline(scope, headline).Select(MarkupFacts.SpacedText))
            if (line.Length <= 150 && Bylines.LooksLikeByline(line) && Bylines.Names(line) is { Count: > 0 } names) return names;
        return FromBylines(scope.Owner!.DocumentElement);
    }

    private static IReadOnlyList<string> FromBylines(IElement root)
    {
        foreach (var byline in root.QuerySelectorAll(BylineSelector))
            if ((!Excluded(byline) || MarkedPerson(byline)) && byline.QuerySelectorAll("a[href]").Length <= MaxBylineLinks
                && byline.QuerySelectorAll("li").Length <= MaxBylineLinks
                && From(byline) is { Count: > 0 } names) return [.. names.Concat(Beside(byline)).Distinct(StringComparer.OrdinalIgnoreCase)];
        return [];
    }

    // One element per writer (<dl class="author"> for each reporter): the byline's siblings of the same element and
    // class name the other writers.
    private static IEnumerable<string> Beside(IElement byline) =>
        string.IsNullOrWhiteSpace(byline.ClassName) ? [] : byline.ParentElement?.Children
            .Where(c => c != byline && c.LocalName == byline.LocalName && c.ClassName == byline.ClassName)
            .SelectMany(From) ?? [];

    // Marked names first (itemprop, profile links, elements classed as a name), then the whole byline, then each of
    // its parts alone ("Owain Clarke" beside "Health correspondent, BBC Wales").
    private static IReadOnlyList<string> From(IElement byline)
    {
        var names = byline.QuerySelectorAll("[itemprop~=name], [property~=\"schema:name\"]").Select(e => MarkupFacts.Attr(e, "content") ?? MarkupFacts.Text(e)).ToList();
        if (names.Count == 0) names = byline.QuerySelectorAll("a[href]").Where(IsProfileLink).Select(MarkupFacts.Text).ToList();
        if (names.Count == 0 && byline.LocalName == "a" && IsProfileLink(byline)) names = [MarkupFacts.Text(byline)];
        if (names.Count == 0) names = byline.QuerySelectorAll("[class*=name i]").Select(MarkupFacts.Text).ToList();
        if (Bylines.Names(names) is { Count: > 0 } marked) return Fuller(byline, marked) ?? marked;
        if (OwnLine(byline) is { } line && Bylines.Names(MarkupFacts.SpacedText(line)) is { Count: > 0 } lineNames) return lineNames;
        if (Bylines.Names(MarkupFacts.Attr(byline, "content") ?? MarkupFacts.SpacedText(byline)) is { Count: > 0 } whole) return whole;
        // Each part alone; an opening word that stands as its own element ("<span>capital</span> <span>von</span>
        // <span>Jemima Kelly</span>") starts the names: what comes before it is a brand or section.
        var parts = byline.QuerySelectorAll("*").Where(e => e.ChildElementCount == 0).Select(e => MarkupFacts.Text(e) ?? "").ToList();
        return Bylines.Names(parts.Skip(parts.FindLastIndex(p => Bylines.IsMarkerOnly(p)) + 1));
    }

    // "By Steve Peoples, <a href=/author/…>Thomas Beaumont</a> and Amelia Thomson-Deveaux": marked names are the writers
    // only when the byline's own line names no more of them; a line that names them all and others reads whole.
    private static IReadOnlyList<string>? Fuller(IElement byline, IReadOnlyList<string> marked)
    {
        var line = Bylines.Names(MarkupFacts.SpacedText(OwnLine(byline) ?? byline));
        return line.Count > marked.Count && marked.All(m => line.Contains(m, StringComparer.OrdinalIgnoreCase)) ? line : null;
    }

    // A byline of several blocks whose "By …" block stands alone: the blocks beside it state the publication, the
    // date or the role ("By Joe Davidson" above "Washington Post").
    private static IElement? OwnLine(IElement byline) =>
        byline.Children.Length > 1 && byline.Children.All(c => c.LocalName is "div" or "p")
            ? byline.Children.FirstOrDefault(c => Bylines.LooksLikeByline(MarkupFacts.SpacedText(c))) : null;

    // Microdata that marks a person as the author states a writer, not a list of links, even inside navigation
    // ("Edited by <span itemprop=author itemtype=…/Person>"); comments and footers stay out.
    private static bool MarkedPerson(IElement byline) =>
        (byline.GetAttribute("itemprop") ?? "").Contains("author", StringComparison.OrdinalIgnoreCase)
        && (byline.GetAttribute("itemtype") ?? "").EndsWith("/Person", StringComparison.OrdinalIgnoreCase)
        && byline.Closest("[class*=comment], [id*=comment], footer") is null;

    // Inside comments, navigation, a menu or the site's footer; inside a figure, where an author is the picture's. A <body> classed "header-menu-enabled" (WordPress themes)
    // is the whole page, not a menu; a footer inside an <article> is the article's own (who wrote it, when).
    private static bool Excluded(IElement e) =>
        e.Closest(ExcludedPlaces) is { LocalName: not ("body" or "html") } || e.Closest("footer") is { } footer && footer.Closest("article") is null
        || e.Closest("figure, figcaption") is not null;

    private static bool IsProfileLink(IElement a) =>
        (a.GetAttribute("rel") ?? "").Contains("author", StringComparison.OrdinalIgnoreCase)
        || ProfilePaths.Any(p => (a.GetAttribute("href") ?? "").Contains(p, StringComparison.OrdinalIgnoreCase));
}
