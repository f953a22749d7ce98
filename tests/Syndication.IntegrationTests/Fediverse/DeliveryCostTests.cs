using Syndication.Fediverse;
using Syndication.Tests.Support;
using Xunit.Abstractions;
using static Syndication.Tests.Fediverse.DeliveryTests;

namespace Syndication.Tests.Fediverse;

/// <summary>What a change's deliveries cost storage: the article row is read once for all inboxes, not once per inbox.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class DeliveryCostTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private const int Inboxes = 8;

    [Fact]
    public async Task ACreateToEightInboxesReadsItsArticleRowOnceAndAWithdrawalStillStopsTheRest()
    {
        var tap = new StorageTap();
        await using var inbox = await FakeFediverse.StartAsync();
        await using var site = new TestSite(azurite, Settings(Guid.NewGuid().ToString("N")[..12]), tap.On(azurite));
        await FollowAsync(site, inbox, followers: Inboxes, servers: Inboxes);
        await site.UploadTextAsync("s.md", Md("One"));
        await site.Ingestor.IngestSlugAsync("s");
        int ArticleReads() => tap.Requests.Count(c => c.Method == "GET" && Uri.UnescapeDataString(c.Target).Contains("RowKey='a|s'"));

        tap.Reset();
        await DrainAsync(site);
        output.WriteLine($"article row reads for one Create to {Inboxes} inboxes: {ArticleReads()} (before: one per delivery, {Inboxes})");
        Assert.Equal(Inboxes, inbox.Posts.Count);
        Assert.Equal(1, ArticleReads());

        // A delivery after the article is withdrawn is not sent: the withdrawal changed the feed version, so it reads again.
        var version = await VersionAsync(site, "s");
        await site.Incoming.DeleteBlobAsync("s.md");
        await site.Ingestor.IngestSlugAsync("s");
        await site.Get<Deliveries>().HandleAsync(new DeliveryMessage
        {
            Kind = DeliveryMessage.Deliver, Type = "Create", Slug = "s", Version = version, Origin = "https://news.example.com/",
            Inbox = inbox.Inbox(0), FirstTry = DateTimeOffset.UtcNow,
        }.ToJson(), "late");
        Assert.Equal(Inboxes, inbox.Posts.Count);
    }
}
