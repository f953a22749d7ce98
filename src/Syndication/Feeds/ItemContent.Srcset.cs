using System.Text;
using Syndication.Articles;

namespace Syndication.Feeds;

// Responsive figures: the 16:9 thumbnail for narrow screens and the original for the rest, so a phone loads ~60 KB
// rather than the full original.
public static partial class ItemContent
{
    /// <summary>The column our pages lay images in, at most: the browser picks from srcset by this.</summary>
    public const string Sizes = "(max-width: 720px) 100vw, 720px";

    private static void Srcset(StringBuilder html, FeedImage image)
    {
        if (FeedRendition.Pick(image.Renditions, FeedRendition.Thumbnail) is not { } thumbnail || image.Width <= thumbnail.Width) return;
        html.Append(" srcset=\"").Append(Html.Encode(thumbnail.Url.AbsoluteUri)).Append(' ').Append(thumbnail.Width).Append("w, ")
            .Append(Html.Encode(image.Url.AbsoluteUri)).Append(' ').Append(image.Width).Append("w\" sizes=\"").Append(Sizes).Append('"');
    }
}
