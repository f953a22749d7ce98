namespace Syndication.Articles;

/// <summary>Which pictures a page's article has, lead first, each once.</summary>
internal static class ArticleImages
{
    /// <summary>
    /// The pictures extraction kept, in page order; the metadata's lead image (JSON-LD image, og:image) moves to the
    /// front when it is one of them or another picture on the page, and stands alone when the article has none.
    /// Without one, the first picture inside the article element leads. A metadata-only crop of a picture already
    /// shown is left out, so the lead image is never there twice.
    /// </summary>
    public static IReadOnlyList<ImageDescription> Choose(IReadOnlyList<PageImage> page, IReadOnlyList<int> kept, IEnumerable<string?> lead)
    {
        // Extraction sometimes drops an inline figure; a captioned picture inside the article element is kept regardless.
        var chosen = page.Where(p => kept.Contains(p.Index) || (p.InArticle && p.FrameText is not null)).ToList();
        if (lead.FirstOrDefault(l => l is not null) is { } url)
        {
            var file = HtmlImages.FileName(url);
            var match = chosen.FirstOrDefault(p => SameFile(p, file, url)) ?? page.FirstOrDefault(p => SameFile(p, file, url));
            if (match is not null)
            {
                chosen.Remove(match);
                chosen.Insert(0, match);
            }
            else if (chosen.Count == 0)
                chosen.Add(new PageImage(-1, url, file, null, null, null));
        }
        else if (page.FirstOrDefault(p => p.InArticle) is { } first)
        {
            // No stated lead image: the article's first picture is its lead, even when extraction left it out.
            chosen.Remove(first);
            chosen.Insert(0, first);
        }
        return chosen.DistinctBy(p => (p.File ?? p.Url).ToLowerInvariant()).Take(50).Select(p => p.Description).ToList();
    }

    private static bool SameFile(PageImage p, string? file, string url) =>
        file is not null ? string.Equals(p.File, file, StringComparison.OrdinalIgnoreCase) : p.Url == url;
}
