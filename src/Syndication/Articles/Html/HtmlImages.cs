using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace Syndication.Articles;

/// <summary>One real picture on the page, found before extraction and marked so it can be found again after.</summary>
internal sealed record PageImage(int Index, string Url, string? File, string? Caption, string? Credit, string? Alt,
    bool InArticle = false, string? FrameText = null)
{
    /// <summary>The description ingestion pairs with an image blob of the same file name.</summary>
    public ImageDescription Description => new(File, Caption, Credit, Alt,
        Uri.TryCreate(Url, UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttps || u.Scheme == Uri.UriSchemeHttp) ? u.AbsoluteUri : null);
}

/// <summary>
/// Prepares a page's images for extraction: lazy-loading placeholders and <c>&lt;noscript&gt;</c> fallbacks are
/// replaced by the real URL, resolved against the page; icons, pixels and logos are dropped; each picture is marked.
/// </summary>
internal static partial class HtmlImages
{
    /// <summary>The attribute that ties an image in the extracted content back to its <see cref="PageImage"/>.</summary>
    public const string Marker = "data-syndication-image";

    /// <summary>Marks the figure or caption wrapper of a marked image, which leaves the body with it.</summary>
    public const string FrameMarker = "data-syndication-frame";

    private const int MinSide = 50;
    private static readonly string[] LazyAttributes =
        ["srcset", "sizes", "data-src", "data-srcset", "data-lazy-src", "data-lazy-srcset", "data-original", "data-original-set",
         "data-lazy", "data-url", "data-hi-res-src", "data-full-src", "data-image", "loading"];
    private static readonly string[] Decorations = ["avatar", "logo", "icon", "emoji", "sprite", "spacer", "pixel", "tracking", "badge"];

    /// <summary>The page's pictures in document order; <paramref name="article"/> is the element holding the headline, if any.</summary>
    public static List<PageImage> Prepare(IDocument doc, Uri? baseUri, IElement? article)
    {
        // Only our own marks count: a page that carries them already loses them.
        foreach (var marked in doc.QuerySelectorAll($"[{Marker}], [{FrameMarker}]").ToList())
        {
            marked.RemoveAttribute(Marker);
            marked.RemoveAttribute(FrameMarker);
        }
        UseAmpImages(doc);
        UseNoscriptFallbacks(doc);
        var images = new List<PageImage>();
        foreach (var img in doc.QuerySelectorAll("img").ToList())
        {
            var best = ImageSources.Best(img);
            var url = best is null ? null : Resolve(best, baseUri);
            if (url is null || IsDecoration(img, url))
            {
                RemoveWithPicture(img);
                continue;
            }
            var (caption, credit, frame) = FigureCaptions.Of(img);
            var alt = CleanText.Line(img.GetAttribute("alt"), 300);
            var image = new PageImage(images.Count, url, FileName(url), caption, credit, alt.Length == 0 ? null : alt,
                article?.Contains(img) == true, frame is null ? null : CleanText.Line(frame.TextContent, 2000));
            frame?.SetAttribute(FrameMarker, "");
            foreach (var attribute in LazyAttributes) img.RemoveAttribute(attribute);
            img.SetAttribute("src", url);
            img.SetAttribute(Marker, image.Index.ToString(System.Globalization.CultureInfo.InvariantCulture));
            foreach (var source in img.ParentElement?.Children.Where(c => c.LocalName == "source").ToList() ?? []) source.Remove();
            images.Add(image);
        }
        return images;
    }

    /// <summary>The URL made absolute against the page when it can be; null for schemes that are not web images.</summary>
    public static string? Resolve(string reference, Uri? baseUri)
    {
        var trimmed = reference.Trim();
        if (trimmed.StartsWith("//", StringComparison.Ordinal)) trimmed = (baseUri?.Scheme ?? "https") + ":" + trimmed;
        if (Uri.TryCreate(trimmed, UriKind.Absolute, out var absolute) && !trimmed.StartsWith('/'))
            return absolute.Scheme is "http" or "https" ? absolute.AbsoluteUri : null;
        if (baseUri is not null && Uri.TryCreate(baseUri, trimmed, out var resolved))
            return resolved.Scheme is "http" or "https" ? resolved.AbsoluteUri : null;
        return trimmed;
    }

    /// <summary>The last path segment: the name the picture has when saved beside the page.</summary>
    public static string? FileName(string url)
    {
        // Image CDNs wrap the original URL in the path (…/fetch/w_800/https%3A%2F%2Fhost%2Fphoto.jpg): unescape first.
        var path = Uri.UnescapeDataString(url.Split('?', '#')[0]).TrimEnd('/');
        var name = path[(path.LastIndexOf('/') + 1)..].Trim();
        return name.Length == 0 || name.Contains(':', StringComparison.Ordinal) ? null : name;
    }

    // AMP pages write <amp-img src=…>; it is an <img> for everything that follows.
    private static void UseAmpImages(IDocument doc)
    {
        foreach (var amp in doc.QuerySelectorAll("amp-img").ToList())
        {
            var img = doc.CreateElement("img");
            foreach (var attribute in amp.Attributes) img.SetAttribute(attribute.Name, attribute.Value);
            amp.Replace(img);
        }
    }

    // <img data-src=…><noscript><img src=…></noscript>: the noscript copy stands in when the placeholder names no real picture.
    private static void UseNoscriptFallbacks(IDocument doc)
    {
        foreach (var noscript in doc.QuerySelectorAll("noscript").ToList())
        {
            var real = noscript.QuerySelector("img");
            var placeholder = noscript.PreviousElementSibling is { LocalName: "img" } previous ? previous
                : noscript.ParentElement?.Children.FirstOrDefault(c => c.LocalName == "img");
            if (real is not null && placeholder is not null)
            {
                if (ImageSources.Best(placeholder) is null)
                    foreach (var attribute in new[] { "src", "srcset" })
                        if (real.GetAttribute(attribute) is { } value) placeholder.SetAttribute(attribute, value);
                noscript.Remove();
            }
            else if (real is not null) noscript.Unwrap();
            else noscript.Remove();
        }
    }

    private static bool IsDecoration(IElement img, string url)
    {
        if (Side(img.GetAttribute("width")) is < MinSide || Side(img.GetAttribute("height")) is < MinSide) return true;
        if (DecorationFile().IsMatch(FileName(url) ?? "")) return true;
        var hints = $"{img.ClassName} {img.Id} {img.ParentElement?.ClassName}";
        return Decorations.Any(d => hints.Contains(d, StringComparison.OrdinalIgnoreCase))
            || img.Closest("nav, footer, aside, [class*=comment i], [id*=comment i]") is not null
            || (img.Closest("header") is not null && img.Closest("article, main") is null);
    }

    private static int? Side(string? value) =>
        int.TryParse(value?.Trim().Replace("px", ""), System.Globalization.NumberStyles.None,
            System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;

    [GeneratedRegex(@"(?:^(?:logo|icon|avatar|spacer|pixel|blank|transparent|1x1)[._-]|[._-](?:logo|icon|avatar)\.|\.(?:svg|ico)$)",
        RegexOptions.IgnoreCase)]
    private static partial Regex DecorationFile();

    private static void RemoveWithPicture(IElement img)
    {
        if (img.ParentElement is { LocalName: "picture" } picture) picture.Remove();
        else img.Remove();
    }
}
