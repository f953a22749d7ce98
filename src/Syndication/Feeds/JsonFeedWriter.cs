using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Syndication.Feeds;

/// <summary>JSON Feed 1.1: every image as an attachment, the lead image as image and banner_image.</summary>
public static class JsonFeedWriter
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Items sit in the items array: two levels of two spaces.</summary>
    private static readonly byte[] ItemIndent = "\n    "u8.ToArray();

    /// <summary>
    /// One item as the items array holds it: written alone, then each line indented to its depth in the array (a JSON
    /// string holds no raw line break, so every one is the writer's own), its leading line break included.
    /// </summary>
    public static void Item(FeedItem item, IBufferWriter<byte> destination)
    {
        var buffer = RenderBuffer.RentWriter();
        using (var w = new Utf8JsonWriter(buffer, Options)) Item(w, item);
        var written = buffer.WrittenSpan;
        var length = ItemIndent.Length + written.Length + written.Count((byte)'\n') * (ItemIndent.Length - 1);
        var output = destination.GetSpan(length)[..length];
        ItemIndent.CopyTo(output);
        output = output[ItemIndent.Length..];
        while (written.IndexOf((byte)'\n') is var line and >= 0)
        {
            written[..line].CopyTo(output);
            ItemIndent.CopyTo(output[line..]);
            output = output[(line + ItemIndent.Length)..];
            written = written[(line + 1)..];
        }
        written.CopyTo(output);
        destination.Advance(length);
        RenderBuffer.Release(buffer);
    }

    /// <summary>The feed around items written by <see cref="Item(FeedItem, IBufferWriter{byte})"/> (the commas between them are the array's).</summary>
    public static byte[] Feed(Feed feed, IReadOnlyList<ReadOnlyMemory<byte>> items)
    {
        var buffer = RenderBuffer.RentWriter();
        using (var w = new Utf8JsonWriter(buffer, Options))
        {
            w.WriteStartObject();
            w.WriteString("version", "https://jsonfeed.org/version/1.1");
            w.WriteString("title", feed.Title);
            w.WriteString("home_page_url", feed.Link.AbsoluteUri);
            w.WriteString("feed_url", feed.SelfUrl.AbsoluteUri);
            w.WriteString("description", feed.Description);
            if (feed.NextUrl is { } next) w.WriteString("next_url", next.AbsoluteUri);
            if ((feed.ImageUrl ?? feed.IconUrl) is { } icon) w.WriteString("icon", icon.AbsoluteUri);
            if (feed.IconUrl is { } favicon) w.WriteString("favicon", favicon.AbsoluteUri);
            if (feed.Language is { } language) w.WriteString("language", language);
            w.WriteStartArray("authors");
            w.WriteStartObject();
            w.WriteString("name", feed.Author ?? feed.Title);
            w.WriteEndObject();
            w.WriteEndArray();
            if (feed.HubUrl is { } hub)
            {
                w.WriteStartArray("hubs");
                w.WriteStartObject();
                w.WriteString("type", "WebSub");
                w.WriteString("url", hub.AbsoluteUri);
                w.WriteEndObject();
                w.WriteEndArray();
            }
            w.WriteStartArray("items");
            foreach (var item in items)
            {
                w.WriteRawValue(item.Span, skipInputValidation: true);
                w.Flush(); // commits the item to the render buffer the writer writes into
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return RenderBuffer.Return(buffer);
    }

    // One item's members in the order JSON Feed lists them, then our extension and the attachments.
    private static void Item(Utf8JsonWriter w, FeedItem item)
    {
        w.WriteStartObject();
        w.WriteString("id", item.Id);
        w.WriteString("url", item.Link.AbsoluteUri);
        w.WriteString("title", item.Title);
        ContentHtml(w, item.ContentHtml);
        if (item.Summary is { } summary) w.WriteString("summary", summary);
        LeadImage(w, item.Images);
        w.WriteString("date_published", Xml.Rfc3339(item.Published));
        w.WriteString("date_modified", Xml.Rfc3339(item.Updated));
        Authors(w, item.Authors);
        Tags(w, item.Categories.Concat(item.Tags).Distinct(StringComparer.OrdinalIgnoreCase).ToList());
        if (item.Language is { } language) w.WriteString("language", language);
        Extension(w, item);
        Attachments(w, item.Images);
        w.WriteEndObject();
    }

    // The content's pieces written as one string, never joined into one more copy of the body.
    private static void ContentHtml(Utf8JsonWriter w, IReadOnlyList<string> pieces)
    {
        w.WritePropertyName("content_html");
        if (pieces.Count == 0) w.WriteStringValue("");
        for (var i = 0; i < pieces.Count; i++) w.WriteStringValueSegment(pieces[i], isFinalSegment: i == pieces.Count - 1);
    }

    // The lead image as image and banner_image: its promo rendition (1.91:1, 1200 wide) when it has one.
    private static void LeadImage(Utf8JsonWriter w, IReadOnlyList<FeedImage> images)
    {
        if (images.Count == 0) return;
        var banner = FeedRendition.Pick(images[0].Renditions, FeedRendition.Promo)?.Url ?? images[0].Url;
        w.WriteString("image", banner.AbsoluteUri);
        w.WriteString("banner_image", banner.AbsoluteUri);
    }

    private static void Authors(Utf8JsonWriter w, IReadOnlyList<string> authors)
    {
        if (authors.Count == 0) return;
        w.WriteStartArray("authors");
        foreach (var author in authors)
        {
            w.WriteStartObject();
            w.WriteString("name", author);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    // Categories and tags are one list in JSON Feed.
    private static void Tags(Utf8JsonWriter w, List<string> tags)
    {
        if (tags.Count == 0) return;
        w.WriteStartArray("tags");
        foreach (var tag in tags) w.WriteStringValue(tag);
        w.WriteEndArray();
    }

    // Our extension (JSON Feed 1.1 "_" keys): whether date_published is the publisher's or our receipt time.
    private static void Extension(Utf8JsonWriter w, FeedItem item)
    {
        w.WriteStartObject("_syndication");
        w.WriteBoolean("date_stated", item.DateStated);
        w.WriteEndObject();
    }

    // Attachments need a MIME type: only the images whose bytes we know.
    private static void Attachments(Utf8JsonWriter w, IReadOnlyList<FeedImage> images)
    {
        if (!images.Any(i => i.IsKnown)) return;
        w.WriteStartArray("attachments");
        foreach (var image in images.Where(i => i.IsKnown))
        {
            w.WriteStartObject();
            w.WriteString("url", image.Url.AbsoluteUri);
            w.WriteString("mime_type", image.ContentType);
            if ((image.Caption ?? image.Alt) is { } title) w.WriteString("title", title);
            w.WriteNumber("size_in_bytes", image.Length);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }
}
