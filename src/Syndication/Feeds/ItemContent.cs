using System.Text;
using Syndication.Articles;
using Syndication.Storage;

namespace Syndication.Feeds;

/// <summary>An article's full HTML as readers see it: the lead image at the top, the body, then the other images.</summary>
public static class ItemContent
{
    public static string Compose(StoredArticle article, string bodyHtml, SiteUrls urls) => string.Concat(Parts(article, bodyHtml, urls));

    /// <summary>The same HTML in the order it is written: the lead figure, the body (the stored string itself), the other figures.</summary>
    public static string[] Parts(StoredArticle article, string bodyHtml, SiteUrls urls)
    {
        if (article.Images.Count == 0) return [bodyHtml];
        var parts = new string[article.Images.Count + 1];
        var html = new StringBuilder(512);
        for (var i = 0; i < article.Images.Count; i++)
        {
            Figure(html.Clear(), article.Slug, article.Images[i], urls);
            parts[i == 0 ? 0 : i + 1] = html.ToString();
        }
        parts[1] = bodyHtml;
        return parts;
    }

    /// <summary>One image as a figure with its caption and credit.</summary>
    public static void Figure(StringBuilder html, string slug, StoredImage image, SiteUrls urls)
    {
        html.Append("<figure><img src=\"").Append(Html.Encode(urls.Image(slug, image.File).AbsoluteUri))
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
