using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Syndication.Articles;
using Syndication.Feeds;

namespace Syndication.Fediverse;

/// <summary>
/// The JSON we serve and send, as pure functions of the feed model: the WebFinger answer, the actor, an article as an
/// ActivityStreams <c>Article</c>, the activities around it and the collections. Mastodon does not JSON-LD-compact
/// unsigned payloads, so the compact names it uses are written as they are.
/// </summary>
public static class ActivityDocuments
{
    public const string MediaType = "application/activity+json";
    public const string Public = "https://www.w3.org/ns/activitystreams#Public";
    private const string As = "https://www.w3.org/ns/activitystreams";
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The document as UTF-8 bytes.</summary>
    public static byte[] Bytes(JsonNode node) => JsonSerializer.SerializeToUtf8Bytes(node, Json);

    /// <summary>The JRD for acct:{handle}@{host}: one "self" link to the actor (older Mastodon keys links by rel) and the home page.</summary>
    public static JsonObject WebFinger(FediverseUrls urls) => new()
    {
        ["subject"] = urls.Acct,
        ["aliases"] = new JsonArray(urls.Actor.AbsoluteUri),
        ["links"] = new JsonArray(
            new JsonObject { ["rel"] = "self", ["type"] = MediaType, ["href"] = urls.Actor.AbsoluteUri },
            new JsonObject { ["rel"] = "http://webfinger.net/rel/profile-page", ["type"] = "text/html", ["href"] = urls.Site.Home().AbsoluteUri }),
    };

    /// <summary>The publication as a <c>Service</c> actor (Mastodon shows it as automated), with its public key.</summary>
    public static JsonObject Actor(FediverseUrls urls, string name, string summary, Uri? icon, string publicKeyPem)
    {
        var actor = new JsonObject
        {
            ["@context"] = new JsonArray(As, "https://w3id.org/security/v1", new JsonObject
            {
                ["manuallyApprovesFollowers"] = "as:manuallyApprovesFollowers",
                ["toot"] = "http://joinmastodon.org/ns#",
                ["discoverable"] = "toot:discoverable",
                ["indexable"] = "toot:indexable",
            }),
            ["id"] = urls.Actor.AbsoluteUri,
            ["type"] = "Service",
            ["preferredUsername"] = urls.Handle,
            ["name"] = name,
            ["summary"] = "<p>" + Html.Encode(summary) + "</p>",
            ["url"] = urls.Site.Home().AbsoluteUri,
            ["inbox"] = urls.Inbox.AbsoluteUri,
            ["outbox"] = urls.Outbox.AbsoluteUri,
            ["followers"] = urls.Followers.AbsoluteUri,
            ["endpoints"] = new JsonObject { ["sharedInbox"] = urls.Inbox.AbsoluteUri },
            ["manuallyApprovesFollowers"] = false,
            ["discoverable"] = true,
            ["indexable"] = true,
            ["publicKey"] = new JsonObject { ["id"] = urls.KeyId, ["owner"] = urls.Actor.AbsoluteUri, ["publicKeyPem"] = publicKeyPem },
        };
        if (icon is not null) actor["icon"] = new JsonObject { ["type"] = "Image", ["url"] = icon.AbsoluteUri };
        return actor;
    }

    /// <summary>
    /// An article as an <c>Article</c>: name, summary, content (our sanitized HTML), url (its page), dates, images with
    /// type, size and alt text, and its tags as hashtags; public, cc the followers. Mastodon shows title, summary and link.
    /// </summary>
    public static JsonObject Article(FeedItem item, FediverseUrls urls) => new()
    {
        ["id"] = item.Link.AbsoluteUri,
        ["type"] = "Article",
        ["attributedTo"] = urls.Actor.AbsoluteUri,
        ["name"] = item.Title,
        ["summary"] = item.Summary,
        ["content"] = string.Concat(item.ContentHtml),
        ["mediaType"] = "text/html",
        ["url"] = item.Link.AbsoluteUri,
        ["published"] = item.Published.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ"),
        ["updated"] = item.Updated.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ"),
        ["to"] = new JsonArray(Public),
        ["cc"] = new JsonArray(urls.Followers.AbsoluteUri),
        ["attachment"] = new JsonArray(item.Images.Take(4).Select(Image).ToArray<JsonNode?>()),
        ["tag"] = new JsonArray(item.Tags.Select(t => Hashtag(t, urls)).OfType<JsonNode>().ToArray<JsonNode?>()),
    };

