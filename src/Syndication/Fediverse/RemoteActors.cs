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
    private static readonly TimeSpan Keep = TimeSpan.FromHours(1);

    /// <summary>The actor owning <paramref name="keyId"/>; throws <see cref="HttpRequestException"/> (with the reason) when it cannot be had.</summary>
    public async Task<RemoteActor> ByKeyIdAsync(string keyId, FediverseUrls ours, bool refresh, CancellationToken ct)
    {
        var cacheKey = "fediverse-key|" + keyId;
        if (!refresh && cache.TryGetValue(cacheKey, out RemoteActor? kept)) return kept!;
        var document = await FetchAsync(new Uri(keyId.Split('#')[0], UriKind.Absolute), ours, ct);
        if (document["publicKeyPem"] is not null && document["owner"]?.GetValue<string>() is { } owner && document["inbox"] is null)
            document = await FetchAsync(new Uri(owner), ours, ct);
        var actor = Read(document, keyId) ?? throw new HttpRequestException($"{keyId} names no actor with that RSA key and an inbox");
        cache.Set(cacheKey, actor, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = Keep, Size = 1 });
        return actor;
    }

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

    private async Task<JsonObject> FetchAsync(Uri url, FediverseUrls ours, CancellationToken ct)
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
            return JsonNode.Parse(body) as JsonObject ?? throw new HttpRequestException($"{url} did not answer a JSON object");
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

    // The actor's id, inboxes and the key with this id (publicKey may be one object or a list).
    private static RemoteActor? Read(JsonObject actor, string keyId)
    {
        var keys = actor["publicKey"] switch { JsonArray list => list.OfType<JsonObject>(), JsonObject one => [one], _ => [] };
        var key = keys.FirstOrDefault(k => Text(k["id"]) == keyId) ?? (keys.Count() == 1 && keyId.Split('#')[0] == Text(actor["id"]) ? keys.First() : null);
        if (Text(actor["id"]) is not { } id || Text(actor["inbox"]) is not { } inbox || key is null || Text(key["publicKeyPem"]) is not { } pem) return null;
        if (Text(key["owner"]) is { } owner && owner != id) return null;
        var shared = Text(actor["endpoints"]?["sharedInbox"]) ?? Text(actor["sharedInbox"]);
        return new RemoteActor(id, inbox, shared, keyId, pem);
    }

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue(out string? s) && s.Length > 0 ? s : null;

    public void Dispose() => cache.Dispose();
}
