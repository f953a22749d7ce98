using System.Buffers;

namespace Syndication.Feeds;

/// <summary>Atom 1.0 (RFC 4287) with an enclosure link per image and Media RSS: pure functions from the model to bytes.</summary>
public static class AtomWriter
{
    /// <summary>Entries sit in feed.</summary>
    private const int ItemDepth = 1;

    /// <summary>One entry, at its depth in the feed (its line break and indent included), appended to <paramref name="output"/>.</summary>
    public static void Item(FeedItem item, IBufferWriter<byte> output) => Entry(new XmlMarkup(output, ItemDepth), item);

    /// <summary>The feed around entries written by <see cref="Item(FeedItem, IBufferWriter{byte})"/>.</summary>
    public static byte[] Feed(Feed feed, IReadOnlyList<ReadOnlyMemory<byte>> items) => Xml.Render(w =>
    {
        Xml.Prolog(w, feed);
        w.Start("feed");
        w.Attribute("xmlns:media", Xml.MediaNs);
        if (feed.Tombstones.Count > 0) w.Attribute("xmlns:at", TombstonesNs);
        if (feed.Language is { } language) w.Attribute("xml:lang", language);
        w.Attribute("xmlns", Xml.AtomNs);
        w.Element("id", feed.Id);
        Text(w, "title", feed.Title);
        Text(w, "subtitle", feed.Description);
        w.Element("updated", Xml.Rfc3339(feed.Updated));
        foreach (var (rel, href, type) in Xml.Links(feed, FeedFormats.Atom.MediaType)) Link(w, rel, href, type);
        Link(w, "alternate", feed.Link, "text/html");
        w.Start("author");
        w.Element("name", feed.Author ?? feed.Title);
        w.End();
        w.Element("generator", feed.Generator);
        if (feed.IconUrl is { } icon) w.Element("icon", icon.AbsoluteUri);
        if (feed.ImageUrl is { } logo) w.Element("logo", logo.AbsoluteUri);
        // Before the entries: RFC 4287's schema lets extension elements of the feed precede them only.
        foreach (var tombstone in feed.Tombstones) DeletedEntry(w, tombstone);
        w.Elements(items);
        w.End();
    });

    /// <summary>RFC 6721: the namespace of at:deleted-entry.</summary>
    public const string TombstonesNs = "http://purl.org/atompub/tombstones/1.0";

    // RFC 6721: ref is the withdrawn entry's atom:id, when an RFC 3339 date-time; the link is the page it had.
    private static void DeletedEntry(XmlMarkup w, FeedTombstone tombstone)
    {
        w.Start("at:deleted-entry");
        w.Attribute("ref", tombstone.Ref);
        w.Attribute("when", Xml.Rfc3339(tombstone.When));
        Link(w, "alternate", tombstone.Link, "text/html");
        w.End();
    }

    private static void Entry(XmlMarkup w, FeedItem item)
    {
        w.Start("entry");
        if (item.Language is { } language) w.Attribute("xml:lang", language);
        w.Element("id", item.Id);
        Text(w, "title", item.Title);
        Link(w, "alternate", item.Link, "text/html");
        w.Element("published", Xml.Rfc3339(item.Published));
        w.Element("updated", Xml.Rfc3339(item.Updated));
        foreach (var author in item.Authors)
        {
            w.Start("author");
            w.Element("name", author);
            w.End();
        }
        foreach (var category in item.Categories.Concat(item.Tags).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            w.Start("category");
            w.Attribute("term", category);
            w.End();
        }
        if (item.Summary is { } summary) Text(w, "summary", summary);
        w.Start("content");
        w.Attribute("type", "html");
        foreach (var part in item.ContentHtml) w.Text(part);
        w.FullEnd();
        foreach (var image in item.Images)
        {
            w.Start("link");
            w.Attribute("rel", "enclosure");
            if (image.IsKnown)
            {
                w.Attribute("type", image.ContentType);
                w.Attribute("length", Xml.Number(image.Length));
            }
            w.Attribute("href", image.Url.AbsoluteUri);
            if (image.Caption is { } caption) w.Attribute("title", caption);
            w.End();
        }
        foreach (var image in item.Images) Xml.MediaContent(w, image);
        if (item.Images.Count > 0) Xml.MediaThumbnail(w, item.Images[0]);
        w.End();
    }

    private static void Text(XmlMarkup w, string name, string text)
    {
        w.Start(name);
        w.Attribute("type", "text");
        w.Text(text);
        w.End();
    }

    private static void Link(XmlMarkup w, string rel, Uri href, string? type)
    {
        w.Start("link");
        w.Attribute("rel", rel);
        if (type is not null) w.Attribute("type", type);
        w.Attribute("href", href.AbsoluteUri);
        w.End();
    }
}
