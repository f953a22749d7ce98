using System.Text;
using System.Text.Json.Nodes;
using Syndication.Storage;
using Syndication.Tests.Support;
using static Syndication.Tests.Fediverse.InboxHostileTests;

namespace Syndication.Tests.Fediverse;

/// <summary>The security review's inbox findings (issue 26): a stranger cannot speak for another server's actor nor make us fail.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class InboxForgeryTests(AzuriteFixture azurite)
{
    private static byte[] Json(JsonObject o) => Encoding.UTF8.GetBytes(o.ToJsonString());

    // An actor document with one key.
    private static JsonObject Person(string id, string inbox, string keyId, string owner, string pem) => new()
    {
        ["id"] = id, ["type"] = "Person", ["inbox"] = inbox,
        ["publicKey"] = new JsonObject { ["id"] = keyId, ["owner"] = owner, ["publicKeyPem"] = pem },
    };

    // An attacker's server serves, at its own URL, an actor document claiming the victim's id, with the attacker's key.
    private static string ForgedKey(FakeFediverse attacker, FakeFediverse victim)
    {
        var keyId = new Uri(attacker.Origin, "/doc/k").AbsoluteUri;
        attacker.Documents["k"] = Person(victim.ActorId, attacker.Inbox(9), keyId, victim.ActorId, attacker.Key.ExportSubjectPublicKeyInfoPem());
        return keyId;
    }

    [Fact]
    public async Task AKeyDocumentOnAnotherOriginClaimingAnActorCannotUndoNorRewriteThatActorsFollow()
    {
        await using var site = Site(azurite);
        await using var victim = await FakeFediverse.StartAsync();
        await using var attacker = await FakeFediverse.StartAsync();
        Assert.Equal(202, (await PostAsync(site, victim.SignedPost(Host, victim.Follow(Actor), DateTimeOffset.UtcNow))).Status);
        var keyId = ForgedKey(attacker, victim);
        var undo = Json(new JsonObject { ["id"] = victim.ActorId + "#undo", ["type"] = "Undo", ["actor"] = victim.ActorId, ["object"] = victim.ActorId + "#follow-1" });

        Assert.Equal(401, (await PostAsync(site, victim.SignedPost(Host, undo, DateTimeOffset.UtcNow, keyId, attacker.Key))).Status);
        Assert.Equal(401, (await PostAsync(site, victim.SignedPost(Host, victim.Follow(Actor, "follow-2"), DateTimeOffset.UtcNow, keyId, attacker.Key))).Status);
        var follower = await site.Get<FollowerStore>().FollowerAsync(victim.ActorId);
        Assert.Equal((victim.Inbox(0), victim.ActorId + "#follow-1"), (follower?.Inbox, follower?.FollowId));
    }

    [Fact]
    public async Task AnUndoWhoseObjectIsThePlainIdOfTheFollowRemovesTheFollowerWith202()
    {
        await using var site = Site(azurite);
        await using var remote = await FakeFediverse.StartAsync();
        Assert.Equal(202, (await PostAsync(site, remote.SignedPost(Host, remote.Follow(Actor), DateTimeOffset.UtcNow))).Status);
        var undo = Json(new JsonObject { ["id"] = remote.ActorId + "#undo", ["type"] = "Undo", ["actor"] = remote.ActorId, ["object"] = remote.ActorId + "#follow-1" });
        var (status, text) = await PostAsync(site, remote.SignedPost(Host, undo, DateTimeOffset.UtcNow.AddSeconds(1)));
        Assert.True(status == 202, text);
        Assert.Equal(0, await FollowersAsync(site));
    }

    // Unsigned or odd input that used to throw (500): each is refused and nothing is stored.
    [Theory]
    [InlineData("relative key id", 401)]
    [InlineData("owner a number", 401)]
    [InlineData("endpoints a list", 401)]
    [InlineData("follow id over 2 KB", 400)]
    [InlineData("inbox on another host", 401)]
    public async Task OddKeyDocumentsAndOversizedIdsAreRefusedWithoutA500AndNothingIsStored(string kind, int status)
    {
        await using var site = Site(azurite);
        await using var remote = await FakeFediverse.StartAsync();
        var pem = remote.Key.ExportSubjectPublicKeyInfoPem();
        var doc = new Uri(remote.Origin, "/doc/d").AbsoluteUri;
        var (actor, keyId, followId) = (remote.ActorId, remote.KeyId, remote.ActorId + "#follow-1");
        if (kind == "relative key id") keyId = "/users/remote#main-key";
        if (kind == "owner a number")
        {
            keyId = doc;
            remote.Documents["d"] = new JsonObject { ["id"] = doc, ["owner"] = 5, ["publicKeyPem"] = pem };
        }
        if (kind == "endpoints a list")
        {
            (actor, keyId) = (doc, doc + "#main-key");
            remote.Documents["d"] = Person(doc, remote.Inbox(0), keyId, doc, pem);
            remote.Documents["d"]["endpoints"] = new JsonArray("x");
        }
        if (kind == "inbox on another host")
        {
            (actor, keyId) = (doc, doc + "#main-key");
            remote.Documents["d"] = Person(doc, "https://victim.example/inbox", keyId, doc, pem);
        }
        if (kind == "follow id over 2 KB") followId = remote.ActorId + "#" + new string('f', 3000);
        var follow = Json(new JsonObject { ["id"] = followId, ["type"] = "Follow", ["actor"] = actor, ["object"] = Actor });
        await AssertRefusedAsync(site, remote.SignedPost(Host, follow, DateTimeOffset.UtcNow, keyId), status, "");
    }

    [Fact]
    public async Task AHostAtItsFollowerCapHasFurtherFollowsRefusedWith403AndNothingStored()
    {
        await using var site = new TestSite(azurite, new Dictionary<string, string?>
        {
            ["Syndication:Fediverse:AllowLoopback"] = "true", ["Syndication:Fediverse:MaxFollowersPerHost"] = "1",
            ["Syndication:Fediverse:DeliveryQueue"] = "fedi-" + Guid.NewGuid().ToString("N")[..12],
        });
        await using var remote = await FakeFediverse.StartAsync();
        var second = new Uri(remote.Origin, "/doc/b").AbsoluteUri;
        remote.Documents["b"] = Person(second, remote.Inbox(1), second + "#main-key", second, remote.Key.ExportSubjectPublicKeyInfoPem());
        Assert.Equal(202, (await PostAsync(site, remote.SignedPost(Host, remote.Follow(Actor), DateTimeOffset.UtcNow))).Status);
        Assert.Equal(202, (await PostAsync(site, remote.SignedPost(Host, remote.Follow(Actor, "again"), DateTimeOffset.UtcNow.AddSeconds(1)))).Status); // the same follower again
        var follow = Json(new JsonObject { ["id"] = second + "#follow", ["type"] = "Follow", ["actor"] = second, ["object"] = Actor });
        var (status, text) = await PostAsync(site, remote.SignedPost(Host, follow, DateTimeOffset.UtcNow, second + "#main-key"));
        Assert.True(status == 403, text);
        Assert.Equal((1, 1), (await FollowersAsync(site), await site.Get<FollowerStore>().FollowerTotalAsync()));
        Assert.Null(await site.Get<FollowerStore>().FollowerAsync(second));
    }

    [Fact]
    public async Task JunkSignaturesFetchAKeptKeyAgainAtMostOnceInFiveMinutesAFailedKeyOnceAndAClientAtMost30KeysAMinute()
    {
        await using var site = Site(azurite);
        await using var remote = await FakeFediverse.StartAsync();
        using var junk = System.Security.Cryptography.RSA.Create(2048);
        for (var i = 0; i < 5; i++) // the kept key, then new fragments of its URL
            Assert.Equal(401, (await PostAsync(site, remote.SignedPost(Host, remote.Follow(Actor), DateTimeOffset.UtcNow, i == 0 ? null : $"{remote.KeyId}{i}", junk))).Status);
        Assert.Equal(2, remote.Gets); // the first fetch and one forced re-fetch
        var missing = new Uri(remote.Origin, "/doc/missing#k").AbsoluteUri;
        for (var i = 0; i < 5; i++)
            Assert.Equal(401, (await PostAsync(site, remote.SignedPost(Host, remote.Follow(Actor), DateTimeOffset.UtcNow, missing + i, junk))).Status);
        Assert.Equal(3, remote.Gets); // a failed key URL is not asked again for a minute, whatever its fragment
        for (var i = 0; i < 40; i++)
            await PostAsync(site, remote.SignedPost(Host, remote.Follow(Actor), DateTimeOffset.UtcNow, new Uri(remote.Origin, $"/doc/n{i}").AbsoluteUri, junk));
        Assert.Equal(Syndication.Fediverse.RemoteActors.FetchesPerClientMinute, remote.Gets); // 3 so far, then 27 more
        Assert.Equal(0, await FollowersAsync(site));
    }
}
