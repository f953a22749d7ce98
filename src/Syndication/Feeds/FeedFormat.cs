namespace Syndication.Feeds;

/// <summary>The feed formats we serve; chosen here, in one place, from the requested file name.</summary>
public enum FeedFormat { Rss, Atom }

public static class FeedFormats
{
    /// <summary>Parses "all.rss" / "all.atom" into the feed name and format; null when the extension is not one we serve.</summary>
    public static (string Name, FeedFormat Format)? FromFileName(string file)
    {
        var dot = file.LastIndexOf('.');
        if (dot <= 0) return null;
        FeedFormat? format = file[(dot + 1)..].ToLowerInvariant() switch
        {
            "rss" or "xml" => FeedFormat.Rss,
            "atom" => FeedFormat.Atom,
            _ => null,
        };
        return format is { } f ? (file[..dot], f) : null;
    }

    public static string Extension(FeedFormat format) => format switch
    {
        FeedFormat.Rss => "rss",
        FeedFormat.Atom => "atom",
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    /// <summary>The media type with charset that feed readers and validators expect.</summary>
    public static string ContentType(FeedFormat format) => format switch
    {
        FeedFormat.Rss => "application/rss+xml; charset=utf-8",
        FeedFormat.Atom => "application/atom+xml; charset=utf-8",
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    /// <summary>Renders the feed in the format: the one switch over writers.</summary>
    public static byte[] Write(Feed feed, FeedFormat format) => format switch
    {
        FeedFormat.Rss => RssWriter.Write(feed),
        FeedFormat.Atom => AtomWriter.Write(feed),
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };
}
