using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace Syndication.Articles;

/// <summary>
/// Schema.org JSON-LD: the first Article (or subtype) anywhere in the page's <c>application/ld+json</c> blocks,
/// including inside <c>@graph</c> arrays and <c>mainEntity</c>; authors given by <c>@id</c> are looked up in the graph.
/// Without an Article, the WebPage's dates (SEO plugins state them there when a post's Article schema is off).
/// </summary>
internal static partial class JsonLdFacts
{
    private static readonly HashSet<string> ArticleTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "Article", "NewsArticle", "ReportageNewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle", "ReviewNewsArticle",
        "BackgroundNewsArticle", "AskPublicNewsArticle", "SatiricalArticle", "BlogPosting", "LiveBlogPosting",
        "SocialMediaPosting", "TechArticle", "ScholarlyArticle", "Report", "AdvertiserContentArticle", "Review",
    };

    private static readonly JsonDocumentOptions Options =
        new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 32 };

    /// <summary>What the page's first Article object states; nothing when it has none.</summary>
    public static PageFacts Read(IDocument doc, PageLocale locale)
    {
        var nodes = new List<JsonObject>();
        foreach (var script in doc.QuerySelectorAll("script[type]"))
        {
            if (!script.GetAttribute("type")!.Contains("ld+json", StringComparison.OrdinalIgnoreCase)) continue;
            var json = Unwrapped(script.TextContent);
            // A broken block is common on real pages: its first complete value if junk follows it (an extra "}"), else
            // nothing, and the other sources still speak.
            Collect(TryParse(json) ?? (FirstValue(json) is { } first ? TryParse(first) : null), nodes, 0);
        }
        var article = nodes.FirstOrDefault(n => Types(n).Any(ArticleTypes.Contains));
        if (article is null) return WebPageDates(nodes.FirstOrDefault(n => Types(n).Contains("WebPage")), locale);
        var byId = nodes.Where(n => Text(n["@id"]) is not null).GroupBy(n => Text(n["@id"])!)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var authors = People(Many(article["author"] ?? article["creator"]).ToList(), byId).ToList();
        return new PageFacts
        {
            Title = Text(article["headline"]) ?? Text(article["name"]),
            Description = Text(article["description"]),
            Authors = Bylines.Names(authors.Select(a => NameOf(a, byId))),
            AuthorsAreOrganizations = authors.Count > 0 && authors.All(a => IsOrganization(a, byId)),
            Published = PageDates.Parse(Text(article["datePublished"]) ?? Text(article["dateCreated"]), locale),
            Modified = PageDates.Parse(Text(article["dateModified"]), locale),
            Images = Many(article["image"] ?? article["thumbnailUrl"]).Select(i => UrlOf(i, byId)).OfType<string>().Take(1).ToList(),
            Sections = Many(article["articleSection"]).Select(s => Text(s)).OfType<string>().ToList(),
            Tags = Many(article["keywords"]).SelectMany(k => Text(k)?.Split(',') ?? []).Select(k => k.Trim())
                .Where(k => k.Length > 0).ToList(),
            Language = Text(article["inLanguage"]) ?? NameOf(article["inLanguage"], byId),
            SiteName = NameOf(article["publisher"], byId),
            Url = UrlOf(article["mainEntityOfPage"], byId) ?? Text(article["url"]),
        };
    }

    /// <summary>
    /// The JSON in a script's text without the wrappers pages put around it and browsers ignore: HTML comment markers
    /// (<c>&lt;!-- … --&gt;</c>), CDATA sections (also behind <c>//</c> or <c>/* */</c>), and anything before the first
    /// <c>{</c> or <c>[</c> or after the last <c>}</c> or <c>]</c> (a stray <c>;</c>, a variable assignment).
    /// </summary>
    public static string Unwrapped(string script)
    {
        var text = Wrappers().Replace(script, " ");
        var (start, end) = (text.IndexOfAny(['{', '[']), text.LastIndexOfAny(['}', ']']));
        return start >= 0 && end > start ? text[start..(end + 1)] : text.Trim();
    }

    private static JsonNode? TryParse(string json)
    {
        try
        {
            return JsonText.Parse(json, Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    // The text of the first complete JSON value, when something follows it; null when there is no such value.
    private static string? FirstValue(string json)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(json);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 32 });
        try
        {
            if (!reader.Read() || !reader.TrySkip() || reader.BytesConsumed >= bytes.Length) return null;
        }
        catch (JsonException)
        {
            return null;
        }
        return System.Text.Encoding.UTF8.GetString(bytes, 0, (int)reader.BytesConsumed);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"<!--|-->|(?://|/\*)?\s*<!\[CDATA\[\s*(?:\*/)?|(?://|/\*)?\s*\]\]>\s*(?:\*/)?")]
    private static partial System.Text.RegularExpressions.Regex Wrappers();

    private static PageFacts WebPageDates(JsonObject? page, PageLocale locale) => page is null ? PageFacts.None : new PageFacts
    {
        Published = PageDates.Parse(Text(page["datePublished"]), locale),
        Modified = PageDates.Parse(Text(page["dateModified"]), locale),
    };

    // An organisation listed beside people ("author": [reporter, station]) is the publisher, not a writer.
    private static IEnumerable<JsonNode?> People(List<JsonNode?> authors, Dictionary<string, JsonObject> byId) =>
        authors.Any(a => !IsOrganization(a, byId)) ? authors.Where(a => !IsOrganization(a, byId)) : authors;

    private static bool IsOrganization(JsonNode? a, Dictionary<string, JsonObject> byId) => a is JsonObject o
        && Types(Text(o["@id"]) is { } id && byId.TryGetValue(id, out var target) ? target : o).Any(t => t.EndsWith("Organization", StringComparison.Ordinal));

    // Every object with a @type, in document order, however deeply nested.
    private static void Collect(JsonNode? node, List<JsonObject> nodes, int depth)
    {
        if (depth > 12) return;
        switch (node)
        {
            case JsonArray array:
                foreach (var item in array) Collect(item, nodes, depth + 1);
                break;
            case JsonObject obj:
                if (obj.ContainsKey("@type")) nodes.Add(obj);
                foreach (var (_, value) in obj) Collect(value, nodes, depth + 1);
                break;
        }
    }

    // "NewsArticle", "schema:NewsArticle", "https://schema.org/NewsArticle", or an array of those.
    private static IEnumerable<string> Types(JsonObject node) =>
        Many(node["@type"]).Select(t => Text(t)).OfType<string>().Select(t => t[(t.LastIndexOfAny(['/', ':', '#']) + 1)..]);

    private static IEnumerable<JsonNode?> Many(JsonNode? node) => node switch
    {
        JsonArray a => a,
        null => [],
        _ => new[] { node },
    };

    // Script text is not HTML-decoded by the browser, yet pages write HTML character references into their JSON-LD
    // ("&quot;", "&#8216;"), escaping the value twice: a value with one is decoded once, as the page meant it.
    private static string? Text(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() is JsonValueKind.String or JsonValueKind.Number
            ? NullIfBlank(v.GetValueKind() == JsonValueKind.String ? Unescaped(v.GetValue<string>()) : v.ToJsonString())
            : null;

    private static string Unescaped(string s) => s.Contains('&') && CharacterReference().IsMatch(s) ? WebUtility.HtmlDecode(s) : s;

    [GeneratedRegex(@"&(?:#[0-9]{1,7}|#x[0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});")]
    private static partial Regex CharacterReference();

    private static string? NameOf(JsonNode? node, Dictionary<string, JsonObject> byId) => node switch
    {
        JsonValue => Text(node),
        JsonObject o when Text(o["name"]) is { } name => name,
        JsonObject o when Text(o["@id"]) is { } id && byId.TryGetValue(id, out var target) && target != o => Text(target["name"]),
        _ => null,
    };

    private static string? UrlOf(JsonNode? node, Dictionary<string, JsonObject> byId) => node switch
    {
        JsonValue => Text(node),
        JsonObject o when (Text(o["url"]) ?? Text(o["contentUrl"])) is { } url => url,
        JsonObject o when Text(o["@id"]) is { } id && byId.TryGetValue(id, out var target) && target != o =>
            Text(target["url"]) ?? Text(target["contentUrl"]) ?? (Text(target["@type"]) == "WebPage" ? id : null),
        JsonObject o when Text(o["@id"]) is { } id && id.StartsWith("http", StringComparison.OrdinalIgnoreCase) => id,
        _ => null,
    };

    private static string? NullIfBlank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
