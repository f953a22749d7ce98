using System.Text.Json;
using Azure.Data.Tables;

namespace Syndication.Storage;

// Entity mapping: stays inside the store. Lists are JSON strings (a property holds up to 64 KiB).
public sealed partial class ArticleStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static TableEntity ToEntity(StoredArticle a, string rowKey) => new(FeedPartition, rowKey)
    {
        ["Id"] = a.Id,
        ["Slug"] = a.Slug,
        ["Title"] = a.Title,
        ["Summary"] = a.Summary,
        ["Authors"] = JsonSerializer.Serialize(a.Authors, Json),
        ["Categories"] = JsonSerializer.Serialize(a.Categories, Json),
        ["Tags"] = JsonSerializer.Serialize(a.Tags, Json),
        ["Published"] = a.Published,
        ["Updated"] = a.Updated,
        ["Images"] = JsonSerializer.Serialize(a.Images, Json),
        ["Language"] = a.Language,
        ["BodyBlob"] = a.BodyBlob,
        ["SourceBlob"] = a.SourceBlob,
        ["SourceETag"] = a.SourceETag,
        ["SourceSignature"] = a.SourceSignature,
        ["ContentHash"] = a.ContentHash,
    };

    private static StoredArticle ToArticle(TableEntity e) => new()
    {
        Id = e.GetGuid("Id") ?? Guid.Empty,
        Slug = e.GetString("Slug"),
        Title = e.GetString("Title"),
        Summary = e.GetString("Summary"),
        Authors = List<string>(e, "Authors"),
        Categories = List<string>(e, "Categories"),
        Tags = List<string>(e, "Tags"),
        Published = e.GetDateTimeOffset("Published") ?? DateTimeOffset.UnixEpoch,
        Updated = e.GetDateTimeOffset("Updated") ?? DateTimeOffset.UnixEpoch,
        Images = List<StoredImage>(e, "Images"),
        Language = e.GetString("Language"),
        BodyBlob = e.GetString("BodyBlob"),
        SourceBlob = e.GetString("SourceBlob"),
        SourceETag = e.GetString("SourceETag") ?? "",
        SourceSignature = e.GetString("SourceSignature") ?? "",
        ContentHash = e.GetString("ContentHash") ?? "",
    };

    private static IReadOnlyList<T> List<T>(TableEntity e, string name) =>
        e.GetString(name) is { Length: > 0 } json ? JsonSerializer.Deserialize<List<T>>(json, Json) ?? [] : [];
}
