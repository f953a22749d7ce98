using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Caching.Memory;

namespace Syndication.Fediverse;

/// <summary>A remote actor as far as we need it: its id, inboxes and the RSA public key named by a key id.</summary>
public sealed record RemoteActor(string Id, string Inbox, string? SharedInbox, string KeyId, string PublicKeyPem);

/// <summary>
/// Fetches the actor behind a signature's key id through <see cref="SafeHttp"/> (signed as our actor, for servers in
/// authorized-fetch mode) and keeps it an hour; a signature that fails against a kept key fetches it once again (the
/// sender may have rotated it). A key document that is not the actor is followed to its owner once.
/// </summary>
public sealed class RemoteActors(SafeHttp http, ActorKey ourKey, TimeProvider time) : IDisposable
{
    // At most 10,000 actors kept: a stranger with many keys cannot grow it further.
    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = 10_000 });
    // Failed key URLs, refetch times and per-client fetch counts (apart, so strangers' entries never evict kept actors).
    private readonly MemoryCache limits = new(new MemoryCacheOptions { SizeLimit = 50_000 });
    private static readonly TimeSpan Keep = TimeSpan.FromHours(1);

    /// <summary>
    /// The actor owning <paramref name="keyId"/>; throws <see cref="HttpRequestException"/> (with the reason) when it
    /// cannot be had. What a stranger's junk signatures cost is bounded: a key URL (without its fragment) that failed is
    /// not fetched again for a minute; a kept key URL is fetched again (a forced refresh, or another fragment) at most
    /// once in 5 minutes; one client address causes at most <see cref="FetchesPerClientMinute"/> fetches a minute.
    /// </summary>
    public async Task<RemoteActor> ByKeyIdAsync(string keyId, FediverseUrls ours, bool refresh, string client, CancellationToken ct)
    {
        var keyUrlText = keyId.Split('#')[0];
        var cacheKey = "fediverse-key|" + keyUrlText;
        if (cache.TryGetValue(cacheKey, out RemoteActor? kept))
        {
            if (!refresh && kept!.KeyId == keyId) return kept;
            if (!limits.TryGetValue("refetched|" + keyUrlText, out _)) limits.Set("refetched|" + keyUrlText, true, Entry(TimeSpan.FromMinutes(5)));
            else throw new HttpRequestException($"{keyUrlText} was fetched again less than 5 minutes ago");
        }
        if (limits.TryGetValue("failed|" + keyUrlText, out HttpRequestException? failed)) throw new HttpRequestException(failed!.Message, null, failed.StatusCode);
        var fetches = limits.GetOrCreate("client|" + client, e => { e.SetOptions(Entry(TimeSpan.FromMinutes(1))); return new StrongBox<int>(); })!;
        if (Interlocked.Increment(ref fetches.Value) > FetchesPerClientMinute) throw new HttpRequestException($"over {FetchesPerClientMinute} key fetches a minute from {client}");
        try
        {
            var actor = await FetchActorAsync(keyId, ours, ct);
            cache.Set(cacheKey, actor, Entry(Keep));
            return actor;
        }
        catch (HttpRequestException e)
        {
            limits.Set("failed|" + keyUrlText, e, Entry(TimeSpan.FromMinutes(1)));
            throw;
        }
    }

    /// <summary>The most key fetches one client address causes in a minute.</summary>
    public const int FetchesPerClientMinute = 30;

    private static MemoryCacheEntryOptions Entry(TimeSpan keep) => new() { AbsoluteExpirationRelativeToNow = keep, Size = 1 };

    private async Task<RemoteActor> FetchActorAsync(string keyId, FediverseUrls ours, CancellationToken ct)
    {
        if (!Uri.TryCreate(keyId.Split('#')[0], UriKind.Absolute, out var keyUrl) || !SafeHttp.Allowed(keyUrl))
            throw new HttpRequestException($"{keyId} is not an absolute http or https URL");
        var (document, fetched) = await FetchAsync(keyUrl, ours, ct);
        // Whose key this is: the actor the document is, or the owner a key document names.
        var actorId = document["inbox"] is null ? Text(document["owner"]) : Text(document["id"]);
        if (!Uri.TryCreate(actorId, UriKind.Absolute, out var actorUrl) || !SafeHttp.Allowed(actorUrl))
            throw new HttpRequestException($"{keyId} names no actor");
        // A document may speak for an actor only on the actor's own origin; elsewhere the actor is fetched by its id and
        // must list this key id itself (as Mastodon does), so https://evil/k cannot claim to be https://masto/users/alice.
        if (document["inbox"] is null || !SameOrigin(keyUrl, fetched) || !SameOrigin(keyUrl, actorUrl))
        {
            (document, fetched) = await FetchAsync(actorUrl, ours, ct);
            if (Text(document["id"]) != actorId || !SameOrigin(actorUrl, fetched)) throw new HttpRequestException($"{actorId} is not the actor at its own id");
        }
        return Read(document, keyId, exactKey: !SameOrigin(keyUrl, actorUrl))
            ?? throw new HttpRequestException($"{keyId} names no actor with that RSA key and an inbox on its host");
    }

    /// <summary>Whether two URLs share scheme, host and port.</summary>
    public static bool SameOrigin(Uri a, Uri b) =>
        a.Scheme == b.Scheme && string.Equals(a.IdnHost, b.IdnHost, StringComparison.OrdinalIgnoreCase) && a.Port == b.Port;

    /// <summary>The RSA key of a PEM; null when it is none.</summary>
    public static RSA? PublicKey(string pem)
    {
        var rsa = RSA.Create();
        try
        {
            rsa.ImportFromPem(pem);
            return rsa;
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            rsa.Dispose();
            return null;
        }
    }

    // The JSON object at a URL and the URL it finally came from (after redirects).
    private async Task<(JsonObject Document, Uri Fetched)> FetchAsync(Uri url, FediverseUrls ours, CancellationToken ct)
    {
        if (!SafeHttp.Allowed(url)) throw new HttpRequestException($"{url} is not an http or https URL");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(5));
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("Accept", "application/activity+json, application/ld+json");
        if (await ourKey.GetAsync(ct) is { } key) HttpSignature.SignRequest(request, null, key, ours.KeyId, time.GetUtcNow()); // for authorized-fetch servers
        try
        {
            using var response = await http.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if (!response.IsSuccessStatusCode) throw new HttpRequestException($"{url} answered {(int)response.StatusCode}", null, response.StatusCode);
            var body = await SafeHttp.ReadAsync(response, timeout.Token);
            var fetched = response.RequestMessage?.RequestUri ?? url;
            return (JsonNode.Parse(body) as JsonObject ?? throw new HttpRequestException($"{url} did not answer a JSON object"), fetched);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new HttpRequestException($"{url} did not answer within 5 s");
        }
        catch (System.Text.Json.JsonException)
        {
            throw new HttpRequestException($"{url} did not answer JSON");
        }
    }

    /// <summary>The longest actor id, inbox or Follow id we keep.</summary>
    public const int MaxUrl = 2048;

    // The actor's id, inboxes (on the actor's host, at most 2 KB) and the key with this id (publicKey may be one object
    // or a list); the lone key of an actor whose id is the key id without its fragment only when exactKey is false.
    private static RemoteActor? Read(JsonObject actor, string keyId, bool exactKey)
    {
        var keys = actor["publicKey"] switch { JsonArray list => list.OfType<JsonObject>(), JsonObject one => [one], _ => [] };
        var key = keys.FirstOrDefault(k => Text(k["id"]) == keyId)
            ?? (!exactKey && keys.Count() == 1 && keyId.Split('#')[0] == Text(actor["id"]) ? keys.First() : null);
        if (Text(actor["id"]) is not { } id || Text(actor["inbox"]) is not { } inbox || key is null || Text(key["publicKeyPem"]) is not { } pem) return null;
        if (key["owner"] is { } owner && Text(owner) != id) return null;
        if (actor["endpoints"] is { } endpoints && endpoints is not JsonObject) return null;
        var shared = Text(actor["endpoints"]?["sharedInbox"]) ?? Text(actor["sharedInbox"]);
        if (!OnHostOf(id, inbox) || (shared is not null && !OnHostOf(id, shared))) return null;
        return new RemoteActor(id, inbox, shared, keyId, pem);
    }

    // Whether an inbox is an http(s) URL of at most 2 KB on the actor's host (so a follow cannot aim deliveries elsewhere).
    private static bool OnHostOf(string actorId, string inbox) =>
        actorId.Length <= MaxUrl && inbox.Length <= MaxUrl && Uri.TryCreate(actorId, UriKind.Absolute, out var a)
        && Uri.TryCreate(inbox, UriKind.Absolute, out var i) && SafeHttp.Allowed(i) && string.Equals(a.IdnHost, i.IdnHost, StringComparison.OrdinalIgnoreCase);

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue(out string? s) && s.Length > 0 ? s : null;

    public void Dispose()
    {
        cache.Dispose();
        limits.Dispose();
    }
}
