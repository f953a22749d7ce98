using System.Globalization;
using AngleSharp.Dom;

namespace Syndication.Articles;

/// <summary>
/// Head metadata: OpenGraph and <c>article:*</c> properties, <c>&lt;meta name="author"&gt;</c>, Dublin Core,
/// the usual publisher tags (Parse.ly, Sailthru, cXense), <c>link rel=canonical</c>.
/// </summary>
internal static class MetaTagFacts
{
    // An og:image narrower than this is a logo or an icon, not the article's picture.
    private const int MinImageWidth = 200;

    /// <summary>What the head's meta tags state.</summary>
    public static PageFacts Read(IDocument doc, PageLocale locale)
    {
        var tags = new List<(string Key, string Value)>();
        // Some pages write value= where content= belongs; browsers' readers and crawlers accept it, so do we.
        foreach (var meta in doc.QuerySelectorAll("meta[content], meta[value]"))
        {
            var key = meta.GetAttribute("property") ?? meta.GetAttribute("name") ?? meta.GetAttribute("itemprop")
                ?? meta.GetAttribute("http-equiv");
            var value = (meta.GetAttribute("content") ?? meta.GetAttribute("value"))?.Trim();
            if (key is not null && !string.IsNullOrEmpty(value)) tags.Add((key.Trim().ToLowerInvariant(), value));
        }
        return new PageFacts
        {
            Title = First(tags, "og:title", "twitter:title", "dc.title", "dcterms.title", "headline", "sailthru.title"),
            Description = First(tags, "og:description", "description", "twitter:description", "dc.description", "dcterms.description"),
            Authors = new[] { "article:author", "author", "dc.creator", "dcterms.creator", "byl", "sailthru.author",
                "parsely-author", "cxenseparse:author", "citation_author" }.Select(k => Bylines.Names(Authors(tags, k))).FirstOrDefault(n => n.Count > 0) ?? [],
            Published = PageDates.Parse(First(tags, "article:published_time", "og:published_time", "published_time",
                "dc.date.issued", "dcterms.issued", "dc.date", "dcterms.date", "dcterms.created", "datepublished", "date",
                "pubdate", "publish-date", "publication_date", "sailthru.date", "parsely-pub-date", "cxenseparse:recs:publishtime",
                "citation_publication_date"), locale),
            PublishedIsUndescribed = First(tags, "article:published_time", "og:published_time", "published_time", "dc.date.issued",
                "dcterms.issued", "dc.date", "dcterms.date", "dcterms.created", "datepublished") is null && First(tags, "date") is not null,
            Modified = PageDates.Parse(First(tags, "article:modified_time", "og:updated_time", "dcterms.modified",
                "datemodified", "last-modified"), locale),
            Images = Images(tags),
            Sections = All(tags, "article:section", "parsely-section").ToList(),
            Tags = All(tags, "article:tag", "news_keywords", "keywords", "parsely-tags")
                .SelectMany(t => t.Split(',')).Select(t => t.Trim()).Where(t => t.Length > 0).ToList(),
            Language = Locale(First(tags, "og:locale", "content-language", "dc.language", "dcterms.language", "language")),
            SiteName = First(tags, "og:site_name", "application-name", "dc.publisher", "publisher"),
            Url = doc.QuerySelector("link[rel~=canonical][href]")?.GetAttribute("href") ?? First(tags, "og:url", "twitter:url"),
        };
    }

    // og:image may come several times, each followed by its own og:image:width; the widest real picture wins.
    private static IReadOnlyList<string> Images(List<(string Key, string Value)> tags)
    {
        var images = new List<(string Url, int? Width, int Order)>();
        foreach (var (key, value) in tags)
        {
            if (key is "og:image:url" or "og:image:secure_url" && images.Count > 0) continue;
            if (key is "og:image" or "og:image:url" or "og:image:secure_url" or "twitter:image" or "twitter:image:src" or "thumbnailurl")
                images.Add((value, null, images.Count));
            else if (key is "og:image:width" && images.Count > 0 && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var w))
                images[^1] = images[^1] with { Width = w };
        }
        return images.Where(i => i.Width is null or >= MinImageWidth)
            .OrderByDescending(i => i.Width ?? 0).ThenBy(i => i.Order)
            .Select(i => i.Url).Take(1).ToList();
    }

    private static string? First(List<(string Key, string Value)> tags, params string[] keys) =>
        keys.Select(k => tags.FirstOrDefault(t => t.Key == k).Value).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));

    private static IEnumerable<string> All(List<(string Key, string Value)> tags, params string[] keys)
    {
        foreach (var key in keys)
        {
            var values = tags.Where(t => t.Key == key).Select(t => t.Value).ToList();
            if (values.Count > 0) return values;
        }
        return [];
    }

    // Formats that write the surname first ("Gillman, Steve"): Google Scholar's citation_author, Dublin Core's creator.
    private static IEnumerable<string> Authors(List<(string Key, string Value)> tags, string key) =>
        key is "citation_author" or "dc.creator" or "dcterms.creator" ? All(tags, key).Select(Bylines.SurnameFirst) : All(tags, key);

    // "en_GB" (OpenGraph) is "en-GB" in a feed.
    private static string? Locale(string? locale) => locale?.Replace('_', '-');
}
