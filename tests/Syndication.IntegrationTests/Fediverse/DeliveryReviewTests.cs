using Syndication.Fediverse;
using Syndication.Storage;
using Syndication.Tests.Support;
using static Syndication.Tests.Fediverse.DeliveryTests;

namespace Syndication.Tests.Fediverse;

/// <summary>The security review's delivery findings (issue 26): nothing stale goes out, one failure drops nobody, no redirects.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class DeliveryReviewTests(AzuriteFixture azurite)
{
    private static DeliveryMessage Deliver(string type, string version, FakeFediverse inbox) => new()
    {
        Kind = DeliveryMessage.Deliver, Type = type, Slug = "s", Version = version, Origin = "https://news.example.com/",
        Inbox = inbox.Inbox(0), FirstTry = DateTimeOffset.UtcNow,
    };

    [Fact]
    public async Task ACreateOrUpdateOfAVersionNoLongerStoredIsNotSent()
    {
        await using var inbox = await FakeFediverse.StartAsync();
        await using var site = new TestSite(azurite, Settings(Guid.NewGuid().ToString("N")[..12]));
        await FollowAsync(site, inbox, followers: 1, servers: 1);
        await site.UploadTextAsync("s.md", Md("One"));
        await site.Ingestor.IngestSlugAsync("s");
        await DrainAsync(site);
        var first = await VersionAsync(site, "s");
        await site.UploadTextAsync("s.md", Md("Two"));
        await site.Ingestor.IngestSlugAsync("s");
        await DrainAsync(site);
        var second = await VersionAsync(site, "s");
        Assert.Equal(2, inbox.Posts.Count); // Create, Update

        await site.Get<Deliveries>().HandleAsync(Deliver("Create", first, inbox).ToJson(), "late-retry"); // superseded
        Assert.Equal(2, inbox.Posts.Count);
        await site.Incoming.DeleteBlobAsync("s.md");
        await site.Ingestor.IngestSlugAsync("s");
        await DrainAsync(site);
        Assert.Equal(3, inbox.Posts.Count); // the Delete
        await site.Get<Deliveries>().HandleAsync(Deliver("Update", second, inbox).ToJson(), "late-retry-2"); // withdrawn since
        Assert.Equal(["Create", "Update", "Delete"], inbox.Posts.Select(p => (string?)p.Json["type"]));
    }

    [Fact]
    public async Task AnySuccessfulDeliveryEndsAFailingSpellSoALaterFailureDropsNoFollowers()
    {
        await using var inbox = await FakeFediverse.StartAsync();
        await using var site = new TestSite(azurite, Settings(Guid.NewGuid().ToString("N")[..12]));
        await FollowAsync(site, inbox, followers: 2, servers: 1);
        await site.UploadTextAsync("s.md", Md("One"));
        await site.Ingestor.IngestSlugAsync("s");
        var store = site.Get<FollowerStore>();
        await store.InboxFailedAsync(inbox.Inbox(0), DateTimeOffset.UtcNow.AddDays(-8)); // one failure long ago
        var deliver = Deliver("Create", await VersionAsync(site, "s"), inbox);
        await site.Get<Deliveries>().HandleAsync(deliver.ToJson(), "first-try"); // succeeds at its first attempt
        inbox.InboxStatus = 503;
        await site.Get<Deliveries>().HandleAsync(deliver.ToJson(), "again");
        Assert.Equal(2, inbox.Posts.Count);
        Assert.Equal(2, await store.CountFollowersAsync());
    }

    [Fact]
    public async Task ARedirectingInboxIsAFailedDeliveryAndIsQueuedAgain()
    {
        var id = Guid.NewGuid().ToString("N")[..12];
        await using var inbox = await FakeFediverse.StartAsync();
        await using var site = new TestSite(azurite, Settings(id));
        await FollowAsync(site, inbox, followers: 1, servers: 1);
        inbox.RedirectTo = new Uri(inbox.Origin, "/doc/landing").AbsoluteUri;
        inbox.Documents["landing"] = new System.Text.Json.Nodes.JsonObject();
        await site.UploadTextAsync("s.md", Md("One"));
        await site.Ingestor.IngestSlugAsync("s");
        await DrainAsync(site);
        Assert.Single(inbox.Posts);
        var queue = StorageClients.Queues(site.Get<Microsoft.Extensions.Configuration.IConfiguration>()).GetQueueClient($"fedi-{id}");
        Assert.Equal(1, (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount); // queued again, as any failure
    }
}
