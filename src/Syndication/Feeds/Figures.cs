using System.Text;
using System.Text.RegularExpressions;
using Syndication.Articles;

namespace Syndication.Feeds;

/// <summary>
/// An image as HTML: a figure with its caption and credit, responsive (the 16:9 thumbnail for narrow screens and the
/// original for the rest, so a phone loads ~60 KB rather than the full original). Pure: feeds, pages and writers use it.
/// And the one layout of an item's HTML with images: the lead figure, the body, the other figures (<see cref="Content"/>
/// writes it, the helpers below read it; here rather than in <see cref="ItemContent"/>, which reads Storage's rows and
/// so is no place for the writers to reach).
/// </summary>
public static partial class Figures
{
    [ThreadStatic]
    private static StringBuilder? scratch;

    /// <summary>The column our pages lay images in, at most: the browser picks from srcset by this.</summary>
    public const string Sizes = "(max-width: 720px) 100vw, 720px";

    /// <summary>One image as a figure with its caption and credit; <paramref name="imageClass"/> marks the img (MSN's lead image).</summary>
    public static void Figure(StringBuilder html, FeedImage image, string? imageClass = null)
    {
        html.Append("<figure><img ");
        if (imageClass is not null) html.Append("class=\"").Append(imageClass).Append("\" ");
        html.Append("src=\"").Append(Html.Encode(image.Url.AbsoluteUri))
            .Append("\" alt=\"").Append(Html.Encode(image.Alt ?? image.Caption ?? "")).Append('"');
        if (image.Width > 0 && image.Height > 0)
            html.Append(" width=\"").Append(image.Width).Append("\" height=\"").Append(image.Height).Append('"');
        Srcset(html, image);
        html.Append('>');
        if (image.Caption is not null || image.Credit is not null)
        {
            html.Append("<figcaption>").Append(Html.Encode(image.Caption));
            if (image.Credit is not null)
                html.Append(image.Caption is null ? "" : " ").Append("<small>").Append(Html.Encode(image.Credit)).Append("</small>");
            html.Append("</figcaption>");
        }
        html.Append("</figure>\n");
    }

    /// <summary>
    /// An item's HTML in the order it is written: the lead figure, the body, the other figures. An image the body
    /// already shows (an img whose src is the image's address, its query aside) alone in a paragraph is not shown twice:
    /// it becomes its figure there, with caption and credit, in the place the author gave it, and its own slot is empty,
    /// so the layout keeps one slot per image. Inside a line of text it stays as written, and its figure stays too.
    /// </summary>
    public static string[] Content(IReadOnlyList<FeedImage> images, string bodyHtml)
    {
        if (images.Count == 0) return [bodyHtml];
        var shown = new bool[images.Count];
        var parts = new string[images.Count + 1];
        parts[1] = bodyHtml.Contains("<img", StringComparison.Ordinal) ? Inline(bodyHtml, images, shown) : bodyHtml;
        for (var i = 0; i < images.Count; i++) parts[i == 0 ? 0 : i + 1] = shown[i] ? "" : Figure(images[i]);
        return parts;
    }

    /// <summary>Whether the item's HTML is laid out as <see cref="Content"/> writes it: the lead figure, the body, the other figures.</summary>
    public static bool HasFigures(FeedItem item) => item.Images.Count > 0 && item.ContentHtml.Count == item.Images.Count + 1;

    /// <summary>The item's body alone, its figures left out (what the platforms' rules measure).</summary>
    public static IReadOnlyList<string> Body(FeedItem item) => HasFigures(item) ? [item.ContentHtml[1]] : item.ContentHtml;

