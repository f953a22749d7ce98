using Azure.Core;
using Syndication.Storage;
using Syndication.Tests.Support;

namespace Syndication.Tests.Fediverse;

/// <summary>
/// The follower caps count registrable domains, not hosts, and the kept counts always equal the rows: follows and
/// undos racing, or a write failing half-way, leave no drift.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class FollowerCountTests(AzuriteFixture azurite)
{
    private static Follower From(string actor) => new(actor, actor + "/inbox", null, actor + "#follow", DateTimeOffset.UtcNow, "https://news.example.com/");

    private async Task<(int Kept, int Rows)> CountsAsync(TestSite site) =>
        (await site.Get<FollowerStore>().FollowerTotalAsync(), await site.Get<FollowerStore>().CountFollowersAsync());

    [Fact]
    public async Task FollowersFromManySubdomainsOfOneDomainStopAtTheDomainCapAndLeaveTheTotalOpenToOthers()
    {
        await using var site = new TestSite(azurite);
        var store = site.Get<FollowerStore>();
        async Task<int> AddAsync(string domain, int n)
        {
            var added = 0;
            foreach (var i in Enumerable.Range(0, n))
                if (await store.AddFollowerAsync(From($"https://s{i}.{domain}/users/x"), maxPerDomain: 3, maxTotal: 6)) added++;
            return added;
        }
        Assert.Equal(3, await AddAsync("evil.example", 12));
        Assert.Equal(3, await AddAsync("evil.co.uk", 4)); // the same under a country's second level: evil.co.uk, not co.uk
        Assert.True(await store.AddFollowerAsync(From("https://mastodon.example/users/reader"), maxPerDomain: 3, maxTotal: 7));
        Assert.True(await store.AddFollowerAsync(From("https://s0.evil.example/users/x"), maxPerDomain: 3, maxTotal: 7)); // a repeat is no new follower
        Assert.False(await store.AddFollowerAsync(From("https://other.example/users/late"), maxPerDomain: 3, maxTotal: 7)); // the total holds
        Assert.Equal((7, 7), await CountsAsync(site));
        Assert.True(await store.RemoveFollowerAsync("https://s1.evil.example/users/x"));
        Assert.True(await store.AddFollowerAsync(From("https://s9.evil.example/users/x"), maxPerDomain: 3, maxTotal: 7)); // its place freed
    }

    [Fact]
    public async Task FollowsAndUndosRacingLeaveTheKeptCountEqualToTheRows()
    {
        await using var site = new TestSite(azurite);
        var store = site.Get<FollowerStore>();
        await Parallel.ForEachAsync(Enumerable.Range(0, 120), new ParallelOptions { MaxDegreeOfParallelism = 12 }, async (i, ct) =>
        {
            var actor = $"https://h{i % 3}.race.example/users/u{i % 10}";
            if (i % 2 == 0) await store.AddFollowerAsync(From(actor), ct: ct);
            else await store.RemoveFollowerAsync(actor, ct);
        });
        var (kept, rows) = await CountsAsync(site);
        Assert.Equal(rows, kept);
        // The domain's count too: a cap of the rows there now admits none more, and one more after a removal.
        var left = await store.FollowersAsync().Select(f => f.Actor).ToListAsync();
        Assert.False(await store.AddFollowerAsync(From("https://new.race.example/users/n"), maxPerDomain: left.Count));
        if (left.Count > 0)
        {
            await store.RemoveFollowerAsync(left[0]);
            Assert.True(await store.AddFollowerAsync(From("https://new.race.example/users/n"), maxPerDomain: left.Count));
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public async Task AFollowOrUndoWhoseWritesFailAfterTheNthLeavesTheKeptCountEqualToTheRows(int writesLetThrough)
    {
        var tap = new StorageTap();
        await using var site = new TestSite(azurite, replace: tap.On(azurite));
        var store = site.Get<FollowerStore>();
        Assert.True(await store.AddFollowerAsync(From("https://first.example/users/a")));
        foreach (var step in new Func<Task>[] { () => store.AddFollowerAsync(From("https://second.example/users/b")), () => store.RemoveFollowerAsync("https://first.example/users/a") })
        {
            var writes = 0;
            tap.Fault = m => StorageTap.IsTable(m, azurite) && m.Request.Method != RequestMethod.Get && Interlocked.Increment(ref writes) > writesLetThrough ? 503 : null;
            try
            {
                await step();
            }
            catch (Azure.RequestFailedException)
            {
                // The write failed: the caller (the inbox) answers 5xx and the sender retries.
            }
            tap.Fault = null;
            var (kept, rows) = await CountsAsync(site);
            Assert.Equal(rows, kept);
        }
    }

    [Fact]
    public async Task AMissingTotalIsRebuiltFromTheRowsOnce()
    {
        await using var site = new TestSite(azurite);
        var store = site.Get<FollowerStore>();
        foreach (var i in Enumerable.Range(0, 5)) await store.AddFollowerAsync(From($"https://s{i}.one.example/users/u"));
        var table = StorageClients.Tables(site.Get<Microsoft.Extensions.Configuration.IConfiguration>())
            .GetTableClient(site.Get<Microsoft.Extensions.Options.IOptions<StorageOptions>>().Value.Table);
        await table.DeleteEntityAsync("follower", "~total"); // as a table from before the counts lived beside the rows
        Assert.Equal(5, await store.FollowerTotalAsync());
        Assert.False(await store.AddFollowerAsync(From("https://s9.one.example/users/u"), maxPerDomain: 5)); // the domain's count holds too
    }
}
