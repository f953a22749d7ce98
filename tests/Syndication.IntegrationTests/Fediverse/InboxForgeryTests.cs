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

    // An attacker's server serves, at its own URL, an actor document claiming the victim's id, with the attacker's key.
    private static string ForgedKey(FakeFediverse attacker, FakeFediverse victim)
    {
        var keyId = new Uri(attacker.Origin, "/doc/k").AbsoluteUri;
        attacker.Documents["k"] = new JsonObject
        {
            ["id"] = victim.ActorId, ["type"] = "Person", ["inbox"] = attacker.Inbox(9),
            ["publicKey"] = new JsonObject { ["id"] = keyId, ["owner"] = victim.ActorId, ["publicKeyPem"] = attacker.Key.ExportSubjectPublicKeyInfoPem() },
        };
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
}
