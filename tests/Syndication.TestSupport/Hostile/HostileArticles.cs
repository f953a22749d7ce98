using System.Globalization;
using System.Text;

namespace Syndication.Tests.Hostile;

/// <summary>The four document shapes the service takes in.</summary>
public enum Shape { Txt, Md, Json, Html }

public static class Shapes
{
    public static readonly Shape[] All = [Shape.Txt, Shape.Md, Shape.Json, Shape.Html];

    public static string Ext(this Shape shape) => shape.ToString().ToLowerInvariant();

    /// <summary>The component prefix of the shape's own rejection reasons.</summary>
    public static string Component(this Shape shape) => shape switch
    {
        Shape.Txt => "text:",
        Shape.Md => "markdown:",
        Shape.Json => "json:",
        _ => "html:",
    };
}

/// <summary>An article's fields as a (hostile) author wrote them; every shape carries all of them.</summary>
public sealed record Fields
{
    public const string DefaultTitle = "Harbour reopens after the storm";

    public string Title { get; init; } = DefaultTitle;
    public string Summary { get; init; } = "Boats returned to the quay on Tuesday morning after three days of gales.";
    public IReadOnlyList<string> Body { get; init; } = DefaultBody;
    public string Author { get; init; } = "Ana Lima";
    public string Tag { get; init; } = "Weather";
    public string Published { get; init; } = "2024-05-01T10:00:00Z";
    public string Language { get; init; } = "en";
    public string Caption { get; init; } = "Boats at the quay";
    public string ImageFile { get; init; } = "photo.png";

    public static readonly IReadOnlyList<string> DefaultBody =
    [
        "The harbour master lifted the closure at dawn, and the first trawlers were back at the quay by eight. Crews spent " +
        "the morning checking moorings and nets that had been stowed since Friday, when the first gale warning came in.",
        "Repairs to the breakwater will take several weeks, the council said, and a section of the outer wall stays fenced " +
        "off. Engineers found two breaches where the storm surge had pulled stones from the base of the wall.",
        "Ferry services resume on Wednesday with a reduced timetable. Passengers are asked to check the operator's page " +
        "before travelling, since sailings may still be cancelled at short notice if the swell returns.",
    ];
}

/// <summary>Writes <see cref="Fields"/> as each shape: front matter, JSON, a web page or scraped text.</summary>
public static class Articles
{
    public static byte[] Utf8(Shape shape, Fields fields, bool escaped = false) => Encoding.UTF8.GetBytes(Write(shape, fields, escaped));

    /// <summary>
    /// The document as text. With <paramref name="escaped"/>, control characters are written as the shape's escapes
    /// (YAML <c>\x01</c>, JSON <c>\u0001</c>, HTML <c>&amp;#1;</c>); otherwise raw.
    /// </summary>
    public static string Write(Shape shape, Fields f, bool escaped = false) => shape switch
    {
        Shape.Txt => $"{f.Title}\n\n{f.Summary}\n\n{string.Join("\n\n", f.Body)}\n\n{f.Caption} (Photo Credit: {f.Author})\n",
        Shape.Md => $"""
            ---
            title: {Yaml(f.Title, escaped)}
            summary: {Yaml(f.Summary, escaped)}
            authors: [{Yaml(f.Author, escaped)}]
            tags: [{Yaml(f.Tag, escaped)}]
            published: {Yaml(f.Published, escaped)}
            language: {Yaml(f.Language, escaped)}
            images:
              - file: {f.ImageFile}
                caption: {Yaml(f.Caption, escaped)}
                credit: {Yaml(f.Author, escaped)}
            ---
            {string.Join("\n\n", f.Body)}

            """,
        Shape.Json => $$"""
            {"title": {{Json(f.Title, escaped)}}, "summary": {{Json(f.Summary, escaped)}}, "authors": [{{Json(f.Author, escaped)}}],
             "tags": [{{Json(f.Tag, escaped)}}], "published": {{Json(f.Published, escaped)}}, "language": {{Json(f.Language, escaped)}},
             "images": [{"file": "{{f.ImageFile}}", "caption": {{Json(f.Caption, escaped)}}, "credit": {{Json(f.Author, escaped)}}}],
             "body": {{Json(string.Join("\n\n", f.Body), escaped)}}}
            """,
        _ => $"""
            <!doctype html>
            <html lang="{Html(f.Language, escaped)}"><head><meta charset="utf-8"><title>{Html(f.Title, escaped)}</title>
            <meta name="description" content="{Html(f.Summary, escaped)}">
            <meta name="author" content="{Html(f.Author, escaped)}">
            <meta property="article:published_time" content="{Html(f.Published, escaped)}">
            <meta property="article:tag" content="{Html(f.Tag, escaped)}">
            </head><body><header><nav><a href="/">Home</a> <a href="/news">News</a></nav></header>
            <article><h1>{Html(f.Title, escaped)}</h1>
            {string.Concat(f.Body.Select(p => "<p>" + Html(p, escaped) + "</p>\n"))}
            <figure><img src="{f.ImageFile}" alt="{Html(f.Caption, escaped)}"><figcaption>{Html(f.Caption, escaped)}</figcaption></figure>
            </article><footer>Copyright the Harbour Gazette</footer></body></html>
            """,
    };

    /// <summary>A YAML double-quoted scalar.</summary>
    public static string Yaml(string s, bool escaped = false)
    {
        var sb = new StringBuilder("\"");
        foreach (var c in s)
            sb.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                _ when escaped && IsEscapable(c) && !char.IsSurrogate(c) => $"\\u{(int)c:X4}",
                _ => c.ToString(),
            });
        return sb.Append('"').ToString();
    }

    /// <summary>A JSON string; quotes, backslashes and line breaks always escaped, other controls as asked.</summary>
    public static string Json(string s, bool escaped = false)
    {
        var sb = new StringBuilder("\"");
        foreach (var c in s)
            sb.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when escaped && IsEscapable(c) => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        return sb.Append('"').ToString();
    }

    /// <summary>HTML text or attribute value: markup characters as entities, controls as character references if asked.</summary>
    public static string Html(string s, bool escaped = false)
    {
        var sb = new StringBuilder();
        foreach (var c in s)
            sb.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                _ when escaped && IsEscapable(c) => "&#" + ((int)c).ToString(CultureInfo.InvariantCulture) + ";",
                _ => c.ToString(),
            });
        return sb.ToString();
    }

    private static bool IsEscapable(char c) => char.IsControl(c) || char.IsSurrogate(c) || c is '\uFFFE' or '\uFFFF';
}
