using System.Text.Json.Serialization;

namespace Syndication.Storage;

/// <summary>
/// One published rendition of an image: its content-addressed file name (source hash, spec, type), role
/// ("thumbnail", "promo", "square"), MIME type, exact pixel size and byte length. Short JSON names: an article row holds
/// 20 images with their renditions in one 64 KiB column.
/// </summary>
public sealed record StoredRendition(
    [property: JsonPropertyName("n")] string Name,
    [property: JsonPropertyName("r")] string Role,
    [property: JsonPropertyName("t")] string ContentType,
    [property: JsonPropertyName("w")] int Width,
    [property: JsonPropertyName("h")] int Height,
    [property: JsonPropertyName("l")] long Length);
