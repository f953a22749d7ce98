using System.Text;
using Syndication.Articles;

namespace Syndication.Feeds;

/// <summary>
/// An image as HTML: a figure with its caption and credit, responsive (the 16:9 thumbnail for narrow screens and the
/// original for the rest, so a phone loads ~60 KB rather than the full original). Pure: feeds, pages and writers use it.
/// </summary>
public static class Figures
{
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

    private static void Srcset(StringBuilder html, FeedImage image)
    {
        if (FeedRendition.Pick(image.Renditions, FeedRendition.Thumbnail) is not { } thumbnail || image.Width <= thumbnail.Width) return;
        html.Append(" srcset=\"").Append(Html.Encode(thumbnail.Url.AbsoluteUri)).Append(' ').Append(thumbnail.Width).Append("w, ")
            .Append(Html.Encode(image.Url.AbsoluteUri)).Append(' ').Append(image.Width).Append("w\" sizes=\"").Append(Sizes).Append('"');
    }
}
