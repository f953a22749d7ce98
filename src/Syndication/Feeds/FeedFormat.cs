using System.Buffers;

namespace Syndication.Feeds;

/// <summary>
/// One feed format: its file extension, media type, names, OPML type, whether browsers get our stylesheet, and its
/// writer. Everything that differs by format reads this row; a new format is a writer file and a row in
/// <see cref="FeedFormats"/>.
/// </summary>
public sealed class FeedFormat
{
    /// <summary>The extension of its URLs ("all.rss").</summary>
    public required string Extension { get; init; }
    /// <summary>The bare media type (link elements, OPML).</summary>
    public required string MediaType { get; init; }
    /// <summary>A short name for links ("RSS").</summary>
    public required string Name { get; init; }
    /// <summary>The name with its version ("RSS 2.0").</summary>
    public required string FullName { get; init; }
    /// <summary>The OPML outline type.</summary>
    public required string OpmlType { get; init; }
    /// <summary>Whether the feed carries our XSLT stylesheet, so a browser shows it as a page.</summary>
    public required bool Stylesheet { get; init; }
    /// <summary>One item, exactly the bytes the feed holds for it.</summary>
    public required Action<FeedItem, IBufferWriter<byte>> WriteItem { get; init; }
    /// <summary>The feed around items written by <see cref="WriteItem"/>, in order (feed.Items is not read).</summary>
    public required Func<Feed, IReadOnlyList<ReadOnlyMemory<byte>>, byte[]> WriteFeed { get; init; }
    /// <summary>Whether the writer writes <see cref="Feed.Tombstones"/> (so the feed service reads them for it).</summary>
    public bool Tombstones { get; init; }
    /// <summary>The partner profile whose row shapes this writer (<see cref="FeedProfile.Rss"/>); null for the table's own rows.</summary>
    public string? Profile { get; init; }

    /// <summary>The Content-Type with charset that feed readers and validators expect.</summary>
    public string ContentType => field ??= MediaType + "; charset=utf-8";

    /// <summary>The feed in this format: a pure function of the model. <see cref="ItemCache.Write"/> gives the same bytes.</summary>
    public byte[] Write(Feed feed)
    {
        // Every item into one buffer, then the feed around them: the output is the only copy allocated.
        var buffer = RenderBuffer.RentWriter();
        var ends = new int[feed.Items.Count];
        for (var i = 0; i < ends.Length; i++)
        {
            WriteItem(feed.Items[i], buffer);
            ends[i] = buffer.WrittenCount;
        }
        var written = buffer.WrittenMemory;
        var items = new ReadOnlyMemory<byte>[ends.Length];
        for (var i = 0; i < ends.Length; i++) items[i] = written[(i == 0 ? 0 : ends[i - 1])..ends[i]];
        var bytes = WriteFeed(feed, items);
        RenderBuffer.Release(buffer);
        return bytes;
    }

    /// <summary>One item's bytes on their own (what <see cref="ItemCache"/> keeps).</summary>
    public byte[] Item(FeedItem item)
    {
        var buffer = RenderBuffer.RentWriter();
        WriteItem(item, buffer);
        return RenderBuffer.Return(buffer);
    }

    public override string ToString() => Profile is null ? Extension : $"{Extension}+{Profile}";
}

/// <summary>The formats we serve: the one table, chosen from the requested file name.</summary>
public static class FeedFormats
{
    public static readonly FeedFormat Rss = new()
    {
        Extension = "rss", MediaType = "application/rss+xml", Name = "RSS", FullName = "RSS 2.0", OpmlType = "rss",
        Stylesheet = true, WriteItem = RssWriter.Item, WriteFeed = RssWriter.Feed,
    };

    public static readonly FeedFormat Atom = new()
    {
        Extension = "atom", MediaType = "application/atom+xml", Name = "Atom", FullName = "Atom 1.0", OpmlType = "atom",
        Stylesheet = true, WriteItem = AtomWriter.Item, WriteFeed = AtomWriter.Feed, Tombstones = true,
    };

    public static readonly FeedFormat Json = new()
    {
        Extension = "json", MediaType = "application/feed+json", Name = "JSON Feed", FullName = "JSON Feed 1.1", OpmlType = "json",
        Stylesheet = false, WriteItem = JsonFeedWriter.Item, WriteFeed = JsonFeedWriter.Feed,
    };

    public static readonly IReadOnlyList<FeedFormat> All = [Rss, Atom, Json];

    /// <summary>The format with this extension, or null.</summary>
    public static FeedFormat? FromExtension(string extension) => All.FirstOrDefault(f => f.Extension == extension);

    /// <summary>Parses "all.rss" / "politics.atom" / "all.json" into the name and format; null for other extensions.</summary>
    public static (string Name, FeedFormat Format)? FromFileName(string file)
    {
        var dot = file.LastIndexOf('.');
        return dot > 0 && FromExtension(file[(dot + 1)..]) is { } format ? (file[..dot], format) : null;
    }

    /// <summary>
    /// The extension of a feed's preview, the feed as a page for people ("all.html", "category/politics.html"). It is no
    /// format: readers never get it, OPML and discovery links never name it, and no row may take this extension.
    /// </summary>
    public const string PreviewExtension = "html";

    /// <summary>Parses "all.html" / "politics.html" into the feed's name; null for any other file.</summary>
    public static string? PreviewName(string file) =>
        file.Length > PreviewExtension.Length + 1 && file.EndsWith("." + PreviewExtension, StringComparison.Ordinal)
            ? file[..^(PreviewExtension.Length + 1)] : null;

    /// <summary>The extensions, for messages ("all.rss, all.atom or all.json").</summary>
    public static string List(string name) =>
        string.Join(", ", All.SkipLast(1).Select(f => $"{name}.{f.Extension}")) + $" or {name}.{All[^1].Extension}";
}
