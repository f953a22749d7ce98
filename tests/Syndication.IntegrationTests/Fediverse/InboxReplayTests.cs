using System.Text;
using System.Text.Json.Nodes;
using Syndication.Fediverse;
using Syndication.Storage;
using Syndication.Tests.Support;
using Xunit.Abstractions;
using static Syndication.Tests.Fediverse.InboxHostileTests;

namespace Syndication.Tests.Fediverse;

/// <summary>
/// Replay protection costs rows only where a replay would change a follow: ignored activities write nothing, one actor
/// holds one row per 12-hour bucket with a bounded number of signatures, and old buckets are purged from the queue.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class InboxReplayTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private const int N = 24;

    private static byte[] Activity(FakeFediverse remote, string type, string id, JsonNode? @object) => Encoding.UTF8.GetBytes(new JsonObject
    {
        ["@context"] = "https://www.w3.org/ns/activitystreams", ["id"] = remote.ActorId + "#" + id, ["type"] = type, ["actor"] = remote.ActorId, ["object"] = @object,
    }.ToJsonString());

    private static byte[] Undo(FakeFediverse remote, string id = "undo-1") => Activity(remote, "Undo", id,
        new JsonObject { ["id"] = remote.ActorId + "#follow-1", ["type"] = "Follow", ["actor"] = remote.ActorId, ["object"] = Actor });

    [Fact]
    public async Task AFollowReplayedAfterItsUndoIs401AndTheFollowerStaysGone()
    {
        await using var site = Site(azurite);
        await using var remote = await FakeFediverse.StartAsync();
        var date = DateTimeOffset.UtcNow;
        Assert.Equal(202, (await PostAsync(site, remote.SignedPost(Host, remote.Follow(Actor), date))).Status);
        Assert.Equal(1, await FollowersAsync(site));
        Assert.Equal(202, (await PostAsync(site, remote.SignedPost(Host, Undo(remote), DateTimeOffset.UtcNow))).Status);
        Assert.Equal(0, await FollowersAsync(site));

        await AssertRefusedAsync(site, remote.SignedPost(Host, remote.Follow(Actor), date), 401, "replay"); // the same bytes, signature and all
    }

    [Fact]
    public async Task AFollowWhoseStorageWriteFailsIs503WithRetryAfterAndTheSameSignedBytesSucceedWhenSentAgain()
    {
        var tap = new StorageTap();
        await using var site = Site(azurite, replace: tap.On(azurite));
        await using var remote = await FakeFediverse.StartAsync();
        var date = DateTimeOffset.UtcNow;
        // Every entity-group transaction (the follower row with its counts) fails; the seen mark's own write goes through.
        tap.Fault = m => StorageTap.IsTable(m, azurite) && m.Request.Uri.Path.EndsWith("$batch", StringComparison.Ordinal) ? 503 : null;
        var failed = remote.SignedPost(Host, remote.Follow(Actor), date);
        var (status, text) = await PostAsync(site, failed);
        Assert.True(status == 503, text);
        Assert.Equal(InboxProcessor.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture), failed.Response.Headers.RetryAfter.ToString());
        Assert.Equal(0, await FollowersAsync(site));
        Assert.Equal(0, await site.Get<FollowerStore>().CountSeenAsync()); // the mark was taken back

        tap.Fault = null;
        (status, text) = await PostAsync(site, remote.SignedPost(Host, remote.Follow(Actor), date)); // the same bytes, signature and all
        Assert.True(status == 202, text);
        Assert.Equal(1, await FollowersAsync(site));
        Assert.Equal(202, (await PostAsync(site, remote.SignedPost(Host, Undo(remote), DateTimeOffset.UtcNow))).Status);
        await AssertRefusedAsync(site, remote.SignedPost(Host, remote.Follow(Actor), date), 401, "replay"); // once stored, a replay again
    }

    [Fact]
    public async Task AFollowRefusedByTheCapIs403AndLeavesNoSeenRowSoItsResendIs403Again()
    {
        await using var site = Site(azurite, maxFollowers: 1);
        await using var remote = await FakeFediverse.StartAsync();
        var store = site.Get<FollowerStore>();
        Assert.True(await store.AddFollowerAsync(new Follower("https://first.example/users/a", "https://first.example/inbox", null, "f", DateTimeOffset.UtcNow, "https://news.example.com/")));
        var date = DateTimeOffset.UtcNow;
        for (var i = 0; i < 2; i++)
        {
            var (status, text) = await PostAsync(site, remote.SignedPost(Host, remote.Follow(Actor), date)); // the second: the same bytes
            Assert.True(status == 403, text);
            Assert.Equal(0, await store.CountSeenAsync());
        }
        Assert.Null(await store.FollowerAsync(remote.ActorId));
    }

    [Fact]
    public async Task VerifiedPostsOfIgnoredTypesAndUndosFromStrangersAreAnswered202AndWriteNoRows()
    {
        await using var site = Site(azurite);
        await using var remote = await FakeFediverse.StartAsync();
        for (var i = 0; i < N; i++)
        {
            var body = (i % 3) switch
            {
                0 => Activity(remote, "Like", $"like-{i}", "https://news.example.com/api/articles/a"),
                1 => Activity(remote, "Create", $"note-{i}", new JsonObject { ["type"] = "Note", ["content"] = "hi" }),
                _ => Undo(remote, $"undo-{i}"), // it does not follow: nothing to undo
            };
            var (status, text) = await PostAsync(site, remote.SignedPost(Host, body, DateTimeOffset.UtcNow.AddSeconds(-i)));
            Assert.True(status == 202, text);
        }
        var seen = await site.Get<FollowerStore>().CountSeenAsync();
        output.WriteLine($"{N} verified POSTs of ignored activities wrote {seen} seen rows (before: one per POST, {N})");
        Assert.Equal(0, seen);
        Assert.Equal(0, await FollowersAsync(site));
    }

    [Fact]
    public async Task FollowsFromOneActorWriteOneSeenRowAndPastTheBoundAreRefusedWith429()
    {
        await using var site = Site(azurite);
        await using var remote = await FakeFediverse.StartAsync();
        var date = DateTimeOffset.UtcNow; // one Date: one bucket, whatever the clock
        var statuses = new List<int>();
        for (var i = 0; i < N; i++) statuses.Add((await PostAsync(site, remote.SignedPost(Host, remote.Follow(Actor, $"follow-{i}"), date))).Status);
        var seen = await site.Get<FollowerStore>().CountSeenAsync();
        output.WriteLine($"{N} Follows from one actor wrote {seen} seen rows (before: {N}); statuses {string.Join(",", statuses)}");
        Assert.Equal(1, seen);
        Assert.Equal(Enumerable.Repeat(202, FollowerStore.SeenPerActor).Concat(Enumerable.Repeat(429, N - FollowerStore.SeenPerActor)), statuses);
        Assert.Equal(1, await FollowersAsync(site));
    }

    [Fact]
    public async Task AFollowQueuesOnePurgeForItsBucketAndNoRequestPurges()
    {
        await using var site = Site(azurite);
        await using var remote = await FakeFediverse.StartAsync();
        var store = site.Get<FollowerStore>();
        var now = DateTimeOffset.UtcNow;
        for (var i = 0; i < 3; i++) Assert.Equal(Seen.New, await store.MarkSeenAsync($"https://old.example/u{i}", [1, 2, (byte)i], now.AddHours(-30)));
        Assert.Equal(202, (await PostAsync(site, remote.SignedPost(Host, remote.Follow(Actor), now))).Status);
        Assert.Equal(202, (await PostAsync(site, remote.SignedPost(Host, Undo(remote), now))).Status);
        Assert.Equal(4, await store.CountSeenAsync()); // the requests purged nothing: 3 old rows, and the actor's one row for both
        Assert.Equal(1, await DeliveryTests.DrainAsync(site)); // the Accept; the purge is not visible before the bucket has left the window
        var queue = new Azure.Storage.Queues.QueueClient(azurite.ConnectionString, site.Get<Microsoft.Extensions.Options.IOptions<FediverseOptions>>().Value.DeliveryQueue);
        Assert.Equal(1, (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount); // one purge for the bucket, not one per request
    }

    [Fact]
    public async Task APurgeMessageRemovesOldBucketsABatchAtATimeAndKeepsTheCurrentOne()
    {
        await using var site = Site(azurite);
        var store = site.Get<FollowerStore>();
        var now = DateTimeOffset.UtcNow;
        await Parallel.ForEachAsync(Enumerable.Range(0, FollowerStore.PurgeBatch + 5), new ParallelOptions { MaxDegreeOfParallelism = 8 },
            async (i, ct) => await store.MarkSeenAsync($"https://old.example/u{i}", [1], now.AddHours(-30), ct));
        Assert.Equal(Seen.New, await store.MarkSeenAsync("https://now.example/u", [1], now));
        Assert.Equal(Seen.Replay, await store.MarkSeenAsync("https://now.example/u", [1], now));
        var purge = new DeliveryMessage { Kind = DeliveryMessage.Purge, Type = "Purge", Bucket = FollowerStore.BucketOf(now) };
        await site.Get<Deliveries>().HandleAsync(purge.ToJson(), "m1");
        Assert.Equal(6, await store.CountSeenAsync()); // one batch went; the purge queued itself again for the rest
        Assert.Equal(1, await DeliveryTests.DrainAsync(site));
        Assert.Equal(1, await store.CountSeenAsync());
        Assert.Equal(Seen.Replay, await store.MarkSeenAsync("https://now.example/u", [1], now)); // the current bucket is kept
    }

    [Fact]
    public async Task APurgeRemovesRowsOfTheEarlierTicksFormatWhateverTheirDate()
    {
        await using var site = Site(azurite);
        var store = site.Get<FollowerStore>();
        var now = DateTimeOffset.UtcNow;
        Assert.Equal(Seen.New, await store.MarkSeenAsync("https://now.example/u", [1], now));
        var table = FollowerCountTests.Table(site);
        foreach (var signed in new[] { now, now.AddHours(-30), new DateTimeOffset(2001, 1, 1, 0, 0, 0, TimeSpan.Zero) })
            await table.AddEntityAsync(new Azure.Data.Tables.TableEntity("seen", $"{signed.UtcTicks:D19}|{Guid.NewGuid():N}")); // as the earlier version wrote them
        Assert.Equal(4, await store.CountSeenAsync());
        Assert.Equal(3, await store.PurgeSeenAsync(FollowerStore.BucketOf(now)));
        Assert.Equal(1, await store.CountSeenAsync());
        Assert.Equal(Seen.Replay, await store.MarkSeenAsync("https://now.example/u", [1], now));
    }
}