    /// <summary>
    /// The item's HTML with the lead image's img marked with <paramref name="imageClass"/> (MSN's primary image): in the
    /// lead figure, or where the body shows it; as it is when it has no figures.
    /// </summary>
    public static IReadOnlyList<string> WithLeadClass(FeedItem item, string imageClass)
    {
        if (!HasFigures(item)) return item.ContentHtml;
        var parts = item.ContentHtml.ToArray();
        if (parts[0].Length > 0) parts[0] = Figure(item.Images[0], imageClass);
        else
        {
            var lead = item.Images[0];
            var marked = false;
            parts[1] = BodyImage().Replace(parts[1], m => marked || !Shows(m, lead) ? m.Value : Mark(m, imageClass, ref marked));
        }
        return parts;
    }

    // Each image's first appearance in the body: a figure when its img stands alone in a paragraph, else left as it is.
    // The stored body itself when nothing in it changes.
    private static string Inline(string bodyHtml, IReadOnlyList<FeedImage> images, bool[] shown)
    {
        var changed = false;
        var html = BodyImage().Replace(bodyHtml, m =>
        {
            for (var i = 0; i < images.Count; i++)
            {
                if (shown[i] || !Shows(m, images[i])) continue;
                // Inside a line of text a figure cannot stand: the img stays, and so does its figure, with the caption
                // and credit (a credit may be owed).
                if (!m.Groups["alone"].Success) return m.Value;
                shown[i] = changed = true;
                // The alt text the author wrote at that place describes the image there.
                var alt = AltText().Match(m.Groups["img"].Value) is { Success: true } a && a.Groups[1].Length > 0
                    ? System.Net.WebUtility.HtmlDecode(a.Groups[1].Value) : images[i].Alt;
                return Figure(images[i] with { Alt = alt }).TrimEnd('\n');
            }
            return m.Value;
        });
        return changed ? html : bodyHtml;
    }

    private static bool Shows(Match img, FeedImage image)
    {
        var src = System.Net.WebUtility.HtmlDecode(img.Groups["src"].Value);
        var query = src.IndexOf('?');
        return Uri.TryCreate(query < 0 ? src : src[..query], UriKind.Absolute, out var shown)
            && shown.AbsoluteUri == image.Url.GetLeftPart(UriPartial.Path);
    }

    private static string Mark(Match m, string imageClass, ref bool marked)
    {
        marked = true;
        var img = m.Groups["img"];
        var tag = img.Value.Contains(" class=\"", StringComparison.Ordinal)
            ? img.Value.Replace(" class=\"", $" class=\"{imageClass} ", StringComparison.Ordinal)
            : $"<img class=\"{imageClass}\"{img.Value[4..]}";
        return m.Value[..(img.Index - m.Index)] + tag + m.Value[(img.Index - m.Index + img.Length)..];
    }

    // An img in sanitized HTML (attributes double-quoted), alone in its paragraph ("alone") or not.
    [GeneratedRegex(@"(?<alone><p>\s*(?=<img\b[^>]*>\s*</p>))?(?<img><img\b[^>]*?\ssrc=""(?<src>[^""]*)""[^>]*>)(?(alone)\s*</p>)")]
    private static partial Regex BodyImage();

    [GeneratedRegex(@"\salt=""([^""]*)""")]
    private static partial Regex AltText();

    // One figure's HTML, built in this thread's scratch buffer (dropped when an unusual figure grew it past 16 KB).
    private static string Figure(FeedImage image, string? imageClass = null)
    {
        var html = scratch ??= new StringBuilder(1024);
        Figure(html.Clear(), image, imageClass);
        var figure = html.ToString();
        if (html.Capacity > 16 * 1024) scratch = null;
        return figure;
    }

    private static void Srcset(StringBuilder html, FeedImage image)
    {
        if (FeedRendition.Pick(image.Renditions, FeedRendition.Thumbnail) is not { } thumbnail || image.Width <= thumbnail.Width) return;
        html.Append(" srcset=\"").Append(Html.Encode(thumbnail.Url.AbsoluteUri)).Append(' ').Append(thumbnail.Width).Append("w, ")
            .Append(Html.Encode(image.Url.AbsoluteUri)).Append(' ').Append(image.Width).Append("w\" sizes=\"").Append(Sizes).Append('"');
    }
}
