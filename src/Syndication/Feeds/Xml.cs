using System.Globalization;
using System.Text;
using System.Xml;

namespace Syndication.Feeds;

/// <summary>Shared XML plumbing of the RSS and Atom writers.</summary>
internal static class Xml
{
    public const string AtomNs = "http://www.w3.org/2005/Atom";
    public const string MediaNs = "http://search.yahoo.com/mrss/";
    public const string ContentNs = "http://purl.org/rss/1.0/modules/content/";
    public const string DcNs = "http://purl.org/dc/elements/1.1/";

    private static readonly XmlWriterSettings Settings = new()
    {
        Encoding = new UTF8Encoding(false),
        Indent = true,
        IndentChars = " ",
        CheckCharacters = true,
    };

    /// <summary>The document: declaration, stylesheet, then the body, given the writer and the stream under it.</summary>
    public static byte[] Write(Feed feed, Action<XmlWriter, Stream> body)
    {
        var stream = RenderBuffer.Rent();
        using (var writer = XmlWriter.Create(stream, Settings))
        {
            writer.WriteStartDocument();
            if (feed.StylesheetUrl is { } xsl)
                writer.WriteProcessingInstruction("xml-stylesheet", $"type=\"text/xsl\" href=\"{xsl.AbsoluteUri}\"");
            body(writer, stream);
            writer.WriteEndDocument();
        }
        return RenderBuffer.Return(stream);
    }

    /// <summary>
    /// The bytes <paramref name="write"/> produces after <paramref name="open"/> has written the elements around it as
    /// the feed does (same namespace declarations, same depth, a closed sibling before it): an item exactly as the feed
    /// writer would write it at that point, its leading newline and indent included.
    /// </summary>
    public static byte[] Fragment(Action<XmlWriter> open, Action<XmlWriter> write)
    {
        var stream = RenderBuffer.Rent();
        long start, end;
        using (var writer = XmlWriter.Create(stream, Settings))
        {
            open(writer);
            writer.Flush();
            start = stream.Length;
            write(writer);
            writer.Flush();
            end = stream.Length;
        }
        return RenderBuffer.Return(stream, start, end);
    }

    /// <summary>
    /// Copies rendered fragments straight to the output between the writer's own elements. The writer is flushed
    /// first; it then carries on as if it had written them, since each ends with a closed element like the one it
    /// last wrote.
    /// </summary>
    public static void Copy(XmlWriter writer, Stream output, IReadOnlyList<byte[]> fragments)
    {
        writer.Flush();
        foreach (var fragment in fragments) output.Write(fragment);
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

    /// <summary>Media RSS: one media:content per image with its description and credit.</summary>
    public static void MediaContent(XmlWriter w, FeedImage image)
    {
        w.WriteStartElement("media", "content", MediaNs);
        w.WriteAttributeString("url", image.Url.AbsoluteUri);
        if (image.IsKnown) w.WriteAttributeString("type", image.ContentType);
        w.WriteAttributeString("medium", "image");
        if (image.IsKnown) w.WriteAttributeString("fileSize", Number(image.Length));
        Size(w, image);
        if ((image.Caption ?? image.Alt) is { } description)
        {
            w.WriteStartElement("media", "description", MediaNs);
            w.WriteAttributeString("type", "plain");
            w.WriteString(description);
            w.WriteEndElement();
        }
        if (image.Credit is { } credit) w.WriteElementString("media", "credit", MediaNs, credit);
        w.WriteEndElement();
    }

    /// <summary>Media RSS thumbnail for the lead image.</summary>
    public static void MediaThumbnail(XmlWriter w, FeedImage image)
    {
        w.WriteStartElement("media", "thumbnail", MediaNs);
        w.WriteAttributeString("url", image.Url.AbsoluteUri);
        Size(w, image);
        w.WriteEndElement();
    }

    private static void Size(XmlWriter w, FeedImage image)
    {
        if (image.Width <= 0 || image.Height <= 0) return;
        w.WriteAttributeString("width", Number(image.Width));
        w.WriteAttributeString("height", Number(image.Height));
    }
}
