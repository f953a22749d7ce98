namespace Syndication.Feeds;

/// <summary>A rendition of a feed image: absolute URL, role ("thumbnail", "promo", "square"), true type, pixel size and length.</summary>
public sealed record FeedRendition(Uri Url, string Role, string ContentType, int Width, int Height, long Length)
{
    public const string Thumbnail = "thumbnail", Promo = "promo";

    /// <summary>The rendition of a role that every reader can show (JPEG or PNG before WebP), or null when there is none.</summary>
    public static FeedRendition? Pick(IReadOnlyList<FeedRendition> renditions, string role) =>
        renditions.Where(r => r.Role == role).OrderBy(r => r.ContentType == "image/webp").FirstOrDefault();
}
