using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Syndication.Articles;

/// <summary>
/// A saved web page (navigation, ads, comments, scripts and all) as a clean article: metadata from JSON-LD, then
/// OpenGraph/meta tags, then the markup; the text by SmartReader; images with captions and credits; decoded from
/// whatever character set the page declares.
/// </summary>
public static class HtmlArticleParser
{
    /// <summary>The article a page's bytes hold; rejected with an "html: …" reason when the page has no headline at all.</summary>
    public static ParsedArticle Parse(ReadOnlySpan<byte> content)
    {
        var text = HtmlCharset.Decode(content);
        HtmlNesting.Check(text);
        var doc = new HtmlParser().ParseDocument(text);
        var jsonLd = JsonLdFacts.Read(doc);
        var meta = MetaTagFacts.Read(doc);
        var markup = MarkupFacts.Read(doc);
        // The page's own lang attribute outranks og:locale, which sites often leave at a default.
        var facts = PageFacts.Merge(jsonLd, meta, markup) with { Language = PageFacts.Merge(jsonLd, markup, meta).Language };
        var siteName = facts.SiteName;
        var title = HtmlTitle.Choose(jsonLd.Title, meta.Title, markup.Title, doc.Title, siteName);
        if (string.IsNullOrWhiteSpace(title)) throw new ArticleRejectedException("html: the page has no title or headline");

        var page = PageUri(facts.Url);
        var baseUri = BaseUri(doc, page);
        HtmlNoise.Remove(doc, MarkupFacts.Headline(doc));
        var scope = MarkupFacts.Scope(doc);
        var pictures = HtmlImages.Prepare(doc, baseUri, scope.LocalName == "body" ? null : scope);
        var body = HtmlBody.Extract(doc, baseUri ?? HtmlBody.UnknownPage, pictures.Select(p => p.FrameText).OfType<string>());
        var authors = Authors(siteName, jsonLd, meta, markup, new PageFacts { Authors = Bylines.Names(body.Byline) });
        var summary = CleanText.Line(facts.Description ?? body.FirstParagraph, 1000);
        return new ParsedArticle
        {
            Title = CleanText.Line(title, 300),
            Summary = summary.Length == 0 ? null : summary,
            BodyHtml = body.Html,
            Authors = authors.Select(a => CleanText.Line(a, 100)).Take(20).ToList(),
            Published = facts.Published,
            Updated = facts.Modified,
            Categories = Distinct(facts.Sections),
            Tags = Distinct(facts.Tags),
            Images = ArticleImages.Choose(pictures, body.Images, facts.Images.Select(i => HtmlImages.Resolve(i, baseUri))),
            Language = NullIfEmpty(CleanText.Line(facts.Language, 35)),
        };
    }

    // The first source naming a writer; an agency or organisation ("AFP", JSON-LD's Organization) only when none does.
    // The site's own name is never an author.
    private static IReadOnlyList<string> Authors(string? siteName, params PageFacts[] sources)
    {
        var stated = sources.Select(s => (Names: s.Authors.Where(n => !HtmlTitle.IsSiteName(n, siteName)).ToList(), Organizations: s.AuthorsAreOrganizations))
            .Where(s => s.Names.Count > 0).ToList();
        return stated.FirstOrDefault(s => !s.Organizations && !s.Names.All(WireAgencies.IsAgency)).Names ?? stated.FirstOrDefault().Names ?? [];
    }

    private static Uri? PageUri(string? url) =>
        Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri : null;

    // <base href> wins over the page's own address; a relative base is resolved against that address.
    private static Uri? BaseUri(IDocument doc, Uri? page)
    {
        var href = doc.QuerySelector("base[href]")?.GetAttribute("href")?.Trim();
        if (string.IsNullOrEmpty(href)) return page;
        if (PageUri(href) is { } absolute) return absolute;
        return page is not null && Uri.TryCreate(page, href, out var resolved) ? resolved : page;
    }

    private static IReadOnlyList<string> Distinct(IEnumerable<string> names) =>
        names.Select(n => CleanText.Line(n, 100)).Where(n => n.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).Take(20).ToList();

    private static string? NullIfEmpty(string? s) => string.IsNullOrEmpty(s) ? null : s;
}
