namespace Syndication.Feeds;

/// <summary>The feed formats we serve; chosen here, in one place, from the requested file name.</summary>
public enum FeedFormat { Rss, Atom, Json }

public static class FeedFormats
{
    public static readonly IReadOnlyList<FeedFormat> All = [FeedFormat.Rss, FeedFormat.Atom, FeedFormat.Json];

    /// <summary>Parses "all.rss" / "politics.atom" / "all.json" into the name and format; null for other extensions.</summary>
    public static (string Name, FeedFormat Format)? FromFileName(string file)
    {
        var dot = file.LastIndexOf('.');
        if (dot <= 0) return null;
        FeedFormat? format = file[(dot + 1)..] switch
        {
            "rss" => FeedFormat.Rss,
            "atom" => FeedFormat.Atom,
            "json" => FeedFormat.Json,
            _ => null,
        };
        return format is { } f ? (file[..dot], f) : null;
    }

    public static string Extension(FeedFormat format) => format switch
    {
        FeedFormat.Rss => "rss",
        FeedFormat.Atom => "atom",
        FeedFormat.Json => "json",
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    /// <summary>The bare media type (link elements, OPML).</summary>
    public static string MediaType(FeedFormat format) => format switch
    {
        FeedFormat.Rss => "application/rss+xml",
        FeedFormat.Atom => "application/atom+xml",
        FeedFormat.Json => "application/feed+json",
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    /// <summary>The Content-Type with charset that feed readers and validators expect.</summary>
    public static string ContentType(FeedFormat format) => MediaType(format) + "; charset=utf-8";

    /// <summary>Renders the feed in the format: the one switch over writers.</summary>
    public static byte[] Write(Feed feed, FeedFormat format) => format switch
    {
        FeedFormat.Rss => RssWriter.Write(feed),
        FeedFormat.Atom => AtomWriter.Write(feed),
        FeedFormat.Json => JsonFeedWriter.Write(feed),
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    /// <summary>The feed's own fields with items already rendered by <see cref="WriteItem"/> in the same format.</summary>
    public static byte[] Write(Feed feed, FeedFormat format, IReadOnlyList<byte[]> items) => format switch
    {
        FeedFormat.Rss => RssWriter.Write(feed, items),
        FeedFormat.Atom => AtomWriter.Write(feed, items),
        FeedFormat.Json => JsonFeedWriter.Write(feed, items),
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    /// <summary>One item as the format writes it inside a feed: the fragment <see cref="Write(Feed, FeedFormat, IReadOnlyList{byte[]})"/> copies.</summary>
    public static byte[] WriteItem(FeedItem item, FeedFormat format) => format switch
    {
        FeedFormat.Rss => RssWriter.Item(item),
        FeedFormat.Atom => AtomWriter.Item(item),
        FeedFormat.Json => JsonFeedWriter.Item(item),
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };
}
