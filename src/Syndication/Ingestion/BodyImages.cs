using System.Text.RegularExpressions;
using Syndication.Storage;

namespace Syndication.Ingestion;

/// <summary>
/// A body's references to the article's own images (<c>![](deck.jpg)</c>, <c>&lt;img src="ferry/deck.jpg"&gt;</c>: the
/// file beside the document, as a page bundle writes it, or its path from the container) rewritten to the image route,
/// relative to the article page (<c>../images/{slug}/{file}</c>), so every origin and every reader resolves them to the
/// image we serve rather than to a page that does not exist.
/// </summary>
public static partial class BodyImages
{
    /// <summary>The body with each img src naming one of <paramref name="images"/> pointed at the image route.</summary>
    public static string Rewrite(string bodyHtml, string slug, IReadOnlyList<StoredImage> images)
    {
        if (images.Count == 0 || !bodyHtml.Contains("<img", StringComparison.OrdinalIgnoreCase)) return bodyHtml;
        var files = images.Where(i => i.IsLocal).Select(i => i.File).ToHashSet(StringComparer.Ordinal);
        return ImageSource().Replace(bodyHtml, m => Own(m.Groups["src"].Value, slug, files) is { } file
            ? m.Groups["head"].Value + "../images/" + Uri.EscapeDataString(slug) + "/" + Uri.EscapeDataString(file) + "\""
            : m.Value);
    }

    // The file a relative reference names, when it is one of the article's: "deck.jpg", "./deck.jpg", "{slug}/deck.jpg".
    private static string? Own(string src, string slug, HashSet<string> files)
    {
        if (src.Length == 0 || src.StartsWith('/') || src.StartsWith('#') || Scheme().IsMatch(src)) return null;
        var path = Uri.UnescapeDataString(src.Split('?', '#')[0]);
        if (path.StartsWith("./", StringComparison.Ordinal)) path = path[2..];
        if (path.StartsWith(slug + "/", StringComparison.Ordinal)) path = path[(slug.Length + 1)..];
        return files.Contains(path) ? path : null;
    }

    // Sanitized HTML quotes every attribute with double quotes.
    [GeneratedRegex(@"(?<head><img\b[^>]*?\ssrc="")(?<src>[^""]*)""", RegexOptions.IgnoreCase)]
    private static partial Regex ImageSource();

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9+.\-]*:")]
    private static partial Regex Scheme();
}
