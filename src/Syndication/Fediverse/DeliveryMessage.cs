using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Syndication.Storage;

namespace Syndication.Fediverse;

/// <summary>
/// A message on the delivery queue. "fanout": one per change (Create, Update or Delete of an article), expanded into one
/// "deliver" per inbox; "deliver": one activity to one inbox (or an Accept to a new follower), retried with back-off.
/// </summary>
public sealed record DeliveryMessage
{
    public const string FanOut = "fanout";
    public const string Deliver = "deliver";
    public const string Purge = "purge";

    public required string Kind { get; init; }
    /// <summary>Create, Update, Delete or Accept.</summary>
    public required string Type { get; init; }
    public string? Slug { get; init; }
    /// <summary>Names the article's version (its content hash and update time): part of the activity id.</summary>
    public string? Version { get; init; }
    /// <summary>When the change happened (published, updated or withdrawn).</summary>
    public DateTimeOffset When { get; init; }
    /// <summary>Our public origin the receiver knows us by; the inbox to post to.</summary>
    public string? Origin { get; init; }
    public string? Inbox { get; init; }
    /// <summary>For an Accept: the Follow's id and its actor.</summary>
    public string? FollowId { get; init; }
    public string? Follower { get; init; }
    /// <summary>For a purge: the first replay bucket kept.</summary>
    public long Bucket { get; init; }
    public int Attempt { get; init; } = 1;
    public DateTimeOffset FirstTry { get; init; }

    /// <summary>The change an article's save or removal makes, or null when followers see no difference.</summary>
    public static DeliveryMessage? ForChange(StoredArticle? before, StoredArticle? after, DateTimeOffset now)
    {
        if (after is not null && before is not null && before.ContentHash == after.ContentHash) return null;
        var (type, article) = before is null ? ("Create", after) : after is null ? ("Delete", before) : ("Update", after);
        if (article is null) return null;
        var when = type switch { "Create" => article.Published, "Update" => article.Updated, _ => now };
        return new DeliveryMessage { Kind = FanOut, Type = type, Slug = article.Slug, Version = VersionOf(article), When = when, FirstTry = now };
    }

    /// <summary>The key that makes one change go out once, whichever instance or retry announces it.</summary>
    public string ChangeKey => $"{Type}|{Slug}|{Version}";

    public string ToJson() => JsonSerializer.Serialize(this);

    /// <summary>The message, or null for text that is not one.</summary>
    public static DeliveryMessage? Parse(string text)
    {
        try
        {
            return JsonSerializer.Deserialize<DeliveryMessage>(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>An article version's name in activity ids.</summary>
    public static string VersionOf(StoredArticle article) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{article.ContentHash}|{article.Updated.UtcTicks}")))[..16];
}
