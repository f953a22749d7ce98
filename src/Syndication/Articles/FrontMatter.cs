using System.Globalization;
using System.Text.Json.Nodes;

namespace Syndication.Articles;

/// <summary>
/// The fields Markdown front matter and JSON documents share (title, summary, authors, dates, categories, tags,
/// images), read tolerantly from one JSON tree: a field of the wrong type is ignored, never a crash.
/// </summary>
internal static class FrontMatter
{
    public static ParsedArticle ToArticle(JsonObject fields, string bodyHtml, string component, TimeZoneInfo? zone = null)
    {
        var title = CleanText.Line(Text(fields, "title", "headline", "name"), 300);
        if (title.Length == 0) throw new ArticleRejectedException($"{component}: the document has no title");
        var summary = CleanText.Line(Text(fields, "summary", "description", "standfirst", "excerpt"), 1000);
        return new ParsedArticle
        {
            Title = title,
            ShortTitle = NullIfEmpty(CleanText.Line(Text(fields, "shortTitle", "short_title"), 300)),
            Summary = summary.Length == 0 ? null : summary,
            BodyHtml = bodyHtml,
            Authors = Names(fields, "authors", "author", "byline"),
            Published = Date(fields, zone, "published", "date", "datePublished", "date_published", "pubDate"),
            Updated = Date(fields, zone, "updated", "modified", "dateModified", "date_modified", "lastmod"),
            Categories = Names(fields, "categories", "category", "section", "sections"),
            Tags = Names(fields, "tags", "keywords", "tag"),
            Images = Images(fields),
            Language = NullIfEmpty(CleanText.Line(Text(fields, "language", "lang", "inLanguage"), 35)),
            Embargo = AsWritten(fields, "embargo", "embargoed_until", "embargoUntil"),
            Expires = AsWritten(fields, "expires", "expiry", "expires_at", "expirationDate"),
        };
    }

    /// <summary>The first of <paramref name="keys"/> that holds a scalar, as text.</summary>
    public static string? Text(JsonObject fields, params string[] keys)
    {
        foreach (var key in keys)
            if (Field(fields, key) is JsonValue v && Scalar(v) is { } s) return s;
        return null;
    }

    /// <summary>
    /// The first of <paramref name="keys"/> that is present, whatever it holds: a scalar as text, null or nothing as
    /// "", a list or mapping as its JSON; null only when no key is present. For fields where a wrong value must be
    /// refused, not ignored (embargo, expiry).
    /// </summary>
    private static string? AsWritten(JsonObject fields, params string[] keys)
    {
        foreach (var key in keys)
            foreach (var (k, v) in fields)
                if (string.Equals(k, key, StringComparison.OrdinalIgnoreCase))
                    return v switch { null => "", JsonValue s when Scalar(s) is { } text => text, _ => v.ToJsonString() };
        return null;
    }

    private static JsonNode? Field(JsonObject fields, string key)
    {
        foreach (var (k, v) in fields)
            if (string.Equals(k, key, StringComparison.OrdinalIgnoreCase)) return v;
        return null;
    }

    private static string? Scalar(JsonValue v) => v.GetValueKind() switch
    {
        System.Text.Json.JsonValueKind.String => v.GetValue<string>(),
        System.Text.Json.JsonValueKind.Number => v.ToJsonString(),
        _ => null,
    };

    // A stated offset as UTC; a time without one ("2024-03-01 09:00", "2024-03-01") in the publisher's zone, kept in
    // its offset so that its day stays the one written.
    private static DateTimeOffset? Date(JsonObject fields, TimeZoneInfo? zone, params string[] keys)
    {
        var text = Text(fields, keys);
        if (text is null || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var d)) return null;
        var zoneless = DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.RoundtripKind, out var t)
            && t.Kind == DateTimeKind.Unspecified;
        return zoneless && zone is not null && zone != TimeZoneInfo.Utc ? PublisherZone.Local(t, zone) : d.ToUniversalTime();
    }

    // A name, a list of names, a comma-separated string, or objects with a "name".
    private static IReadOnlyList<string> Names(JsonObject fields, params string[] keys)
    {
        foreach (var key in keys)
        {
            var node = Field(fields, key);
            var items = node switch
            {
                JsonArray a => a.Select(NameOf),
                JsonValue v when Scalar(v) is { } s => s.Split(key is "keywords" ? [','] : [',', ';']).AsEnumerable(),
                JsonObject o => [NameOf(o)],
                _ => null,
            };
            if (items is null) continue;
            var names = items.Select(n => CleanText.Line(n, 100)).Where(n => n.Length > 0)
                .Distinct(StringComparer.OrdinalIgnoreCase).Take(20).ToList();
            if (names.Count > 0) return names;
        }
        return [];
    }

    private static string? NameOf(JsonNode? node) => node switch
    {
        JsonValue v => Scalar(v),
        JsonObject o => Text(o, "name", "title"),
        _ => null,
    };

    private static IReadOnlyList<ImageDescription> Images(JsonObject fields)
    {
        var node = Field(fields, "images") ?? Field(fields, "image");
        var items = node switch { JsonArray a => a.ToList(), null => [], _ => [node] };
        var images = new List<ImageDescription>();
        foreach (var item in items.Take(50))
        {
            if (item is JsonValue v && Scalar(v) is { } file)
                images.Add(new ImageDescription(FileName(file), null, null, null, RemoteUrl(file)));
            else if (item is JsonObject o)
            {
                var reference = Text(o, "file", "src", "url", "path", "name");
                images.Add(new ImageDescription(
                    FileName(reference),
                    NullIfEmpty(CleanText.Line(Text(o, "caption"), 1000)),
                    NullIfEmpty(CleanText.Line(Text(o, "credit"), 300)),
                    NullIfEmpty(CleanText.Line(Text(o, "alt"), 300)),
                    RemoteUrl(reference)));
            }
        }
        return images;
    }

    // An absolute http(s) reference: the image's remote address when no blob of that file is uploaded.
    private static string? RemoteUrl(string? reference) =>
        Uri.TryCreate(reference, UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttps || u.Scheme == Uri.UriSchemeHttp)
            ? u.AbsoluteUri : null;

    // Images are named by file; a path or URL to a file beside the document keeps only its last segment.
    private static string? FileName(string? reference)
    {
        if (string.IsNullOrWhiteSpace(reference)) return null;
        var name = reference.Split('?', '#')[0].TrimEnd('/');
        return NullIfEmpty(name[(name.LastIndexOf('/') + 1)..].Trim());
    }

    private static string? NullIfEmpty(string? s) => string.IsNullOrEmpty(s) ? null : s;
}
