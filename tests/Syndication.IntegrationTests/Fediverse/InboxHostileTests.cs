using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Syndication.Fediverse;
using Syndication.Http;
using Syndication.Storage;
using Syndication.Tests.Support;

namespace Syndication.Tests.Fediverse;

/// <summary>What a stranger can send the inbox: only a Follow signed by its own actor's key, fresh, once, is stored.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class InboxHostileTests(AzuriteFixture azurite)
{
    internal const string Host = "news.example.com";
    internal const string Actor = "https://news.example.com/api/fediverse/actor";

    internal static TestSite Site(AzuriteFixture azurite, bool allowLoopback = true, int maxFollowers = 100_000, Action<IServiceCollection>? replace = null) =>
        new(azurite, new Dictionary<string, string?>
        {
            ["Syndication:Fediverse:AllowLoopback"] = allowLoopback ? "true" : "false",
            ["Syndication:Fediverse:DeliveryQueue"] = "fedi-" + Guid.NewGuid().ToString("N")[..12],
            ["Syndication:Fediverse:MaxFollowers"] = maxFollowers.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }, replace);

    internal static async Task<(int Status, string Text)> PostAsync(TestSite site, HttpContext context)
    {
        var reply = await site.Get<FediverseHandlers>().PostInboxAsync(context.Request);
        await reply.ExecuteAsync(context);
        return (context.Response.StatusCode, Encoding.UTF8.GetString(((MemoryStream)context.Response.Body).ToArray()));
    }

    internal static Task<int> FollowersAsync(TestSite site) => site.Get<FollowerStore>().CountFollowersAsync();

    // The request is refused with this status and reason, and no follower is stored.
    internal static async Task AssertRefusedAsync(TestSite site, HttpContext request, int status, string reason)
    {
        var (answered, text) = await PostAsync(site, request);
        Assert.Equal(status, answered);
        Assert.Contains(reason, text);
        Assert.Equal(0, await FollowersAsync(site));
    }

    [Fact]
    public async Task ASignedFollowIsStoredWithItsInboxesAndItsAcceptIsQueued()
    {
        await using var site = Site(azurite);
        await using var remote = await FakeFediverse.StartAsync();
        var (status, text) = await PostAsync(site, remote.SignedPost(Host, remote.Follow(Actor), DateTimeOffset.UtcNow));
        Assert.True(status == 202, text);
        var follower = await site.Get<FollowerStore>().FollowerAsync(remote.ActorId);
        Assert.NotNull(follower);
        Assert.Equal((remote.Inbox(0), remote.Inbox(0), remote.ActorId + "#follow-1"), (follower.Inbox, follower.SharedInbox, follower.FollowId));
        var queued = await site.Get<DeliveryQueue>().ReceiveAsync(32, TimeSpan.FromSeconds(1));
        var accept = DeliveryMessage.Parse(Assert.Single(queued).Body.ToString())!;
        Assert.Equal(("Accept", remote.Inbox(0), remote.ActorId + "#follow-1"), (accept.Type, accept.Inbox, accept.FollowId));
    }

    [Fact]
    public async Task AnUnsignedFollowIs401AndNothingIsStored()
    {
        await using var site = Site(azurite);
        await using var remote = await FakeFediverse.StartAsync();
        await AssertRefusedAsync(site, remote.SignedPost(Host, remote.Follow(Actor), DateTimeOffset.UtcNow, tamper: r => r.Headers.Remove("Signature")), 401, "no Signature header");
    }

    [Fact]
    public async Task AFollowSignedWithAnotherKeyThanTheActorsIs401AndNothingIsStored()
    {
        await using var site = Site(azurite);
        await using var remote = await FakeFediverse.StartAsync();
        using var other = RSA.Create(2048);
        await AssertRefusedAsync(site, remote.SignedPost(Host, remote.Follow(Actor), DateTimeOffset.UtcNow, signWith: other), 401, "verification failed");
    }

    [Fact]
    public async Task ABodyChangedAfterSigningFailsItsDigestWith401AndNothingIsStored()
    {
        await using var site = Site(azurite);
        await using var remote = await FakeFediverse.StartAsync();
        var changed = remote.Follow(Actor, "follow-2");
        await AssertRefusedAsync(site, remote.SignedPost(Host, remote.Follow(Actor), DateTimeOffset.UtcNow, tamper: r => r.Body = new MemoryStream(changed)), 401, "Digest");
    }

    [Fact]
    public async Task AFollowDated13HoursAgoIs401AndNothingIsStored()
    {
        await using var site = Site(azurite);
        await using var remote = await FakeFediverse.StartAsync();
        await AssertRefusedAsync(site, remote.SignedPost(Host, remote.Follow(Actor), DateTimeOffset.UtcNow.AddHours(-13)), 401, "time window");
    }

    [Fact]
    public async Task AKeyOnAPrivateAddressIsNotFetchedWithoutAllowLoopbackSoTheFollowIs401AndNothingIsStored()
    {
        await using var site = Site(azurite, allowLoopback: false);
        await using var remote = await FakeFediverse.StartAsync();
        await AssertRefusedAsync(site, remote.SignedPost(Host, remote.Follow(Actor), DateTimeOffset.UtcNow), 401, InboxProcessor.KeyUnavailable);
    }

    [Fact]
    public async Task ABodyOver256KBIs413BeforeAnythingIsFetchedOrStored()
    {
        await using var site = Site(azurite);
        await using var remote = await FakeFediverse.StartAsync();
        var big = Encoding.UTF8.GetBytes(new JsonObject { ["type"] = "Follow", ["actor"] = remote.ActorId, ["object"] = Actor, ["pad"] = new string('x', 300_000) }.ToJsonString());
        await AssertRefusedAsync(site, remote.SignedPost(Host, big, DateTimeOffset.UtcNow), 413, "at most 262144 bytes");
    }

    [Fact]
    public async Task ADeletedAccountsDeleteRemovesItsFollowOnlyWhenItsActorIsReallyGone()
    {
        await using var site = Site(azurite);
        await using var remote = await FakeFediverse.StartAsync();
        Assert.Equal(202, (await PostAsync(site, remote.SignedPost(Host, remote.Follow(Actor), DateTimeOffset.UtcNow))).Status);
        var delete = Encoding.UTF8.GetBytes(new JsonObject { ["id"] = remote.ActorId + "#delete", ["type"] = "Delete", ["actor"] = remote.ActorId, ["object"] = remote.ActorId }.ToJsonString());
        using var other = RSA.Create(2048);
        // While the actor exists, a Delete not signed with its key is refused.
        Assert.Equal(401, (await PostAsync(site, remote.SignedPost(Host, delete, DateTimeOffset.UtcNow, signWith: other))).Status);
        Assert.Equal(1, await FollowersAsync(site));
        remote.Gone = true;
        // Another instance (no key kept) sees the actor gone when it fetches the key, and believes that, not the signature.
        await using var later = new TestSite(azurite, new Dictionary<string, string?>
        {
            ["Syndication:Fediverse:AllowLoopback"] = "true",
            ["Syndication:Storage:Table"] = site.Get<Microsoft.Extensions.Options.IOptions<StorageOptions>>().Value.Table,
        });
        Assert.Equal(202, (await PostAsync(later, remote.SignedPost(Host, delete, DateTimeOffset.UtcNow.AddSeconds(1), signWith: other))).Status);
        Assert.Equal(0, await FollowersAsync(site)); // its actor answered 410 to our own fetch
    }
}
