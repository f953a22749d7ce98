using System.Text;
using System.Text.RegularExpressions;
using Syndication.Articles;
using Syndication.Storage;

namespace Syndication.Feeds;

/// <summary>An article's full HTML as readers see it: the lead image at the top, the body, then the other images.</summary>
public static partial class ItemContent
{
    public static string Compose(StoredArticle article, string bodyHtml, SiteUrls urls)
    {
        var html = new StringBuilder(bodyHtml.Length + 512 * (article.Images.Count + 1));
        if (article.Images.Count > 0) Figure(html, article.Slug, article.Images[0], urls);
        // Feed readers have no page to resolve a relative link against: resolve it against the article's page.
        html.Append(RelativeUrl().IsMatch(bodyHtml) ? SafeHtml.Sanitize(bodyHtml, urls.Article(article.Slug)) : bodyHtml);
        foreach (var image in article.Images.Skip(1)) Figure(html, article.Slug, image, urls);
        return html.ToString();
    }

    // An href/src/cite/srcset whose value does not start with a scheme (sanitized HTML quotes every attribute).
    [GeneratedRegex(@"\s(?:href|src|cite|srcset)=""(?![A-Za-z][A-Za-z0-9+.\-]*:)|\ssrcset=""[^""]*,\s*(?![A-Za-z][A-Za-z0-9+.\-]*:)")]
    private static partial Regex RelativeUrl();

    /// <summary>Where readers load the image: our image endpoint, or the remote URL the document gave.</summary>
    public static Uri ImageUrl(string slug, StoredImage image, SiteUrls urls) =>
        image.RemoteUrl is { } remote ? new Uri(remote) : urls.Image(slug, image.File);

    /// <summary>One image as a figure with its caption and credit.</summary>
    public static void Figure(StringBuilder html, string slug, StoredImage image, SiteUrls urls)
    {
        html.Append("<figure><img src=\"").Append(Html.Encode(ImageUrl(slug, image, urls).AbsoluteUri))
            .Append("\" alt=\"").Append(Html.Encode(image.Alt ?? image.Caption ?? "")).Append('"');
        if (image.Width > 0 && image.Height > 0)
            html.Append(" width=\"").Append(image.Width).Append("\" height=\"").Append(image.Height).Append('"');
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
}
