using System.Text.Json;
using Syndication.Articles;
using Syndication.Feeds;
using Syndication.Storage;

namespace Syndication.Partners;

/// <summary>A partner as the create route asks for it, checked field by field so that a 400 says exactly what is wrong.</summary>
public sealed record PartnerRequest(string Id, string? Name, IReadOnlyList<string> Feeds, int? Limit)
{
    /// <summary>The profile its RSS takes (<see cref="FeedProfiles"/>); standard unless asked.</summary>
    public string Profile { get; init; } = FeedProfiles.Standard.Name;

    public const string IdRule = "id must be lower-case letters, digits and single hyphens, at most 64 characters, like 'acme-news'";
    private const string FeedsRule = "feeds must be a list of \"all\" or feed paths like \"category/politics\", \"tag/city-council\", \"author/jane-doe\"";

    /// <summary>The request, or why the JSON is not one.</summary>
    public static (PartnerRequest? Request, string? Error) Parse(ReadOnlyMemory<byte> json, int maxLimit)
    {
        if (Document(json, out var invalid) is not { } document) return (null, invalid);
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object) return (null, "the body must be a JSON object like {\"id\":\"acme\",\"name\":\"Acme News\",\"feeds\":[\"all\"]}");
            var draft = new Draft();
            foreach (var field in document.RootElement.EnumerateObject())
                if (Read(field, draft, maxLimit) is { } error) return (null, error);
            return Complete(draft);
        }
    }

    // The fields as read so far (a repeated field: the last one counts).
    private sealed class Draft
    {
        public string? Id, Name;
        public List<string>? Feeds;
        public int? Limit;
        public string? Profile;
    }

    /// <summary>The profile a change asks for ({"profile":"msn"}), or why the JSON is not such a change.</summary>
    public static (string? Profile, string? Error) ParseProfile(ReadOnlyMemory<byte> json)
    {
        if (Document(json, out var invalid) is not { } document) return (null, invalid);
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty("profile", out var value))
                return (null, "the body must be a JSON object like {\"profile\":\"msn\"}; " + ProfileRule);
            foreach (var field in document.RootElement.EnumerateObject())
                if (field.Name != "profile") return (null, $"unknown field '{field.Name}'; only a partner's profile can be changed (rotate its password, or delete and create it)");
            return ReadProfile(value) is { } profile ? (profile, null) : (null, ProfileRule + $"; not {value.GetRawText()}");
        }
    }

    private static string ProfileRule => $"profile must be {FeedProfiles.List()}";

    private static string? ReadProfile(JsonElement value) =>
        value.ValueKind == JsonValueKind.String && FeedProfiles.Find(value.GetString()) is { } profile ? profile.Name : null;

    private static JsonDocument? Document(ReadOnlyMemory<byte> json, out string? invalid)
    {
        try
        {
            invalid = null;
            return JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 4 });
        }
        catch (JsonException e)
        {
            invalid = $"the body is not valid JSON: {e.Message.Split('\n')[0]}";
            return null;
        }
    }

    // One field into the draft, or why it is wrong.
    private static string? Read(JsonProperty field, Draft draft, int maxLimit)
    {
        var value = field.Value;
        switch (field.Name)
        {
            case "id" when value.ValueKind == JsonValueKind.String:
                draft.Id = value.GetString();
                return null;
            case "name" when value.ValueKind == JsonValueKind.String:
                draft.Name = CleanText.Line(value.GetString(), 200);
                return null;
            case "feeds" when value.ValueKind == JsonValueKind.Array && value.GetArrayLength() is > 0 and <= 100:
                return ReadFeeds(value, draft);
            case "limit" when value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var n) && n >= 1 && n <= maxLimit:
                draft.Limit = n;
                return null;
            case "profile":
                draft.Profile = ReadProfile(value);
                return draft.Profile is null ? ProfileRule + $"; not {value.GetRawText()}" : null;
            case "id":
                return IdRule;
            case "name":
                return "name must be a string";
            case "feeds":
                return FeedsRule + " (from 1 to 100 of them)";
            case "limit":
                return $"limit must be a whole number from 1 to {maxLimit}";
            default:
                return $"unknown field '{field.Name}'; a partner has id, name, feeds, limit and profile";
        }
    }

    private static string? ReadFeeds(JsonElement feeds, Draft draft)
    {
        draft.Feeds = [];
        foreach (var feed in feeds.EnumerateArray())
        {
            if (feed.ValueKind != JsonValueKind.String || !IsFeed(feed.GetString()!)) return $"{FeedsRule}; not {feed.GetRawText()}";
            draft.Feeds.Add(feed.GetString()!);
        }
        return null;
    }

    // The required fields present and valid: the request, its feeds each once.
    private static (PartnerRequest? Request, string? Error) Complete(Draft draft)
    {
        if (draft.Id is null) return (null, "id is required; " + IdRule);
        if (!PartnerId.IsValid(draft.Id)) return (null, IdRule);
        if (draft.Feeds is null) return (null, "feeds is required; " + FeedsRule);
        return (new PartnerRequest(draft.Id, string.IsNullOrEmpty(draft.Name) ? null : draft.Name, draft.Feeds.Distinct().ToList(), draft.Limit)
        {
            Profile = draft.Profile ?? FeedProfiles.Standard.Name,
        }, null);
    }

    private static bool IsFeed(string feed) =>
        feed == "all" || (feed.Split('/') is [var kind, var slug] && FeedKey.ParseKind(kind) is not null && FeedKey.IsSlug(slug));
}
