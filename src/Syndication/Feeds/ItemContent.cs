using System.Text;
using Syndication.Articles;
using Syndication.Storage;

namespace Syndication.Feeds;

/// <summary>An article's full HTML as readers see it: the lead image at the top, the body, then the other images.</summary>
public static class ItemContent
{
    [ThreadStatic]
    private static StringBuilder? scratch;

    public static string Compose(StoredArticle article, string bodyHtml, SiteUrls urls) =>
        string.Concat(Parts(Images(article, urls), bodyHtml));

    /// <summary>An article's images as feeds carry them: absolute URL, length, type, size, caption, credit.</summary>
    public static List<FeedImage> Images(StoredArticle article, SiteUrls urls) =>
        article.Images.Select(i => new FeedImage(urls.Image(article.Slug, i.File), i.Length, i.ContentType, i.Width, i.Height,
            i.Caption, i.Credit, i.Alt)).ToList();

    /// <summary>The same HTML in the order it is written: the lead figure, the body (the stored string itself), the other figures.</summary>
    public static string[] Parts(IReadOnlyList<FeedImage> images, string bodyHtml)
    {
        if (images.Count == 0) return [bodyHtml];
        var parts = new string[images.Count + 1];
        var html = scratch ??= new StringBuilder(1024);
        for (var i = 0; i < images.Count; i++)
        {
            Figure(html.Clear(), images[i]);
            parts[i == 0 ? 0 : i + 1] = html.ToString();
        }
        if (html.Capacity > 16 * 1024) scratch = null;
        parts[1] = bodyHtml;
        return parts;
    }

    /// <summary>One stored image as a figure with its caption and credit.</summary>
    public static void Figure(StringBuilder html, string slug, StoredImage image, SiteUrls urls) =>
        Figure(html, new FeedImage(urls.Image(slug, image.File), image.Length, image.ContentType, image.Width, image.Height,
            image.Caption, image.Credit, image.Alt));

    /// <summary>One image as a figure with its caption and credit.</summary>
    public static void Figure(StringBuilder html, FeedImage image)
    {
        html.Append("<figure><img src=\"").Append(Html.Encode(image.Url.AbsoluteUri))
            .Append("\" alt=\"").Append(Html.Encode(image.Alt ?? image.Caption ?? ""))
            .Append("\" width=\"").Append(image.Width).Append("\" height=\"").Append(image.Height).Append("\">");
        if (image.Caption is not null || image.Credit is not null)
        {
            html.Append("<figcaption>").Append(Html.Encode(image.Caption));
            if (image.Credit is not null)
                html.Append(image.Caption is null ? "" : " ").Append("<small>").Append(Html.Encode(image.Credit)).Append("</small>");
            html.Append("</figcaption>");
        }
        html.Append("</figure>\n");
    }
}
