using System.Reflection;
using System.Text.Json;
using Azure.Data.Tables;
using Syndication.Articles;

namespace Syndication.Storage;

// Entity mapping: stays inside the store. Each ArticleFields property is a column of its own name (text as is, lists
// as JSON; a property holds up to 64 KiB), so a new field is stored without a change here.
public sealed partial class ArticleStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static readonly PropertyInfo[] FieldColumns =
        typeof(ArticleFields).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.Name != "EqualityContract").ToArray();

    private static TableEntity ToEntity(StoredArticle a, string rowKey)
    {
        var e = new TableEntity(FeedPartition, rowKey)
        {
            ["Id"] = a.Id,
            ["Slug"] = a.Slug,
            ["Published"] = a.Published,
            ["DateStated"] = a.DateStated,
            ["Updated"] = a.Updated,
            ["Images"] = JsonSerializer.Serialize(a.Images, Json),
            ["BodyBlob"] = a.BodyBlob,
            ["SourceBlob"] = a.SourceBlob,
            ["SourceETag"] = a.SourceETag,
            ["SourceSignature"] = a.SourceSignature,
            ["ContentHash"] = a.ContentHash,
            ["TextHash"] = a.TextHash,
        };
        foreach (var p in FieldColumns)
            e[p.Name] = p.GetValue(a) is { } value && p.PropertyType != typeof(string) ? JsonSerializer.Serialize(value, p.PropertyType, Json) : p.GetValue(a);
        return e;
    }

    private static StoredArticle ToArticle(TableEntity e) => new(Fields(e))
    {
        Id = e.GetGuid("Id") ?? Guid.Empty,
        Slug = e.GetString("Slug"),
        Published = e.GetDateTimeOffset("Published") ?? DateTimeOffset.UnixEpoch,
        DateStated = e.GetBoolean("DateStated") ?? true,
        Updated = e.GetDateTimeOffset("Updated") ?? DateTimeOffset.UnixEpoch,
        Images = List<StoredImage>(e, "Images"),
        BodyBlob = e.GetString("BodyBlob"),
        SourceBlob = e.GetString("SourceBlob"),
        SourceETag = e.GetString("SourceETag") ?? "",
        SourceSignature = e.GetString("SourceSignature") ?? "",
        ContentHash = e.GetString("ContentHash") ?? "",
        TextHash = e.GetString("TextHash") ?? "",
    };

    private static ArticleFields Fields(TableEntity e)
    {
        var fields = new ArticleFields();
        foreach (var p in FieldColumns)
        {
            if (e.GetString(p.Name) is not { } text) continue;
            if (p.PropertyType == typeof(string)) p.SetValue(fields, text);
            else if (text.Length > 0 && JsonSerializer.Deserialize(text, p.PropertyType, Json) is { } value) p.SetValue(fields, value);
        }
        return fields;
    }

    private static IReadOnlyList<T> List<T>(TableEntity e, string name) =>
        e.GetString(name) is { Length: > 0 } json ? JsonSerializer.Deserialize<List<T>>(json, Json) ?? [] : [];
}
