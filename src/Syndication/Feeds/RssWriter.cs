using System.Xml;
using Syndication.Articles;

namespace Syndication.Feeds;

/// <summary>
/// RSS 2.0 with content:encoded, dc:creator, Media RSS and atom:link self. Written with XmlWriter because
/// System.ServiceModel.Syndication drops length-0 enclosures, writes one enclosure only and puts Atom elements
/// under an "a10:" prefix.
/// </summary>
public static class RssWriter
{
    /// <summary>The whole feed, every item rendered from the model.</summary>
    public static byte[] Write(Feed feed) => Xml.Write(feed, (w, _) => Channel(w, feed, () =>
    {
        foreach (var item in feed.Items) Item(w, item);
    }));

    /// <summary>The feed's own fields, then the items as already-rendered <see cref="Item(FeedItem)"/> fragments; feed.Items is not read.</summary>
    public static byte[] Write(Feed feed, IReadOnlyList<byte[]> items) => Xml.Write(feed, (w, output) => Channel(w, feed, () => Xml.Copy(w, output, items)));

    /// <summary>One item's bytes exactly as <see cref="Write(Feed)"/> writes them inside a channel (indent and prefixes included).</summary>
    public static byte[] Item(FeedItem item) => Xml.Fragment(w =>
    {
        Root(w);
        w.WriteStartElement("channel");
        w.WriteElementString("title", "");
    }, w => Item(w, item));

    private static void Root(XmlWriter w)
    {
        w.WriteStartElement("rss");
        w.WriteAttributeString("version", "2.0");
        w.WriteAttributeString("xmlns", "atom", null, Xml.AtomNs);
        w.WriteAttributeString("xmlns", "content", null, Xml.ContentNs);
        w.WriteAttributeString("xmlns", "dc", null, Xml.DcNs);
        w.WriteAttributeString("xmlns", "media", null, Xml.MediaNs);
    }

    private static void Channel(XmlWriter w, Feed feed, Action items)
    {
        Root(w);
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
        items();
        w.WriteEndElement();
        w.WriteEndElement();
    }

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
        // RSS readers take <description> as HTML: the plain-text summary is HTML-encoded so "<b>" stays text.
        // Without a summary the description is the full content, since content:encoded needs a description before it.
        if (item.Summary is { } summary)
        {
            w.WriteElementString("description", Html.Encode(summary));
            w.WriteStartElement("content", "encoded", Xml.ContentNs);
        }
        else
        {
            w.WriteStartElement("description");
        }
        foreach (var part in item.ContentHtml) w.WriteString(part);
        w.WriteFullEndElement();
        foreach (var author in item.Authors) w.WriteElementString("dc", "creator", Xml.DcNs, author);
        foreach (var category in item.Categories.Concat(item.Tags).Distinct(StringComparer.OrdinalIgnoreCase))
            w.WriteElementString("category", category);
        // Exactly one enclosure: the lead image among those whose true length and type we know.
        if (item.Images.FirstOrDefault(i => i.IsKnown) is { } enclosure)
        {
            w.WriteStartElement("enclosure");
            w.WriteAttributeString("url", enclosure.Url.AbsoluteUri);
            w.WriteAttributeString("length", Xml.Number(enclosure.Length));
            w.WriteAttributeString("type", enclosure.ContentType);
            w.WriteEndElement();
        }
        foreach (var image in item.Images) Xml.MediaContent(w, image);
        if (item.Images.Count > 0) Xml.MediaThumbnail(w, item.Images[0]);
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
