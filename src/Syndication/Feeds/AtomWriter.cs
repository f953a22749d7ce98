using System.Xml;

namespace Syndication.Feeds;

/// <summary>Atom 1.0 (RFC 4287) with an enclosure link per image and Media RSS; written with XmlWriter.</summary>
public static class AtomWriter
{
    /// <summary>The whole feed, every entry rendered from the model.</summary>
    public static byte[] Write(Feed feed) => Xml.Write(feed, (w, _) => Head(w, feed, () =>
    {
        foreach (var item in feed.Items) Entry(w, item);
    }));

    /// <summary>The feed's own fields, then the entries as already-rendered <see cref="Item(FeedItem)"/> fragments; feed.Items is not read.</summary>
    public static byte[] Write(Feed feed, IReadOnlyList<byte[]> items) => Xml.Write(feed, (w, output) => Head(w, feed, () => Xml.Copy(w, output, items)));

    /// <summary>One entry's bytes exactly as <see cref="Write(Feed)"/> writes them inside the feed (indent, default namespace).</summary>
    public static byte[] Item(FeedItem item) => Xml.Fragment(w =>
    {
        Root(w);
        w.WriteElementString("id", Xml.AtomNs, "");
    }, w => Entry(w, item));

    private static void Root(XmlWriter w)
    {
        w.WriteStartElement("feed", Xml.AtomNs);
        w.WriteAttributeString("xmlns", "media", null, Xml.MediaNs);
    }

    private static void Head(XmlWriter w, Feed feed, Action items)
    {
        Root(w);
        if (feed.Language is { } language) w.WriteAttributeString("xml", "lang", null, language);
        w.WriteElementString("id", Xml.AtomNs, feed.Id);
        Text(w, "title", feed.Title);
        Text(w, "subtitle", feed.Description);
        w.WriteElementString("updated", Xml.AtomNs, Xml.Rfc3339(feed.Updated));
        foreach (var (rel, href, type) in Xml.Links(feed, "application/atom+xml")) Link(w, rel, href, type);
        Link(w, "alternate", feed.Link, "text/html");
        w.WriteStartElement("author", Xml.AtomNs);
        w.WriteElementString("name", Xml.AtomNs, feed.Author ?? feed.Title);
        w.WriteEndElement();
        w.WriteElementString("generator", Xml.AtomNs, feed.Generator);
        if (feed.IconUrl is { } icon) w.WriteElementString("icon", Xml.AtomNs, icon.AbsoluteUri);
        if (feed.ImageUrl is { } logo) w.WriteElementString("logo", Xml.AtomNs, logo.AbsoluteUri);
        items();
        w.WriteEndElement();
    }

    private static void Entry(XmlWriter w, FeedItem item)
    {
        w.WriteStartElement("entry", Xml.AtomNs);
        if (item.Language is { } language) w.WriteAttributeString("xml", "lang", null, language);
        w.WriteElementString("id", Xml.AtomNs, item.Id);
        Text(w, "title", item.Title);
        Link(w, "alternate", item.Link, "text/html");
        w.WriteElementString("published", Xml.AtomNs, Xml.Rfc3339(item.Published));
        w.WriteElementString("updated", Xml.AtomNs, Xml.Rfc3339(item.Updated));
        foreach (var author in item.Authors)
        {
            w.WriteStartElement("author", Xml.AtomNs);
            w.WriteElementString("name", Xml.AtomNs, author);
            w.WriteEndElement();
        }
        foreach (var category in item.Categories.Concat(item.Tags).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            w.WriteStartElement("category", Xml.AtomNs);
            w.WriteAttributeString("term", category);
            w.WriteEndElement();
        }
        if (item.Summary is { } summary) Text(w, "summary", summary);
        w.WriteStartElement("content", Xml.AtomNs);
        w.WriteAttributeString("type", "html");
        foreach (var part in item.ContentHtml) w.WriteString(part);
        w.WriteFullEndElement();
        foreach (var image in item.Images)
        {
            w.WriteStartElement("link", Xml.AtomNs);
            w.WriteAttributeString("rel", "enclosure");
            if (image.IsKnown)
            {
                w.WriteAttributeString("type", image.ContentType);
                w.WriteAttributeString("length", Xml.Number(image.Length));
            }
            w.WriteAttributeString("href", image.Url.AbsoluteUri);
            if (image.Caption is { } caption) w.WriteAttributeString("title", caption);
            w.WriteEndElement();
        }
        foreach (var image in item.Images) Xml.MediaContent(w, image);
        if (item.Images.Count > 0) Xml.MediaThumbnail(w, item.Images[0]);
        w.WriteEndElement();
    }

    private static void Text(XmlWriter w, string name, string text)
    {
        w.WriteStartElement(name, Xml.AtomNs);
        w.WriteAttributeString("type", "text");
        w.WriteString(text);
        w.WriteEndElement();
    }

    private static void Link(XmlWriter w, string rel, Uri href, string? type)
    {
        w.WriteStartElement("link", Xml.AtomNs);
        w.WriteAttributeString("rel", rel);
        if (type is not null) w.WriteAttributeString("type", type);
        w.WriteAttributeString("href", href.AbsoluteUri);
        w.WriteEndElement();
    }
}
