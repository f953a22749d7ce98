using System.Text.Json.Nodes;
using Syndication.Tests.Support;
using Xunit.Abstractions;

namespace Syndication.Tests.Fediverse;

/// <summary>A follower built with Fedify (npm @fedify/fedify), which we did not write, against the local runner.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class FedifyInteropTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private static string Md(string title) => $"---\ntitle: {title}\nsummary: What happened in {title}.\ntags: [Interop]\n---\nThe body of {title}.\n";

    [Fact]
    public async Task AFedifyFollowerFindsTheActorByWebFingerFollowsVerifiesEveryActivityAndReadsTheOutbox()
    {
        await using var runner = await RunnerProcess.StartAsync(azurite, new Dictionary<string, string>
        {
            ["Syndication__Fediverse__AllowLoopback"] = "true",
            ["Syndication__Fediverse__DeliveryQueue"] = "fedi-" + Guid.NewGuid().ToString("N")[..12],
        });
        var origin = new Uri(runner.BaseUrl, "/");
        using var http = new HttpClient();
        var jrd = JsonNode.Parse(await http.GetStringAsync(new Uri(origin, $"/.well-known/webfinger?resource=acct:news@{origin.Authority}")))!;
        Assert.Equal($"acct:news@{origin.Authority}", (string?)jrd["subject"]);
        var actor = (string)jrd["links"]!.AsArray().Single(l => (string?)l!["rel"] == "self")!["href"]!;

        await using var peer = FedifyPeer.Start(actor);
        try
        {
            var ready = await peer.WaitAsync("ready");
            Assert.Equal((actor, "news"), ((string?)ready["actor"], (string?)ready["username"]));
            var accept = await peer.WaitAsync("accept"); // the peer's inbox verified our signature before its listener ran
            Assert.Equal(actor, (string?)accept["actor"]);
            Assert.Equal(1, (int)JsonNode.Parse(await http.GetStringAsync(new Uri(origin, "/api/fediverse/followers")))!["totalItems"]!);

            await runner.Incoming.UploadBlobAsync("interop-one.md", BinaryData.FromString(Md("Interop one")));
            var create = await peer.WaitAsync("create", e => (string?)e["name"] == "Interop one");
            Assert.Equal(("Article", new Uri(origin, "/api/articles/interop-one").AbsoluteUri), ((string?)create["objectType"], (string?)create["url"]));
            Assert.Equal("What happened in Interop one.", (string?)create["summary"]);

            await runner.Incoming.GetBlobClient("interop-one.md").UploadAsync(BinaryData.FromString(Md("Interop one, revised")), overwrite: true);
            await peer.WaitAsync("update", e => (string?)e["name"] == "Interop one, revised");
            await runner.Incoming.UploadBlobAsync("interop-two.md", BinaryData.FromString(Md("Interop two")));
            await peer.WaitAsync("create", e => (string?)e["name"] == "Interop two");

            await peer.SendAsync("outbox");
            var outbox = await peer.WaitAsync("outbox");
            Assert.Equal(["Interop two", "Interop one, revised"], outbox["items"]!.AsArray().Select(i => (string?)i));

            await runner.Incoming.DeleteBlobAsync("interop-one.md");
            var delete = await peer.WaitAsync("delete");
            Assert.Equal(new Uri(origin, "/api/articles/interop-one").AbsoluteUri, (string?)delete["objectId"]);
        }
        finally
        {
            lock (peer.Wire) foreach (var line in peer.Wire) output.WriteLine(line);
        }
    }
}
