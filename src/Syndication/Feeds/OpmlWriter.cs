using System.Xml;
using Syndication.Articles;

namespace Syndication.Feeds;

/// <summary>OPML 2.0 listing every feed we serve, so a reader can subscribe to all of them at once.</summary>
public static class OpmlWriter
{
    /// <summary>The OPML of the feeds, and of <paramref name="links"/> (the sitemaps) as outlines of type "link".</summary>
    public static byte[] Write(string title, DateTimeOffset created, IReadOnlyList<(string Title, FeedKey Key)> feeds, SiteUrls urls,
        IReadOnlyList<(string Title, Uri Url)>? links = null)
    {
        using var stream = new MemoryStream();
        using (var w = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new System.Text.UTF8Encoding(false), Indent = true }))
        {
            w.WriteStartDocument();
            w.WriteStartElement("opml");
            w.WriteAttributeString("version", "2.0");
            w.WriteStartElement("head");
            w.WriteElementString("title", title);
            w.WriteElementString("dateCreated", Xml.Rfc822(created));
            w.WriteEndElement();
            w.WriteStartElement("body");
            foreach (var (feedTitle, key) in feeds)
            {
                foreach (var format in FeedFormats.All)
                {
                    w.WriteStartElement("outline");
                    w.WriteAttributeString("type", format.OpmlType);
                    w.WriteAttributeString("text", $"{feedTitle} ({format.Extension})");
                    w.WriteAttributeString("title", feedTitle);
                    w.WriteAttributeString("xmlUrl", urls.Feed(key, format).AbsoluteUri);
                    w.WriteAttributeString("htmlUrl", urls.Home().AbsoluteUri);
                    w.WriteEndElement();
                }
            }
            foreach (var (linkTitle, url) in links ?? [])
            {
                w.WriteStartElement("outline");
                w.WriteAttributeString("type", "link");
                w.WriteAttributeString("text", linkTitle);
                w.WriteAttributeString("url", url.AbsoluteUri);
                w.WriteEndElement();
            }
            w.WriteEndElement();
            w.WriteEndElement();
        }
        return stream.ToArray();
    }
}
