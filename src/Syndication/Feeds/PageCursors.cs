using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Syndication.Security;
using Syndication.Storage;
using Syndication.Articles;

namespace Syndication.Feeds;

/// <summary>What a cursor is for: one feed's older or newer pages, or the articles sitemap's pages.</summary>
public readonly record struct CursorUse(string Name)
{
    /// <summary>The next (older) pages of a feed, whatever its format, partner or limit.</summary>
    public static CursorUse After(FeedKey key) => new($"feed:{key.Path}:after");

    /// <summary>The previous (newer) pages of a feed: a scan from the top, so bound apart from <see cref="After"/>.</summary>
    public static CursorUse Before(FeedKey key) => new($"feed:{key.Path}:before");

    /// <summary>The pages of the articles sitemap's index.</summary>
    public static readonly CursorUse Sitemap = new("sitemap:articles:after");
}

/// <summary>
/// The page cursors we issue in feed and sitemap links: a position "{inverted publish ticks}|{slug}", then "." and a
/// 128-bit HMAC-SHA256 tag (base64url, 22 characters) over the cursor's use and position, with the server key's
/// "cursor" key. A made-up, altered or cut cursor, or one issued for another use, reads as null before any storage
/// call, so a new value can no longer miss every cache and start a query. A cursor is a position, not an article: it
/// keeps working after its article is gone. Cursors signed with the previous server key verify during a rotation.
/// </summary>
public sealed partial class PageCursors(ServerKey key)
{
    private const int TagBytes = 16;
    private readonly byte[] signing = key.For("cursor");
    private readonly IReadOnlyList<byte[]> verifying = key.Verifying("cursor");

    /// <summary>The signed cursor for a position the store returned.</summary>
    public string Issue(CursorUse use, string position) => position + "." + Tag(signing, use, position);

    /// <summary>The position of a cursor this service issued for <paramref name="use"/>, or null for anything else.</summary>
    public string? Read(CursorUse use, string cursor)
    {
        var dot = cursor.LastIndexOf('.');
        if (dot < 0 || !PositionPattern().IsMatch(cursor.AsSpan(0, dot))) return null;
        var position = cursor[..dot];
        var tag = Encoding.ASCII.GetBytes(cursor[(dot + 1)..]);
        // Compared as text, not decoded bytes: base64url's unused low bits would otherwise let a changed last character pass.
        return verifying.Any(k => CryptographicOperations.FixedTimeEquals(tag, Encoding.ASCII.GetBytes(Tag(k, use, position)))) ? position : null;
    }

    private static string Tag(byte[] key, CursorUse use, string position) =>
        Base64Url.EncodeToString(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(use.Name + "\n" + position)).AsSpan(0, TagBytes));

    // What the store's positions look like (ArticleStore.Order): checked first, so a long made-up value costs no hash.
    [GeneratedRegex(@"\A\d{19}\|[A-Za-z0-9_-]{1,128}\z")]
    private static partial Regex PositionPattern();
}
