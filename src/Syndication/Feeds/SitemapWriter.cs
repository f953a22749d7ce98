using System.Xml;

namespace Syndication.Feeds;

/// <summary>One sitemap URL: the page, when it last changed, and (news sitemap) its news facts and images.</summary>
public sealed record SitemapUrl(Uri Location, DateTimeOffset LastModified, SitemapNews? News = null, IReadOnlyList<Uri>? Images = null);

/// <summary>A news sitemap entry's news:news: the publication's name and language, the original publish time, the title.</summary>
public sealed record SitemapNews(string PublicationName, string Language, DateTimeOffset Published, string Title);

/// <summary>
/// The sitemaps protocol (sitemaps.org 0.9) with Google's news (0.9) and image (1.1) extensions: pure functions from
/// entries to bytes; <c>tests/Syndication.IntegrationTests/testdata/sitemaps/</c> holds the schemas they are checked against.
/// </summary>
public static class SitemapWriter
{
    public const string SitemapNs = "http://www.sitemaps.org/schemas/sitemap/0.9";
    public const string NewsNs = "http://www.google.com/schemas/sitemap-news/0.9";
    public const string ImageNs = "http://www.google.com/schemas/sitemap-image/1.1";
    public const string ContentType = "application/xml; charset=utf-8";

    /// <summary>A urlset: every URL with its lastmod, news:news and image:image when it has them.</summary>
    public static byte[] UrlSet(IEnumerable<SitemapUrl> urls) => Write(w =>
    {
        w.WriteStartElement("urlset", SitemapNs);
        w.WriteAttributeString("xmlns", "news", null, NewsNs);
        w.WriteAttributeString("xmlns", "image", null, ImageNs);
        foreach (var url in urls)
        {
            w.WriteStartElement("url", SitemapNs);
            w.WriteElementString("loc", SitemapNs, url.Location.AbsoluteUri);
            w.WriteElementString("lastmod", SitemapNs, Xml.Rfc3339(url.LastModified));
            if (url.News is { } news)
            {
                w.WriteStartElement("news", NewsNs);
                w.WriteStartElement("publication", NewsNs);
                w.WriteElementString("name", NewsNs, news.PublicationName);
                w.WriteElementString("language", NewsNs, news.Language);
                w.WriteEndElement();
                w.WriteElementString("publication_date", NewsNs, Xml.Rfc3339(news.Published));
                w.WriteElementString("title", NewsNs, news.Title);
                w.WriteEndElement();
            }
            foreach (var image in url.Images ?? [])
            {
                w.WriteStartElement("image", ImageNs);
                w.WriteElementString("loc", ImageNs, image.AbsoluteUri);
                w.WriteEndElement();
            }
            w.WriteEndElement();
        }
        w.WriteEndElement();
    });

    /// <summary>A sitemapindex: one sitemap element per page.</summary>
    public static byte[] Index(IEnumerable<Uri> sitemaps) => Write(w =>
    {
        w.WriteStartElement("sitemapindex", SitemapNs);
        foreach (var sitemap in sitemaps)
        {
            w.WriteStartElement("sitemap", SitemapNs);
            w.WriteElementString("loc", SitemapNs, sitemap.AbsoluteUri);
            w.WriteEndElement();
        }
        w.WriteEndElement();
    });

    private static byte[] Write(Action<XmlWriter> write)
    {
        using var stream = new MemoryStream();
        using (var w = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new System.Text.UTF8Encoding(false), Indent = true }))
        {
            w.WriteStartDocument();
            write(w);
        }
        return stream.ToArray();
    }
}
