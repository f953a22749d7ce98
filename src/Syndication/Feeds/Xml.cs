using System.Globalization;

namespace Syndication.Feeds;

/// <summary>Shared XML plumbing of the RSS and Atom writers.</summary>
internal static class Xml
{
    public const string AtomNs = "http://www.w3.org/2005/Atom";
    public const string MediaNs = "http://search.yahoo.com/mrss/";
    public const string ContentNs = "http://purl.org/rss/1.0/modules/content/";
    public const string DcNs = "http://purl.org/dc/elements/1.1/";

    /// <summary>A whole document: what <paramref name="write"/> writes, as an array of its exact size.</summary>
    public static byte[] Render(Action<XmlMarkup> write)
    {
        var buffer = RenderBuffer.RentWriter();
        write(new XmlMarkup(buffer));
        return RenderBuffer.Return(buffer);
    }

    /// <summary>The start of every XML feed: the declaration, then the stylesheet instruction when the feed has one.</summary>
    public static void Prolog(XmlMarkup w, Feed feed)
    {
        w.Declaration();
        if (feed.StylesheetUrl is { } xsl) w.Instruction("xml-stylesheet", $"type=\"text/xsl\" href=\"{xsl.AbsoluteUri}\"");
    }

    public static string Rfc3339(DateTimeOffset d) => d.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string Rfc822(DateTimeOffset d) => d.ToUniversalTime().ToString("r", CultureInfo.InvariantCulture);

    public static string Number(long n) => n.ToString(CultureInfo.InvariantCulture);

    /// <summary>The feed's relations to other URLs: self, RFC 5005 paging and the WebSub hub, as Atom links.</summary>
    public static IEnumerable<(string Rel, Uri Href, string? Type)> Links(Feed feed, string selfType)
    {
        yield return ("self", feed.SelfUrl, selfType);
        if (feed.FirstUrl is { } first) yield return ("first", first, selfType);
        if (feed.PreviousUrl is { } previous) yield return ("previous", previous, selfType);
        if (feed.NextUrl is { } next) yield return ("next", next, selfType);
        if (feed.HubUrl is { } hub) yield return ("hub", hub, null);
    }

    /// <summary>
    /// Media RSS: one media:content per image with its description and credit, then (<paramref name="renditions"/>) a
    /// media:group of its renditions; <paramref name="isDefault"/> marks the item's default (lead) image.
    /// </summary>
    public static void MediaContent(XmlMarkup w, FeedImage image, bool renditions = true, bool isDefault = false)
    {
        w.Start("media:content");
        w.Attribute("url", image.Url.AbsoluteUri);
        if (isDefault) w.Attribute("isDefault", "true");
        if (image.IsKnown) w.Attribute("type", image.ContentType);
        w.Attribute("medium", "image");
        if (image.IsKnown) w.Attribute("fileSize", Number(image.Length));
        Size(w, image);
        if ((image.Caption ?? image.Alt) is { } description)
        {
            w.Start("media:description");
            w.Attribute("type", "plain");
            w.Text(description);
            w.End();
        }
        if (image.Credit is { } credit) w.Element("media:credit", credit);
        w.End();
        if (!renditions || image.Renditions.Count == 0) return;
        // The renditions: the same picture cropped and sized for partners, one media:group of alternatives.
        w.Start("media:group");
        foreach (var r in image.Renditions)
        {
            w.Start("media:content");
            w.Attribute("url", r.Url.AbsoluteUri);
            w.Attribute("type", r.ContentType);
            w.Attribute("medium", "image");
            w.Attribute("fileSize", Number(r.Length));
            w.Attribute("width", Number(r.Width));
            w.Attribute("height", Number(r.Height));
            w.End();
        }
        w.End();
    }

    /// <summary>Media RSS thumbnail for the lead image: its 16:9 thumbnail rendition, or the image itself when it has none.</summary>
    public static void MediaThumbnail(XmlMarkup w, FeedImage image)
    {
        w.Start("media:thumbnail");
        if (FeedRendition.Pick(image.Renditions, FeedRendition.Thumbnail) is { } thumbnail)
        {
            w.Attribute("url", thumbnail.Url.AbsoluteUri);
            w.Attribute("width", Number(thumbnail.Width));
            w.Attribute("height", Number(thumbnail.Height));
        }
        else
        {
            w.Attribute("url", image.Url.AbsoluteUri);
            Size(w, image);
        }
        w.End();
    }

    private static void Size(XmlMarkup w, FeedImage image)
    {
        if (image.Width <= 0 || image.Height <= 0) return;
        w.Attribute("width", Number(image.Width));
        w.Attribute("height", Number(image.Height));
    }
}
