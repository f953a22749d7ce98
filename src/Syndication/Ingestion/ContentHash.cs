using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Syndication.Articles;
using Syndication.Storage;

namespace Syndication.Ingestion;

/// <summary>
/// The hashes that say whether readers would see a change: <see cref="StoredArticle.TextHash"/> (what the article
/// says, and its published date) and <see cref="StoredArticle.ContentHash"/> (that and its images). An unchanged hash
/// keeps `updated`, and the content hash names the body blob, so changing how either is computed moves every article.
/// </summary>
public static class ContentHash
{
    /// <summary>The hash of the parsed article (its body included) and its published date.</summary>
    public static string OfText(ParsedArticle parsed, DateTimeOffset published) => Of(JsonSerializer.Serialize(new { parsed, published }));

    /// <summary>The hash of the text hash and the images as readers see them.</summary>
    public static string OfContent(string textHash, IEnumerable<StoredImage> images) =>
        Of(textHash + "|" + JsonSerializer.Serialize(images.Select(i => i.Visible)));

    // The first 128 bits of the SHA-256 of the text, as lower-case hex.
    private static string Of(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 16));
}
