using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Syndication.Fediverse;
using Syndication.Tests.Support;

namespace Syndication.Tests.Fediverse;

/// <summary>One POST a fake inbox received.</summary>
public sealed record Received(string Path, IHeaderDictionary Headers, byte[] Body, DateTimeOffset At)
{
    public JsonObject Json => (JsonObject)JsonNode.Parse(Body)!;
}

/// <summary>
/// A fake fediverse server on 127.0.0.1 (Kestrel): an actor at /users/remote with its own RSA key (so tests sign as a
/// stranger would), and inboxes at /inbox/{anything} that record what they are sent and answer 202.
/// </summary>
public sealed class FakeFediverse : IAsyncDisposable
{
    private readonly WebApplication app;

    private FakeFediverse(WebApplication app, Uri origin)
    {
        this.app = app;
        Origin = origin;
    }

    public Uri Origin { get; }
    public RSA Key { get; } = RSA.Create(2048);
    public string ActorId => new Uri(Origin, "/users/remote").AbsoluteUri;
    public string KeyId => ActorId + "#main-key";
    public ConcurrentQueue<Received> Posts { get; } = new();
    /// <summary>Whether the actor was deleted: its document answers 410.</summary>
    public bool Gone { get; set; }
    private int gets;
    /// <summary>How many GETs (key and actor fetches) the fake answered.</summary>
    public int Gets => Volatile.Read(ref gets);
    /// <summary>Documents served at /doc/{name} (a stranger's key or actor documents).</summary>
    public ConcurrentDictionary<string, JsonObject> Documents { get; } = new();
    /// <summary>Where inboxes redirect (302) instead of answering, when set.</summary>
    public string? RedirectTo { get; set; }
    /// <summary>Inbox status to answer (202 unless a test makes it fail).</summary>
    public int InboxStatus { get; set; } = 202;

    public static async Task<FakeFediverse> StartAsync()
    {
        var port = Ports.Free();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeFediverse(app, new Uri($"http://127.0.0.1:{port}/"));
        app.Use(async (c, next) =>
        {
            if (HttpMethods.IsGet(c.Request.Method)) Interlocked.Increment(ref fake.gets);
            await next();
        });
        app.MapGet("/users/remote", () => fake.Gone ? Results.StatusCode(410) : Results.Text(fake.ActorJson().ToJsonString(), ActivityDocuments.MediaType));
        app.MapGet("/doc/{name}", (string name) => fake.Documents.TryGetValue(name, out var d) ? Results.Text(d.ToJsonString(), ActivityDocuments.MediaType) : Results.NotFound());
        app.MapPost("/inbox/{*name}", async (HttpContext c) =>
        {
            using var body = new MemoryStream();
            await c.Request.Body.CopyToAsync(body);
            // Copied: Kestrel reuses a request's header collection once the request is done.
            var headers = new HeaderDictionary(c.Request.Headers.ToDictionary(h => h.Key, h => h.Value, StringComparer.OrdinalIgnoreCase));
            fake.Posts.Enqueue(new Received(c.Request.Path, headers, body.ToArray(), DateTimeOffset.UtcNow));
            return fake.RedirectTo is { } to ? Results.Redirect(to) : Results.StatusCode(fake.InboxStatus);
        });
        await app.StartAsync();
        return fake;
    }

    /// <summary>The inbox URL number <paramref name="n"/> (a server's shared inbox in the fan-out tests).</summary>
    public string Inbox(int n) => new Uri(Origin, $"/inbox/{n}").AbsoluteUri;

    private JsonObject ActorJson() => new()
    {
        ["@context"] = new JsonArray("https://www.w3.org/ns/activitystreams", "https://w3id.org/security/v1"),
        ["id"] = ActorId,
        ["type"] = "Person",
        ["preferredUsername"] = "remote",
        ["inbox"] = Inbox(0),
        ["endpoints"] = new JsonObject { ["sharedInbox"] = Inbox(0) },
        ["publicKey"] = new JsonObject { ["id"] = KeyId, ["owner"] = ActorId, ["publicKeyPem"] = Key.ExportSubjectPublicKeyInfoPem() },
    };

    /// <summary>A signed POST of <paramref name="body"/> to our inbox as Mastodon sends one; <paramref name="tamper"/> may change it after signing.</summary>
    public DefaultHttpContext SignedPost(string host, byte[] body, DateTimeOffset date, string? keyId = null, RSA? signWith = null, Action<HttpRequest>? tamper = null)
    {
        var context = new DefaultHttpContext();
        var request = context.Request;
        request.Method = "POST";
        request.Scheme = "http";
        request.Host = new HostString(host);
        request.Path = "/api/fediverse/inbox";
        request.ContentType = ActivityDocuments.MediaType;
        request.Headers.Date = date.ToString("r");
        request.Headers["Digest"] = HttpSignature.Digest(body);
        var signing = HttpSignature.SigningString(HttpSignature.PostHeaders, "post", "/api/fediverse/inbox", h => h == "host" ? host : request.Headers[h].ToString());
        request.Headers["Signature"] = HttpSignature.Sign(signWith ?? Key, keyId ?? KeyId, HttpSignature.PostHeaders, signing);
        request.Body = new MemoryStream(body);
        request.ContentLength = body.Length;
        tamper?.Invoke(request);
        context.Response.Body = new MemoryStream();
        return context;
    }

    /// <summary>A Follow of <paramref name="actor"/> by the fake's actor, as bytes.</summary>
    public byte[] Follow(string actor, string id = "follow-1") => Encoding.UTF8.GetBytes(new JsonObject
    {
        ["@context"] = "https://www.w3.org/ns/activitystreams", ["id"] = ActorId + "#" + id, ["type"] = "Follow", ["actor"] = ActorId, ["object"] = actor,
    }.ToJsonString());

    public async ValueTask DisposeAsync()
    {
        await app.DisposeAsync();
        Key.Dispose();
    }
}
