using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Syndication.Articles;

/// <summary>
/// A saved web page (navigation, ads, comments, scripts and all) as a clean article: metadata from JSON-LD, then
/// OpenGraph/meta tags, then the markup; the text by SmartReader; images with captions and credits; decoded from
/// whatever character set the page declares. Which source wins each field is <see cref="PagePrecedence"/>'s table alone.
/// </summary>
public static class HtmlArticleParser
{
    /// <summary>
    /// Start tags a whole page may hold: twice the body's cap (<see cref="SafeHtml.MaxElements"/>), and over three times
    /// the largest of the 1,014 real pages in our corpora (11,529). Counted by the tag scan before any parsing, so a page
    /// whose body would be refused at the end is refused in milliseconds, not after seconds of extraction.
    /// </summary>
    public const int MaxPageElements = 2 * SafeHtml.MaxElements;

    /// <summary>
    /// The article a page's bytes hold; rejected with an "html: …" reason when the page has no headline at all. A time the
    /// page states without a zone is read in <paramref name="zone"/>, the publisher's (UTC when null).
    /// </summary>
    public static ParsedArticle Parse(ReadOnlySpan<byte> content, TimeZoneInfo? zone = null) => Explain(content, zone).Article;

    /// <summary>
    /// The article and, for each field, the <see cref="PagePrecedence"/> row that decided it ("byline.jsonld-person").
    /// The rows compare dates as the page wrote them; the publisher's <paramref name="zone"/> applies to the decided ones.
    /// </summary>
    public static ExplainedArticle Explain(ReadOnlySpan<byte> content, TimeZoneInfo? zone = null)
    {
        var text = HtmlCharset.Decode(content);
        HtmlNesting.Check(text, MaxPageElements);
        var doc = new HtmlParser().ParseDocument(text);
        var decisions = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var locale = PageLocale.Of(doc);
        var sources = new PageSources(JsonLdFacts.Read(doc, locale), MetaTagFacts.Read(doc, locale), MarkupFacts.Read(doc, locale), doc.Title, PageFacts.None)
        {
            ReadScriptData = () => LooseDates.ScriptData(doc, locale),
            ReadPageText = () => LooseDates.FirstDatedLine(doc, locale),
            Locale = locale,
        };
        sources = sources with { SiteName = PagePrecedence.SiteName.Decide(sources, decisions) };
        var title = PagePrecedence.Headline.Decide(sources, decisions);
        if (string.IsNullOrWhiteSpace(title)) throw new ArticleRejectedException("html: the page has no title or headline");
        // The dates are decided on the page as it came, before noise removal and extraction change it: the script data
        // and the text scan are read only when a row reaches them.
        var published = PagePrecedence.Published.Decide(sources, decisions)?.In(zone);
        var updated = PagePrecedence.Updated.Decide(sources, decisions)?.In(zone);

        var baseUri = BaseUri(doc, PageUri(PagePrecedence.Url.Decide(sources, decisions)));
        HtmlNoise.Remove(doc, MarkupFacts.Headline(doc));
        var scope = MarkupFacts.Scope(doc);
        var pictures = HtmlImages.Prepare(doc, baseUri, scope.LocalName == "body" ? null : scope);
        var body = HtmlBody.Extract(doc, baseUri ?? HtmlBody.UnknownPage, pictures.Select(p => p.FrameText).OfType<string>());
        sources = sources with { Text = new PageFacts { Authors = Bylines.Names(body.Byline), Description = body.FirstParagraph } };
        var authors = PagePrecedence.Byline.Decide(sources, decisions) ?? [];
        var summary = CleanText.Line(PagePrecedence.Summary.Decide(sources, decisions), 1000);
        var lead = PagePrecedence.LeadImage.Decide(sources, decisions);
        var article = new ParsedArticle
        {
            Title = CleanText.Line(title, 300),
            Summary = summary.Length == 0 ? null : summary,
            BodyHtml = body.Html,
            Authors = authors.Select(a => CleanText.Line(a, 100)).Take(20).ToList(),
            Published = published,
            Updated = updated,
            Categories = Distinct(PagePrecedence.Categories.Decide(sources, decisions) ?? []),
            Tags = Distinct(PagePrecedence.Tags.Decide(sources, decisions) ?? []),
            Images = ArticleImages.Choose(pictures, body.Images, lead is null ? [] : [HtmlImages.Resolve(lead, baseUri)]),
            Language = NullIfEmpty(CleanText.Line(PagePrecedence.Language.Decide(sources, decisions), 35)),
        };
        return new ExplainedArticle(article, decisions);
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

/// <summary>A page's article and the precedence row that decided each of its fields (field name to row name).</summary>
public sealed record ExplainedArticle(ParsedArticle Article, IReadOnlyDictionary<string, string> Decisions);
