using System.ServiceModel.Syndication;
using System.Xml;
using System.Xml.Linq;

namespace Syndication.Tests.Support;

/// <summary>Reads our feeds back with parsers we did not write: System.ServiceModel.Syndication and CodeHollow.FeedReader.</summary>
public static class FeedParsers
{
    public static readonly XNamespace Media = "http://search.yahoo.com/mrss/";
    public static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    public static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";

    public static SyndicationFeed Syndication(byte[] xml)
    {
        using var reader = XmlReader.Create(new MemoryStream(xml), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
        return SyndicationFeed.Load(reader);
    }

    public static CodeHollow.FeedReader.Feed FeedReader(byte[] xml) =>
        CodeHollow.FeedReader.FeedReader.ReadFromByteArray(xml);

    public static XDocument Document(byte[] xml) => XDocument.Load(new MemoryStream(xml));

    /// <summary>The feed's atom:link with this rel (RFC 5005 "next", "previous", …), in Atom or RSS, or null.</summary>
    public static Uri? Link(XDocument feed, string rel) =>
        feed.Descendants(Atom + "link").Where(l => (string?)l.Attribute("rel") == rel)
            .Select(l => new Uri((string)l.Attribute("href")!)).FirstOrDefault();
}
