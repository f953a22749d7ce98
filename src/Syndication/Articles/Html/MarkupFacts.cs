using AngleSharp.Dom;

namespace Syndication.Articles;

/// <summary>
/// What the visible page itself says when the head is silent: the headline <c>&lt;h1&gt;</c>, the byline
/// (<c>rel=author</c>, <c>.byline</c>, <c>[itemprop=author]</c>), <c>&lt;time datetime&gt;</c>, <c>&lt;html lang&gt;</c>,
/// and the page's language.
/// </summary>
internal static class MarkupFacts
{
    private const string BylineSelector = "[itemprop~=author], [rel~=author], .byline, [class*=byline], [class*=Byline], "
        + ".author, [class*=author i], [class*=contributor], [data-testid*=byline], [typeof~=\"schema:Person\"], "
        + "[property~=\"schema:author\"], [class*=username], address";

    // Links to author pages, which carry names without roles.
    private static readonly string[] ProfilePaths = ["/author/", "/authors/", "/profile/", "/by/", "/people/", "/journalists/", "/staff/", "/writers/", "/@"];

    /// <summary>What the visible page states about its article.</summary>
    public static PageFacts Read(IDocument doc)
    {
        var scope = Scope(doc);
        return new PageFacts
        {
            Title = Text(Headline(scope, doc)),
            Authors = Authors(scope),
            Published = Published(scope, doc),
            Modified = PageDates.Parse(Attr(doc.QuerySelector("[itemprop~=dateModified]"), "content", "datetime")
                ?? Attr(scope.QuerySelector("time[class*=updated][datetime], time[class*=modified][datetime]"), "datetime")),
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

    // Old blog themes spend the <h1> on the site's name and give the post an h2 or h3 classed as its title.
    private static IElement? Headline(IElement scope, IDocument doc) =>
        scope.QuerySelector("h1") ?? doc.QuerySelector("[itemprop~=headline]")
        ?? doc.QuerySelector(".entry-title, .post-title, [class*=headline], [class*=story-title], [class*=article-title]")
        ?? (scope.LocalName == "body" ? null : scope.QuerySelector("h2")) ?? doc.QuerySelector("h1");

    private static IReadOnlyList<string> Authors(IElement scope)
    {
        foreach (var root in new[] { scope, scope.Owner!.DocumentElement })
        {
            foreach (var byline in root.QuerySelectorAll(BylineSelector))
            {
                if (byline.Closest("[class*=comment], [id*=comment]") is not null) continue;
                var names = byline.QuerySelectorAll("[itemprop~=name], [property~=\"schema:name\"]").Select(e => Attr(e, "content") ?? Text(e)).ToList();
                if (names.Count == 0)
                    names = byline.QuerySelectorAll("a[href]").Where(IsProfileLink).Select(Text).ToList();
                if (names.Count == 0 && byline.LocalName == "a" && IsProfileLink(byline)) names = [Text(byline)];
                if (names.Count == 0) names = [Attr(byline, "content") ?? Text(byline)];
                var found = Bylines.Names(names);
                if (found.Count > 0) return found;
            }
        }
        return [];
    }

    private static bool IsProfileLink(IElement a) =>
        (a.GetAttribute("rel") ?? "").Contains("author", StringComparison.OrdinalIgnoreCase)
        || ProfilePaths.Any(p => (a.GetAttribute("href") ?? "").Contains(p, StringComparison.OrdinalIgnoreCase));

    // itemprop=datePublished, then a <time> marked as the publication time, then the first <time> in the article,
    // then a date written in a dateline.
    private static DateTimeOffset? Published(IElement scope, IDocument doc)
    {
        var marked = doc.QuerySelector("[itemprop~=datePublished]");
        if (PageDates.Parse(Attr(marked, "content", "datetime", "title") ?? Text(marked)) is { } d) return d;
        var times = scope.QuerySelectorAll("time[datetime]")
            .Where(t => t.Closest("[class*=comment], [id*=comment], aside, nav, footer") is null).ToList();
        var published = times.FirstOrDefault(t => t.HasAttribute("pubdate")
            || (t.ClassName ?? "").Contains("publish", StringComparison.OrdinalIgnoreCase)) ?? times.FirstOrDefault();
        if (PageDates.Parse(Attr(published, "datetime")) is { } t) return t;
        foreach (var dateline in scope.QuerySelectorAll("[class*=date], [class*=Date], [class*=timestamp], [class*=published], .meta, .byline"))
            if (dateline.Closest("[class*=comment], [id*=comment]") is null && DateFinder.FirstDate(Text(dateline) ?? "") is { } found)
                return found;
        // Last, a date written just under the headline ("September 21st, 2012 by Dai Morgan").
        for (var (e, i) = (Headline(scope, doc)?.NextElementSibling, 0); e is not null && i < 3; e = e.NextElementSibling, i++)
            if (DateFinder.FirstDate(Text(e) ?? "") is { } near) return near;
        return null;
    }

    private static string? Attr(IElement? e, params string[] names) =>
        e is null ? null : names.Select(e.GetAttribute).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));

    private static string? Text(IElement? e)
    {
        var text = CleanText.Line(e?.TextContent, 500);
        return text.Length == 0 ? null : text;
    }
}