    /// <summary>A Create or Update (with <paramref name="type"/>) of the article, or a Delete of its page's id with a Tombstone.</summary>
    public static JsonObject Activity(string type, string id, JsonNode @object, FediverseUrls urls, DateTimeOffset when) => new()
    {
        ["@context"] = As,
        ["id"] = id,
        ["type"] = type,
        ["actor"] = urls.Actor.AbsoluteUri,
        [type == "Update" ? "updated" : "published"] = when.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ"),
        ["to"] = new JsonArray(Public),
        ["cc"] = new JsonArray(urls.Followers.AbsoluteUri),
        ["object"] = @object,
    };

    /// <summary>What a Delete carries: the withdrawn article's id as a Tombstone.</summary>
    public static JsonObject Tombstone(Uri article, DateTimeOffset deleted) => new()
    {
        ["id"] = article.AbsoluteUri,
        ["type"] = "Tombstone",
        ["formerType"] = "Article",
        ["deleted"] = deleted.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ"),
    };

    /// <summary>The Accept of a Follow, embedding it (Mastodon matches by its id, else by its actor).</summary>
    public static JsonObject Accept(FediverseUrls urls, string followId, string follower) => new()
    {
        ["@context"] = As,
        ["id"] = $"{urls.Actor.AbsoluteUri}#accepts/{StableId.For(followId):N}",
        ["type"] = "Accept",
        ["actor"] = urls.Actor.AbsoluteUri,
        ["object"] = new JsonObject { ["id"] = followId, ["type"] = "Follow", ["actor"] = follower, ["object"] = urls.Actor.AbsoluteUri },
    };

    /// <summary>An OrderedCollection with a count and no list (the followers), or with a first page (the outbox).</summary>
    public static JsonObject Collection(Uri id, int? totalItems, Uri? first)
    {
        var collection = new JsonObject { ["@context"] = As, ["id"] = id.AbsoluteUri, ["type"] = "OrderedCollection" };
        if (totalItems is { } n) collection["totalItems"] = n;
        if (first is not null) collection["first"] = first.AbsoluteUri;
        return collection;
    }

    /// <summary>One page of the outbox, newest first, with the next (older) page when there is one.</summary>
    public static JsonObject CollectionPage(Uri id, Uri partOf, Uri? next, IEnumerable<JsonNode> items)
    {
        var page = new JsonObject
        {
            ["@context"] = As, ["id"] = id.AbsoluteUri, ["type"] = "OrderedCollectionPage", ["partOf"] = partOf.AbsoluteUri,
            ["orderedItems"] = new JsonArray(items.ToArray<JsonNode?>()),
        };
        if (next is not null) page["next"] = next.AbsoluteUri;
        return page;
    }

    private static JsonObject Image(FeedImage image)
    {
        var node = new JsonObject { ["type"] = "Image", ["url"] = image.Url.AbsoluteUri };
        if (image.ContentType.Length > 0) node["mediaType"] = image.ContentType;
        if (image.Width > 0) node["width"] = image.Width;
        if (image.Height > 0) node["height"] = image.Height;
        if ((image.Alt ?? image.Caption) is { Length: > 0 } alt) node["name"] = alt;
        return node;
    }

    // "#" and the tag's letters and digits (Mastodon's hashtags have no spaces or punctuation), linked to the tag's page.
    private static JsonObject? Hashtag(string tag, FediverseUrls urls)
    {
        var name = new string(tag.Where(c => char.IsLetterOrDigit(c) || c == '_').ToArray());
        if (name.Length == 0 || FeedKey.Slugify(tag) is not { Length: > 0 } slug) return null;
        return new JsonObject { ["type"] = "Hashtag", ["name"] = "#" + name, ["href"] = urls.Site.FeedPreview(new FeedKey(FeedKind.Tag, slug)).AbsoluteUri };
    }
}
