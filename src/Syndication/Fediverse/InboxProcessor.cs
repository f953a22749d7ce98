using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Syndication.Storage;

namespace Syndication.Fediverse;

/// <summary>An inbox POST as the processor needs it: the method, path and query, the host it was sent to, headers, body and the client's address.</summary>
public sealed record InboxRequest(string Method, string PathAndQuery, string Host, Func<string, string?> Header, byte[] Body, string Client = "");

/// <summary>What the inbox answers: a status and a short reason (Mastodon answers 401 with {"error": reason}), and for a 503 the seconds to wait.</summary>
public sealed record InboxResult(int Status, string Message, int RetryAfter = 0);

/// <summary>
/// The inbox (personal and shared: one URL): verifies the HTTP Signature (the key fetched as <see cref="RemoteActors"/>
/// does, the Digest of the body, a Date within 12 hours, the activity's actor the signer), then acts on Follow (the
/// follower stored, a signed Accept queued), Undo of a Follow and Delete of the actor, each only with a signature never
/// seen before (<see cref="FollowerStore.MarkSeenAsync"/>); anything else, and an Undo or Delete from an actor who does
/// not follow, changes nothing, so it is answered 202 and dropped with nothing written. Nothing is stored before the
/// signature holds. A follow change that storage fails (503 with Retry-After) or the caps refuse (403) takes its
/// signature's mark back, so the sender can send the same bytes again and a refused Follow keeps no row.
/// </summary>
public sealed partial class InboxProcessor(RemoteActors actors, FollowerStore followers, Deliveries deliveries, ActorKey key,
    Microsoft.Extensions.Options.IOptions<FediverseOptions> options, TimeProvider time, ILogger<InboxProcessor> logger)
{
    /// <summary>The largest activity we read.</summary>
    public const int MaxBody = 256 * 1024;
    private static readonly TimeSpan DateWindow = FollowerStore.SeenBucket;
    /// <summary>Seconds a sender is asked to wait before sending again a follow change storage failed.</summary>
    public const int RetryAfterSeconds = 30;
    /// <summary>What a sender whose key could not be had is told, whatever the reason.</summary>
    public const string KeyUnavailable = "the signature's key could not be fetched or does not belong to an actor";

    /// <summary>Verifies and handles one POST to the inbox.</summary>
    public async Task<InboxResult> ReceiveAsync(InboxRequest request, FediverseUrls urls, CancellationToken ct = default)
    {
        if (await key.GetAsync(ct) is null) return new(404, "this publication is not on the fediverse");
        if (request.Body.Length > MaxBody) return new(413, $"activities are at most {MaxBody} bytes");
        if (HttpSignature.Parse(request.Header("signature"), out var problem) is not { } signature) return Refuse(problem);
        if (HttpSignature.Date(request.Header("date")) is not { } date || (time.GetUtcNow() - date).Duration() > DateWindow)
            return Refuse("signed request date outside acceptable time window (12 hours)");
        if (!HttpSignature.DigestMatches(request.Header("digest"), request.Body)) return Refuse("the Digest header does not match the body");
        if (Parse(request.Body) is not { } activity) return new(400, "the body is not a JSON object");

        RemoteActor signer;
        try
        {
            signer = await actors.ByKeyIdAsync(signature.KeyId, urls, refresh: false, request.Client, ct);
            var signing = HttpSignature.SigningString(signature.Headers, request.Method, request.PathAndQuery, h => h == "host" ? request.Host : request.Header(h));
            if (!Verifies(signer, signing, signature.Signature))
            {
                signer = await actors.ByKeyIdAsync(signature.KeyId, urls, refresh: true, request.Client, ct);
                if (!Verifies(signer, signing, signature.Signature)) return Refuse($"verification failed for {signature.KeyId}");
            }
        }
        catch (HttpRequestException e) when (e.StatusCode is HttpStatusCode.Gone or HttpStatusCode.NotFound && Id(activity["type"]) == "Delete"
            && Id(activity["object"]) is { } gone && gone == Id(activity["actor"]) && gone == signature.KeyId.Split('#')[0])
        {
            // A deleted account's Delete: its key is gone with it, but our own fetch of the actor just found it gone.
            if (await followers.RemoveFollowerAsync(gone, ct)) LogUnfollowed(gone);
            return new(202, "the actor is gone");
        }
        catch (HttpRequestException e)
        {
            // The detail (addresses, names, ports that did not answer) is logged, never told to the sender.
            LogKeyFailed(signature.KeyId, e.Message);
            return Refuse(KeyUnavailable);
        }
        if (Id(activity["actor"]) != signer.Id) return Refuse("the activity's actor is not the signer");
        return await HandleAsync(activity, signer, urls, (signature.Signature, date), ct);
    }

    private async Task<InboxResult> HandleAsync(JsonObject activity, RemoteActor signer, FediverseUrls urls, (byte[] Signature, DateTimeOffset Date) signed, CancellationToken ct)
    {
        var type = Id(activity["type"]);
        var @object = activity["object"];
        var unfollow = (type == "Undo" && (@object is JsonValue || Id((@object as JsonObject)?["type"]) == "Follow")) || (type == "Delete" && Id(@object) == signer.Id);
        if (type == "Follow" && Id(@object) == urls.Actor.AbsoluteUri && Id(activity["id"]) is { } followId)
        {
            if (followId.Length > RemoteActors.MaxUrl) return new(400, $"a Follow's id is at most {RemoteActors.MaxUrl} characters");
            return await FollowChangeAsync(signer, signed, async () =>
            {
                var follower = new Follower(signer.Id, signer.Inbox, signer.SharedInbox, followId, time.GetUtcNow(), urls.Site.Origin.AbsoluteUri);
                if (!await followers.AddFollowerAsync(follower, options.Value.MaxFollowersPerHost, options.Value.MaxFollowers, ct))
                    return new(403, "this publication takes no more followers from that server");
                await deliveries.AcceptAsync(urls, followId, signer, ct);
                LogFollowed(signer.Id);
                return new(202, "followed");
            }, ct);
        }
        if (unfollow && await followers.FollowerAsync(signer.Id, ct) is not null)
        {
            return await FollowChangeAsync(signer, signed, async () =>
            {
                if (await followers.RemoveFollowerAsync(signer.Id, ct)) LogUnfollowed(signer.Id);
                return new(202, type == "Delete" ? "deleted" : "unfollowed");
            }, ct);
        }
        return new(202, unfollow ? "not a follower; nothing to undo" : "not an activity this actor acts on; dropped");
    }

    // The signature recorded (a replay or an actor at its bound refused), then the change. A change that throws is a 503;
    // any answer but 202 changed nothing, so the mark is taken back (best effort: a failure to is logged).
    private async Task<InboxResult> FollowChangeAsync(RemoteActor signer, (byte[] Signature, DateTimeOffset Date) signed, Func<Task<InboxResult>> change, CancellationToken ct)
    {
        if (await FreshAsync(signer, signed, ct) is { } refused) return refused;
        InboxResult result;
        try
        {
            result = await change();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogChangeFailed(signer.Id, e.Message);
            result = new(503, "the follow change could not be stored; send it again later", RetryAfterSeconds);
        }
        if (result.Status == 202) return result;
        try
        {
            await followers.ForgetSeenAsync(signer.Id, signed.Signature, signed.Date, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogForgetFailed(signer.Id, e.Message);
        }
        return result;
    }

    // Null when the signature is new (now recorded, and the purge of its bucket scheduled); else the refusal.
    private async Task<InboxResult?> FreshAsync(RemoteActor signer, (byte[] Signature, DateTimeOffset Date) signed, CancellationToken ct)
    {
        switch (await followers.MarkSeenAsync(signer.Id, signed.Signature, signed.Date, ct))
        {
            case Seen.Replay:
                return Refuse("this signed request was received before (a replay)");
            case Seen.Full:
                LogRefused("too many follows and unfollows from one actor");
                return new(429, $"at most {FollowerStore.SeenPerActor} follows and unfollows per actor in 12 hours");
            default:
                await deliveries.SchedulePurgeAsync(FollowerStore.BucketOf(signed.Date), ct);
                return null;
        }
    }

    private static bool Verifies(RemoteActor signer, string signing, byte[] signature)
    {
        using var rsa = RemoteActors.PublicKey(signer.PublicKeyPem);
        return rsa is not null && HttpSignature.Verify(rsa, signing, signature);
    }

    private InboxResult Refuse(string reason)
    {
        LogRefused(reason);
        return new(401, reason);
    }

    private static JsonObject? Parse(byte[] body)
    {
        try
        {
            return JsonNode.Parse(body) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    // An id given as a string or as an object with "id".
    private static string? Id(JsonNode? node) => node switch
    {
        JsonValue v when v.TryGetValue(out string? s) => s,
        JsonObject o => Id(o["id"]),
        _ => null,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Fediverse inbox refused a request: {Reason}")]
    private partial void LogRefused(string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Fediverse key {KeyId} could not be had: {Error}")]
    private partial void LogKeyFailed(string keyId, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Fediverse follow change by {Actor} failed in storage (answered 503): {Error}")]
    private partial void LogChangeFailed(string actor, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Fediverse replay mark of {Actor} could not be taken back (a resend is refused as a replay): {Error}")]
    private partial void LogForgetFailed(string actor, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Fediverse actor {Actor} follows the publication")]
    private partial void LogFollowed(string actor);

    [LoggerMessage(Level = LogLevel.Information, Message = "Fediverse actor {Actor} no longer follows the publication")]
    private partial void LogUnfollowed(string actor);
}
