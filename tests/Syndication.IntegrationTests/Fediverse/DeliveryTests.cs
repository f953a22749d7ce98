using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Syndication.Fediverse;
using Syndication.Ingestion;
using Syndication.Storage;
using Syndication.Tests.Support;

namespace Syndication.Tests.Fediverse;

/// <summary>Publishes, updates and withdrawals reach followers' inboxes signed, once, and never before an embargo lifts.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class DeliveryTests(AzuriteFixture azurite)
{
    internal static string Md(string title, string extra = "") => $"---\ntitle: {title}\nsummary: About {title}.\ntags: [Harbour, Storm watch]\n{extra}---\nBody of {title}.\n";

    internal static Dictionary<string, string?> Settings(string id) => new()
    {
        ["Syndication:Fediverse:AllowLoopback"] = "true",
        ["Syndication:Fediverse:DeliveryQueue"] = $"fedi-{id}",
        ["Syndication:Storage:ArticlesContainer"] = $"articles-{id}",
        ["Syndication:Storage:PublishedContainer"] = $"published-{id}",
        ["Syndication:Storage:Table"] = $"fedi{id}",
    };

    /// <summary>Handles every visible message (and those they queue) as the queue trigger would; returns how many.</summary>
    internal static async Task<int> DrainAsync(TestSite site)
    {
        var queue = site.Get<DeliveryQueue>();
        var handled = 0;
        for (var empty = 0; empty < 2;)
        {
            var messages = await queue.ReceiveAsync(32, TimeSpan.FromMinutes(1));
            if (messages.Length == 0)
            {
                empty++;
                continue;
            }
            empty = 0;
            foreach (var m in messages)
            {
                await site.Get<Deliveries>().HandleAsync(m.Body.ToString(), m.MessageId);
                await queue.DeleteAsync(m);
                handled++;
            }
        }
        return handled;
    }

    internal static async Task FollowAsync(TestSite site, FakeFediverse inbox, int followers, int servers)
    {
        for (var i = 0; i < followers; i++)
            await site.Get<FollowerStore>().AddFollowerAsync(new Follower($"{inbox.Origin}users/u{i}", inbox.Inbox(1000 + i), inbox.Inbox(i % servers),
                $"follow-{i}", DateTimeOffset.UtcNow, "https://news.example.com/"));
    }

    /// <summary>The stored article's version, as a delivery of it names it.</summary>
    internal static async Task<string> VersionAsync(TestSite site, string slug) =>
        DeliveryMessage.VersionOf((await site.Get<ArticleStore>().ArticleBySlugAsync(slug))!.Value.Article);

    /// <summary>Checks a delivery's HTTP Signature against the actor document's public key, as a receiver does.</summary>
    private static async Task AssertSignedByOurActorAsync(TestSite site, Received post)
    {
        var actor = await site.Get<FediverseActor>().ActorAsync(site.Get<FediverseActor>().Urls("https", "news.example.com"));
        using var key = RemoteActors.PublicKey((string)actor!["publicKey"]!["publicKeyPem"]!)!;
        var signature = HttpSignature.Parse(post.Headers["Signature"], out var problem);
        Assert.True(signature is not null, problem);
        Assert.Equal("https://news.example.com/api/fediverse/actor#main-key", signature.KeyId);
        Assert.True(HttpSignature.DigestMatches(post.Headers["Digest"], post.Body));
        var signing = HttpSignature.SigningString(signature.Headers, "post", post.Path, h => h == "host" ? post.Headers.Host.ToString() : post.Headers[h].ToString());
        Assert.True(HttpSignature.Verify(key, signing, signature.Signature), "the delivery's signature does not verify with the actor's key");
    }

    [Fact]
    public async Task AnEmbargoedArticleIsDeliveredAtItsTimeNotBeforeSignedToTheSharedInbox()
    {
        var clock = new ManualClock();
        await using var inbox = await FakeFediverse.StartAsync();
        await using var site = new TestSite(azurite, Settings(Guid.NewGuid().ToString("N")[..12]), s => s.AddSingleton<TimeProvider>(clock));
        await FollowAsync(site, inbox, followers: 3, servers: 1);
        await site.UploadTextAsync("secret.md", Md("Secret story", $"embargo: {clock.GetUtcNow().AddHours(2):O}\n"));

        Assert.Equal(IngestResult.Embargoed, (await site.Ingestor.IngestSlugAsync("secret")).Result);
        await DrainAsync(site);
        Assert.Empty(inbox.Posts);
        var actor = site.Get<FediverseActor>();
        var urls = actor.Urls("https", "news.example.com");
        Assert.Empty((await actor.OutboxAsync(urls, page: true, after: null))!["orderedItems"]!.AsArray()); // nor in the outbox

        clock.Advance(TimeSpan.FromHours(2) + TimeSpan.FromSeconds(1));
        Assert.Equal(1, await site.Ingestor.ApplySchedulesAsync());
        await DrainAsync(site);
        Assert.Equal("Secret story", (string?)Assert.Single((await actor.OutboxAsync(urls, page: true, after: null))!["orderedItems"]!.AsArray())!["object"]!["name"]);
        var post = Assert.Single(inbox.Posts); // three followers, one shared inbox: one request
        Assert.Equal("/inbox/0", post.Path);
        var create = post.Json;
        Assert.Equal("Create", (string?)create["type"]);
        Assert.Equal(("Article", "Secret story", "About Secret story."), ((string?)create["object"]!["type"], (string?)create["object"]!["name"], (string?)create["object"]!["summary"]));
        Assert.Equal("https://news.example.com/api/articles/secret", (string?)create["object"]!["url"]);
        Assert.Equal(["#Harbour", "#Stormwatch"], create["object"]!["tag"]!.AsArray().Select(t => (string?)t!["name"]));
        Assert.Equal(ActivityDocuments.Public, (string?)create["to"]![0]);
        await AssertSignedByOurActorAsync(site, post);
    }

    [Fact]
    public async Task AnUpdateSendsUpdateAndAWithdrawalSendsDeleteWithATombstoneAndAnUnchangedUploadSendsNothing()
    {
        await using var inbox = await FakeFediverse.StartAsync();
        await using var site = new TestSite(azurite, Settings(Guid.NewGuid().ToString("N")[..12]));
        await FollowAsync(site, inbox, followers: 1, servers: 1);
        // Drained after each step, as the queue trigger runs within seconds: a delivery reads the article as it is when it goes.
        await site.UploadTextAsync("story.md", Md("First title"));
        await site.Ingestor.IngestSlugAsync("story");
        await DrainAsync(site);
        await site.UploadTextAsync("story.md", Md("First title") + "\n"); // the same content: no change followers see
        await site.Ingestor.IngestSlugAsync("story");
        await DrainAsync(site);
        await site.UploadTextAsync("story.md", Md("Second title"));
        await site.Ingestor.IngestSlugAsync("story");
        await DrainAsync(site);
        await site.Incoming.DeleteBlobAsync("story.md");
        await site.Ingestor.IngestSlugAsync("story");
        await DrainAsync(site);

        var types = inbox.Posts.Select(p => (string?)p.Json["type"]).Order(StringComparer.Ordinal);
        Assert.Equal(["Create", "Delete", "Update"], types);
        var update = inbox.Posts.Single(p => (string?)p.Json["type"] == "Update").Json;
        Assert.Equal("Second title", (string?)update["object"]!["name"]);
        var delete = inbox.Posts.Single(p => (string?)p.Json["type"] == "Delete").Json;
        Assert.Equal(("Tombstone", "https://news.example.com/api/articles/story"), ((string?)delete["object"]!["type"], (string?)delete["object"]!["id"]));
    }

    [Fact]
    public async Task OneChangeIngestedByTwoInstancesAtOnceIsDeliveredOnce()
    {
        var id = Guid.NewGuid().ToString("N")[..12];
        await using var inbox = await FakeFediverse.StartAsync();
        await using var one = new TestSite(azurite, Settings(id));
        await using var two = new TestSite(azurite, Settings(id));
        await FollowAsync(one, inbox, followers: 2, servers: 2);
        await one.UploadTextAsync("race.md", Md("Raced story"));

        await Task.WhenAll(one.Ingestor.IngestSlugAsync("race"), two.Ingestor.IngestSlugAsync("race"));
        await Task.WhenAll(DrainAsync(one), DrainAsync(two));

        Assert.Equal(2, inbox.Posts.Count); // one Create to each of the two inboxes
        Assert.All(inbox.Posts, p => Assert.Equal("Create", (string?)p.Json["type"]));
        Assert.Equal(["/inbox/0", "/inbox/1"], inbox.Posts.Select(p => p.Path).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task AFailingInboxIsQueuedAgainWithBackOffGivenUpOnARefusalOrAfterTwoDaysAndDroppedAfterAWeek()
    {
        var id = Guid.NewGuid().ToString("N")[..12];
        await using var inbox = await FakeFediverse.StartAsync();
        await using var site = new TestSite(azurite, Settings(id));
        var queue = site.Get<Microsoft.Extensions.Configuration.IConfiguration>() is var c ? StorageClients.Queues(c).GetQueueClient($"fedi-{id}") : null;
        async Task<int> Waiting() => (await queue!.GetPropertiesAsync()).Value.ApproximateMessagesCount;
        await FollowAsync(site, inbox, followers: 1, servers: 1);
        inbox.InboxStatus = 503;
        await site.UploadTextAsync("retry.md", Md("Retried story"));
        await site.Ingestor.IngestSlugAsync("retry");
        await DrainAsync(site);
        Assert.Single(inbox.Posts);
        Assert.Equal(1, await Waiting()); // queued again, hidden for its back-off

        var deliver = new DeliveryMessage { Kind = DeliveryMessage.Deliver, Type = "Create", Slug = "retry", Version = await VersionAsync(site, "retry"), Origin = "https://news.example.com/",
            Inbox = inbox.Inbox(0), FirstTry = DateTimeOffset.UtcNow };
        inbox.InboxStatus = 410;
        await site.Get<Deliveries>().HandleAsync(deliver.ToJson(), "m1");
        inbox.InboxStatus = 503;
        await site.Get<Deliveries>().HandleAsync((deliver with { FirstTry = DateTimeOffset.UtcNow.AddDays(-3) }).ToJson(), "m2");
        Assert.Equal(3, inbox.Posts.Count);
        Assert.Equal(1, await Waiting()); // neither the refusal nor the two-day-old one was queued again

        await site.Get<FollowerStore>().InboxRecoveredAsync(inbox.Inbox(0));
        await site.Get<FollowerStore>().InboxFailedAsync(inbox.Inbox(0), DateTimeOffset.UtcNow.AddDays(-8));
        Assert.Equal(1, await site.Get<FollowerStore>().CountFollowersAsync());
        await site.Get<Deliveries>().HandleAsync(deliver.ToJson(), "m3");
        Assert.Equal(0, await site.Get<FollowerStore>().CountFollowersAsync()); // failing for over a week: its followers are gone
    }
}
