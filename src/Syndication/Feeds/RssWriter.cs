using System.Buffers;
using Syndication.Articles;

namespace Syndication.Feeds;

/// <summary>
/// RSS 2.0 with content:encoded, dc:creator, Media RSS and atom:link self: pure functions from the model to bytes, in
/// the shape a partner profile's row asks for (<see cref="FeedProfile"/>; the standard one by default). Our own XML
/// writer rather than System.ServiceModel.Syndication, which drops length-0 enclosures, writes one enclosure only and
/// puts Atom elements under an "a10:" prefix.
/// </summary>
public static partial class RssWriter
{
    /// <summary>Items sit in rss/channel.</summary>
    private const int ItemDepth = 2;

    /// <summary>One item, at its depth in the channel (its line break and indent included), appended to <paramref name="output"/>.</summary>
    public static void Item(FeedItem item, IBufferWriter<byte> output) => Item(item, output, FeedProfiles.Standard);

    /// <summary>One item as <paramref name="profile"/> shapes it.</summary>
    public static void Item(FeedItem item, IBufferWriter<byte> output, FeedProfile profile) => Item(new XmlMarkup(output, ItemDepth), item, profile);

    /// <summary>The feed around items written by <see cref="Item(FeedItem, IBufferWriter{byte})"/>.</summary>
    public static byte[] Feed(Feed feed, IReadOnlyList<ReadOnlyMemory<byte>> items) => Feed(feed, items, FeedProfiles.Standard);

    /// <summary>The feed around items written for <paramref name="profile"/>, with its channel elements, byte bound and withdrawals.</summary>
    public static byte[] Feed(Feed feed, IReadOnlyList<ReadOnlyMemory<byte>> items, FeedProfile profile)
    {
        var (written, withdrawn) = profile.MaxBytes > 0 ? Within(items, feed, profile.MaxBytes) : (items, feed.Tombstones);
        // Cut short by the bound: the next page starts at the first item left out, so no item is on no page.
        if (written.Count < items.Count && feed.NextUrlAfter?.Invoke(written.Count - 1) is { } next) feed = feed with { NextUrl = next };
        return Channel(feed, written, withdrawn, profile);
    }

    private static byte[] Channel(Feed feed, IReadOnlyList<ReadOnlyMemory<byte>> items, IReadOnlyList<FeedTombstone> withdrawn, FeedProfile profile) => Xml.Render(w =>
    {
        Xml.Prolog(w, feed);
        w.Start("rss");
        w.Attribute("version", "2.0");
        w.Attribute("xmlns:atom", Xml.AtomNs);
        w.Attribute("xmlns:content", Xml.ContentNs);
        w.Attribute("xmlns:dc", Xml.DcNs);
        w.Attribute("xmlns:media", Xml.MediaNs);
        foreach (var (prefix, uri) in profile.Namespaces) w.Attribute("xmlns:" + prefix, uri);
        w.Start("channel");
        w.Element("title", feed.Title);
        w.Element("link", feed.Link.AbsoluteUri);
        w.Element("description", feed.Description);
        if (feed.Language is { } language) w.Element("language", language);
        if (profile.ChannelPubDate) w.Element("pubDate", Xml.Rfc822(feed.Updated));
        w.Element("lastBuildDate", Xml.Rfc822(feed.Updated));
        w.Element("generator", feed.Generator);
        w.Element("docs", "https://www.rssboard.org/rss-specification");
        foreach (var (rel, href, type) in Xml.Links(feed, FeedFormats.Rss.MediaType)) AtomLink(w, rel, href, type);
        if (feed.ImageUrl is { } image)
        {
            w.Start("image");
            w.Element("url", image.AbsoluteUri);
            w.Element("title", feed.Title);
            w.Element("link", feed.Link.AbsoluteUri);
            w.End();
        }
        if (profile.ChannelLogo) Logos(w, feed);
        w.Elements(items);
        if (profile.ListWithdrawals) foreach (var tombstone in withdrawn) Withdrawn(w, tombstone);
        w.End();
        w.End();
    });

    private static void Item(XmlMarkup w, FeedItem item, FeedProfile profile)
    {
        w.Start("item");
        w.Element("title", item.Title);
        if (profile.ShortTitleOver > 0 && item.Title.Length > profile.ShortTitleOver && item.ShortTitle is { Length: > 0 } shortTitle
            && shortTitle.Length <= profile.ShortTitleOver)
            w.Element("mi:shortTitle", shortTitle);
        w.Element("link", item.Link.AbsoluteUri);
        w.Start("guid");
        w.Attribute("isPermaLink", "false");
        w.Text(item.Id);
        w.End();
        w.Element("pubDate", Xml.Rfc822(item.Published));
        if (profile.ItemModified) w.Element("dcterms:modified", Xml.Rfc3339(item.Updated));
        // RSS readers take <description> as HTML: the plain-text summary is HTML-encoded so "<b>" stays text.
        // Without a summary the description is the full content, since content:encoded needs a description before it.
        if (item.Summary is { } summary)
        {
            w.Element("description", Html.Encode(summary));
            w.Start("content:encoded");
        }
        else
        {
            w.Start("description");
        }
        Content(w, item, profile);
        w.FullEnd();
        foreach (var author in item.Authors) w.Element("dc:creator", author);
        foreach (var category in item.Categories.Concat(item.Tags).Distinct(StringComparer.OrdinalIgnoreCase))
            w.Element("category", category);
        Images(w, item, profile);
        w.End();
    }

    private static void Enclosure(XmlMarkup w, Uri url, long length, string type)
    {
        w.Start("enclosure");
        w.Attribute("url", url.AbsoluteUri);
        w.Attribute("length", Xml.Number(length));
        w.Attribute("type", type);
        w.End();
    }

    private static void AtomLink(XmlMarkup w, string rel, Uri href, string? type)
    {
        w.Start("atom:link");
        w.Attribute("href", href.AbsoluteUri);
        w.Attribute("rel", rel);
        if (type is not null) w.Attribute("type", type);
        w.End();
    }
}
