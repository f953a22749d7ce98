using System.Text.Json;
using Syndication.Articles;
using Syndication.Storage;

namespace Syndication.Partners;

/// <summary>A partner as the create route asks for it, checked field by field so that a 400 says exactly what is wrong.</summary>
public sealed record PartnerRequest(string Id, string? Name, IReadOnlyList<string> Feeds, int? Limit)
{
    public const string IdRule = "id must be lower-case letters, digits and single hyphens, at most 64 characters, like 'acme-news'";
    private const string FeedsRule = "feeds must be a list of \"all\" or feed paths like \"category/politics\", \"tag/city-council\", \"author/jane-doe\"";

    /// <summary>The request, or why the JSON is not one.</summary>
    public static (PartnerRequest? Request, string? Error) Parse(ReadOnlyMemory<byte> json, int maxLimit)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 4 });
        }
        catch (JsonException e)
        {
            return (null, $"the body is not valid JSON: {e.Message.Split('\n')[0]}");
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object) return (null, "the body must be a JSON object like {\"id\":\"acme\",\"name\":\"Acme News\",\"feeds\":[\"all\"]}");
            string? id = null, name = null;
            List<string>? feeds = null;
            int? limit = null;
            foreach (var field in document.RootElement.EnumerateObject())
            {
                switch (field.Name)
                {
                    case "id" when field.Value.ValueKind == JsonValueKind.String:
                        id = field.Value.GetString();
                        break;
                    case "name" when field.Value.ValueKind == JsonValueKind.String:
                        name = CleanText.Line(field.Value.GetString(), 200);
                        break;
                    case "feeds" when field.Value.ValueKind == JsonValueKind.Array && field.Value.GetArrayLength() is > 0 and <= 100:
                        feeds = [];
                        foreach (var feed in field.Value.EnumerateArray())
                        {
                            if (feed.ValueKind != JsonValueKind.String || !IsFeed(feed.GetString()!)) return (null, $"{FeedsRule}; not {feed.GetRawText()}");
                            feeds.Add(feed.GetString()!);
                        }
                        break;
                    case "limit" when field.Value.TryGetInt32(out var n) && n >= 1 && n <= maxLimit:
                        limit = n;
                        break;
                    case "id":
                        return (null, IdRule);
                    case "name":
                        return (null, "name must be a string");
                    case "feeds":
                        return (null, FeedsRule + " (from 1 to 100 of them)");
                    case "limit":
                        return (null, $"limit must be a whole number from 1 to {maxLimit}");
                    default:
                        return (null, $"unknown field '{field.Name}'; a partner has id, name, feeds and limit");
                }
            }
            if (id is null) return (null, "id is required; " + IdRule);
            if (!PartnerId.IsValid(id)) return (null, IdRule);
            if (feeds is null) return (null, "feeds is required; " + FeedsRule);
            return (new PartnerRequest(id, string.IsNullOrEmpty(name) ? null : name, feeds.Distinct().ToList(), limit), null);
        }
    }

    private static bool IsFeed(string feed) =>
        feed == "all" || (feed.Split('/') is [var kind, var slug] && FeedKey.ParseKind(kind) is not null && FeedKey.IsSlug(slug));
}
