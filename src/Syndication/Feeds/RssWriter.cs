using System.Xml;

namespace Syndication.Feeds;

/// <summary>
/// RSS 2.0 with content:encoded, dc:creator, Media RSS and atom:link self. Written with XmlWriter because
/// System.ServiceModel.Syndication drops length-0 enclosures, writes one enclosure only and puts Atom elements
/// under an "a10:" prefix.
/// </summary>
public static class RssWriter
{
    public static byte[] Write(Feed feed) => Xml.Write(feed, w =>
    {
        w.WriteStartElement("rss");
        w.WriteAttributeString("version", "2.0");
        w.WriteAttributeString("xmlns", "atom", null, Xml.AtomNs);
        w.WriteAttributeString("xmlns", "content", null, Xml.ContentNs);
        w.WriteAttributeString("xmlns", "dc", null, Xml.DcNs);
        w.WriteAttributeString("xmlns", "media", null, Xml.MediaNs);
        w.WriteStartElement("channel");
        w.WriteElementString("title", feed.Title);
        w.WriteElementString("link", feed.Link.AbsoluteUri);
        w.WriteElementString("description", feed.Description);
        if (feed.Language is { } language) w.WriteElementString("language", language);
        w.WriteElementString("lastBuildDate", Xml.Rfc822(feed.Updated));
        w.WriteElementString("generator", feed.Generator);
        w.WriteElementString("docs", "https://www.rssboard.org/rss-specification");
        foreach (var (rel, href, type) in Xml.Links(feed, "application/rss+xml")) AtomLink(w, rel, href, type);
        if (feed.ImageUrl is { } image)
        {
            w.WriteStartElement("image");
            w.WriteElementString("url", image.AbsoluteUri);
            w.WriteElementString("title", feed.Title);
            w.WriteElementString("link", feed.Link.AbsoluteUri);
            w.WriteEndElement();
        }
        foreach (var item in feed.Items) Item(w, item);
        w.WriteEndElement();
        w.WriteEndElement();
    });

    private static void Item(XmlWriter w, FeedItem item)
    {
        w.WriteStartElement("item");
        w.WriteElementString("title", item.Title);
        w.WriteElementString("link", item.Link.AbsoluteUri);
        w.WriteStartElement("guid");
        w.WriteAttributeString("isPermaLink", "false");
        w.WriteString(item.Id);
        w.WriteEndElement();
        w.WriteElementString("pubDate", Xml.Rfc822(item.Published));
        if (item.Summary is { } summary) w.WriteElementString("description", summary);
        w.WriteStartElement("content", "encoded", Xml.ContentNs);
        foreach (var part in item.ContentHtml) w.WriteString(part);
        w.WriteFullEndElement();
        foreach (var author in item.Authors) w.WriteElementString("dc", "creator", Xml.DcNs, author);
        foreach (var category in item.Categories.Concat(item.Tags).Distinct(StringComparer.OrdinalIgnoreCase))
            w.WriteElementString("category", category);
        if (item.Images.Count > 0)
        {
            var lead = item.Images[0];
            w.WriteStartElement("enclosure");
            w.WriteAttributeString("url", lead.Url.AbsoluteUri);
            w.WriteAttributeString("length", Xml.Number(lead.Length));
            w.WriteAttributeString("type", lead.ContentType);
            w.WriteEndElement();
            foreach (var image in item.Images) Xml.MediaContent(w, image);
            Xml.MediaThumbnail(w, lead);
        }
        w.WriteEndElement();
    }

    private static void AtomLink(XmlWriter w, string rel, Uri href, string? type)
    {
        w.WriteStartElement("atom", "link", Xml.AtomNs);
        w.WriteAttributeString("href", href.AbsoluteUri);
        w.WriteAttributeString("rel", rel);
        if (type is not null) w.WriteAttributeString("type", type);
        w.WriteEndElement();
    }
}
