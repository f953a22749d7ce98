using System.Collections;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Syndication.Articles;
using Syndication.Storage;

namespace Syndication.Ingestion;

/// <summary>
/// The hashes that say whether readers would see a change: <see cref="StoredArticle.TextHash"/> (what the article
/// says, and its published date) and <see cref="StoredArticle.ContentHash"/> (that and its images). An unchanged hash
/// keeps `updated`, and the content hash names the body blob, so a change in how either is computed would move every
/// article. A property added to the model is therefore hashed only when it holds something: a new field that an
/// article leaves empty changes none of its hashes.
/// </summary>
public static class ContentHash
{
    /// <summary>The hash of the parsed article (its body included) and its published date.</summary>
    public static string OfText(ParsedArticle parsed, DateTimeOffset published) => Of(Json(new { parsed, published }));

    /// <summary>The hash of the text hash and the images as readers see them.</summary>
    public static string OfContent(string textHash, IEnumerable<StoredImage> images) => Of(textHash + "|" + Json(images.Select(i => i.Visible)));

    /// <summary>What is hashed: JSON in which a property the hash has not always written is left out when empty.</summary>
    internal static string Json<T>(T value) => JsonSerializer.Serialize(value, Options);

    // The properties the hash wrote before issue 23 even when null or empty. Frozen, never to grow: it keeps today's
    // articles hashing byte for byte as they were saved. Any other property is left out when it is null, "", an empty
    // list or its type's default (0, false).
    private static readonly HashSet<(Type, string)> AlwaysWritten =
    [
        (typeof(ArticleFields), nameof(ArticleFields.Title)), (typeof(ArticleFields), nameof(ArticleFields.Summary)),
        (typeof(ArticleFields), nameof(ArticleFields.Authors)), (typeof(ArticleFields), nameof(ArticleFields.Categories)),
        (typeof(ArticleFields), nameof(ArticleFields.Tags)), (typeof(ArticleFields), nameof(ArticleFields.Language)),
        (typeof(ParsedArticle), nameof(ParsedArticle.BodyHtml)), (typeof(ParsedArticle), nameof(ParsedArticle.Published)),
        (typeof(ParsedArticle), nameof(ParsedArticle.Updated)), (typeof(ParsedArticle), nameof(ParsedArticle.Images)),
        (typeof(ImageDescription), nameof(ImageDescription.File)), (typeof(ImageDescription), nameof(ImageDescription.Caption)),
        (typeof(ImageDescription), nameof(ImageDescription.Credit)), (typeof(ImageDescription), nameof(ImageDescription.Alt)),
        (typeof(ImageDescription), nameof(ImageDescription.Url)),
        (typeof(StoredImage), nameof(StoredImage.File)), (typeof(StoredImage), nameof(StoredImage.SourceETag)),
        (typeof(StoredImage), nameof(StoredImage.Length)), (typeof(StoredImage), nameof(StoredImage.ContentType)),
        (typeof(StoredImage), nameof(StoredImage.Width)), (typeof(StoredImage), nameof(StoredImage.Height)),
        (typeof(StoredImage), nameof(StoredImage.Caption)), (typeof(StoredImage), nameof(StoredImage.Credit)),
        (typeof(StoredImage), nameof(StoredImage.Alt)), (typeof(StoredImage), nameof(StoredImage.RemoteUrl)),
        (typeof(StoredImage), nameof(StoredImage.Sha256)), (typeof(StoredImage), nameof(StoredImage.Renditions)),
        (typeof(StoredImage), nameof(StoredImage.IsLocal)),
        (typeof(StoredRendition), nameof(StoredRendition.Name)), (typeof(StoredRendition), nameof(StoredRendition.Role)),
        (typeof(StoredRendition), nameof(StoredRendition.ContentType)), (typeof(StoredRendition), nameof(StoredRendition.Width)),
        (typeof(StoredRendition), nameof(StoredRendition.Height)), (typeof(StoredRendition), nameof(StoredRendition.Length)),
    ];

    private static readonly JsonSerializerOptions Options = new()
    {
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { LeaveOutNewEmptyProperties } },
    };

    private static void LeaveOutNewEmptyProperties(JsonTypeInfo type)
    {
        foreach (var property in type.Properties)
        {
            if (property.AttributeProvider is not MemberInfo { DeclaringType: { } declaring } member
                || AlwaysWritten.Contains((declaring, member.Name))) continue;
            var empty = property.PropertyType.IsValueType && Nullable.GetUnderlyingType(property.PropertyType) is null
                ? Activator.CreateInstance(property.PropertyType) : null;
            property.ShouldSerialize = (_, value) => !IsEmpty(value, empty);
        }
    }

    private static bool IsEmpty(object? value, object? empty) => value switch
    {
        null => true,
        string s => s.Length == 0,
        IEnumerable items => !items.Cast<object?>().Any(),
        _ => value.Equals(empty),
    };

    private static string Of(string text) => Hex(text, 16);

    /// <summary>The first <paramref name="bytes"/> bytes of the SHA-256 of the text's UTF-8, as lower-case hex: every hash ingestion keeps.</summary>
    internal static string Hex(string text, int bytes) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, bytes));
}
