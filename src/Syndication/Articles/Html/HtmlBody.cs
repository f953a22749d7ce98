using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using SmartReader;

namespace Syndication.Articles;

/// <summary>The article's text as SmartReader (Mozilla Readability) extracts it, without its pictures, sanitized.</summary>
internal static class HtmlBody
{
    /// <summary>Stands in for the page's address when it states none; links against it are unresolvable and dropped.</summary>
    public static readonly Uri UnknownPage = new("https://page.invalid/");

    // Containers the sanitizer would drop together with their text: their children are kept instead.
    private const string Containers = "article, section, main, header, hgroup, address, font, center, details, summary, big, tt, ins, bdi, data, label, nobr";

    /// <summary>What extraction found: safe body HTML, the marked images it kept (in order), its first paragraph, a byline.</summary>
    public sealed record Extracted(string Html, IReadOnlyList<int> Images, string? FirstParagraph, string? Byline);

    /// <summary>Runs extraction; <paramref name="captions"/> are the texts of picture frames, which leave the body with their pictures.</summary>
    public static Extracted Extract(IHtmlDocument doc, Uri page, IEnumerable<string> captions)
    {
        Article article;
        try
        {
            using var reader = new Reader(page.AbsoluteUri, doc) { DisableJSONLD = true };
            article = reader.GetArticle();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new ArticleRejectedException($"html: the article text could not be extracted ({e.Message})", e);
        }
        var content = new HtmlParser().ParseDocument("<!doctype html><body>" + (article.Content ?? "") + "</body>").Body!;
        var images = new List<int>();
        foreach (var img in content.QuerySelectorAll("img").ToList())
        {
            if (int.TryParse(img.GetAttribute(HtmlImages.Marker), out var index)) images.Add(index);
            RemovePicture(img);
        }
        foreach (var frame in content.QuerySelectorAll("[" + HtmlImages.FrameMarker + "]").ToList()) frame.Remove();
        // Extraction may rebuild a frame without its picture and marker, leaving the caption behind as a paragraph.
        var orphans = captions.Where(c => c.Length > 0).ToHashSet(StringComparer.Ordinal);
        foreach (var e in content.QuerySelectorAll("p, div, span, figcaption, small").ToList())
            if (e.Parent is not null && orphans.Contains(CleanText.Line(e.TextContent, 2000))) e.Remove();
        foreach (var figure in content.QuerySelectorAll("figure").Where(f => f.QuerySelector("img, video, iframe, table, pre") is null).ToList())
            figure.Remove();
        foreach (var a in content.QuerySelectorAll("a[href]"))
            if (a.GetAttribute("href")!.StartsWith(UnknownPage.AbsoluteUri, StringComparison.OrdinalIgnoreCase)) a.RemoveAttribute("href");
        foreach (var container in content.QuerySelectorAll(Containers).ToList()) container.Unwrap();
        HtmlNoise.RemoveNoiseLines(content);
        var first = content.QuerySelectorAll("p").Select(p => CleanText.Line(p.TextContent, 2000)).FirstOrDefault(t => t.Length >= 40);
        return new Extracted(SafeHtml.Sanitize(content.InnerHtml), images.Distinct().ToList(), first, article.Byline);
    }

    // The picture goes with its frame: <figure>, <picture>, a link around it, and a wrapper left empty.
    private static void RemovePicture(IElement img)
    {
        IElement target = img.Closest("figure, [" + HtmlImages.FrameMarker + "]") ?? img;
        if (target == img && img.ParentElement is { LocalName: "picture" or "a" } wrapper && wrapper.TextContent.Trim().Length == 0)
            target = wrapper;
        var parent = target.ParentElement;
        target.Remove();
        while (parent is { LocalName: "p" or "div" or "span" or "a" or "picture" } && parent.TextContent.Trim().Length == 0
               && parent.QuerySelector("img, video, iframe, table") is null && parent.ParentElement is not null)
        {
            var up = parent.ParentElement;
            parent.Remove();
            parent = up;
        }
    }
}
