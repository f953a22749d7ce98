using System.Security.Cryptography;
using System.Text;
using Azure.Core;
using Azure.Data.Tables;
using Syndication.Storage;
using Syndication.Tests.Support;

namespace Syndication.Tests.Fediverse;

/// <summary>
/// The follower caps count registrable domains, not hosts, and the kept counts always equal the rows: follows and
/// undos racing, or a write failing half-way, leave no drift.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class FollowerCountTests(AzuriteFixture azurite, Xunit.Abstractions.ITestOutputHelper output)
{
    private static Follower From(string actor) => new(actor, actor + "/inbox", null, actor + "#follow", DateTimeOffset.UtcNow, "https://news.example.com/");

    /// <summary>The site's table itself, to write rows as an earlier version left them.</summary>
    internal static TableClient Table(TestSite site) =>
        site.Get<TableServiceClient>().GetTableClient(site.Get<Microsoft.Extensions.Options.IOptions<StorageOptions>>().Value.Table);

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
    public async Task ThirtyTwoConcurrentFollowsFromOneDomainAllLandAndAreCounted()
    {
        const int Crowd = 32;
        var tap = new StorageTap();
        await using var site = new TestSite(azurite, replace: tap.On(azurite));
        var store = site.Get<FollowerStore>();
        Assert.True(await store.AddFollowerAsync(From("https://first.crowd.example/users/a"))); // the total exists: the race is on the counts alone
        for (var round = 0; round < 3; round++)
        {
            var added = await Task.WhenAll(Enumerable.Range(0, Crowd).Select(i => store.AddFollowerAsync(From($"https://h{i}.crowd.example/users/r{round}"))));
            Assert.All(added, Assert.True);
        }
        var transactions = tap.Requests.Count(r => r.Target.Contains("$batch", StringComparison.Ordinal));
        output.WriteLine($"{3 * Crowd} follows in rounds of {Crowd} took {transactions} transactions ({transactions - 3 * Crowd - 1} lost races)");
        Assert.Equal((1 + 3 * Crowd, 1 + 3 * Crowd), await CountsAsync(site));
        Assert.False(await store.AddFollowerAsync(From("https://late.crowd.example/users/x"), maxPerDomain: 1 + 3 * Crowd)); // the domain's count too
    }

    [Fact]
    public async Task RebuildsRacingEachOtherAndTheAddsAfterThemLeaveEveryCountEqualToTheRows()
    {
        await using var site = new TestSite(azurite);
        var store = site.Get<FollowerStore>();
        var table = Table(site);
        await store.CountFollowersAsync(); // the table made
        for (var round = 0; round < 3; round++)
        {
            // A table from before the counts: 430 follower rows of one domain, no total, no domain count.
            var domain = $"rebuild{round}.example";
            var rows = Enumerable.Range(0, 430).Select(i => From($"https://s{i}.{domain}/users/u")).Select(f => new TableEntity("follower", Hex(f.Actor))
                { ["Actor"] = f.Actor, ["Inbox"] = f.Inbox, ["FollowId"] = f.FollowId, ["Since"] = f.Since, ["Origin"] = f.Origin });
            foreach (var chunk in rows.Chunk(100)) await table.SubmitTransactionAsync(chunk.Select(r => new TableTransactionAction(TableTransactionActionType.Add, r)));
            if (round > 0) await table.DeleteEntityAsync("follower", "~total"); // earlier rounds' domain counts stay, as they would

            var work = Enumerable.Range(0, 3).Select(_ => (Task)store.FollowerTotalAsync())
                .Concat(Enumerable.Range(0, 30).Select(i => (Task)store.AddFollowerAsync(From($"https://n{i}.{domain}/users/new"))));
            await Task.WhenAll(work.ToList());

            var rowCount = await store.CountFollowersAsync();
            Assert.Equal((rowCount, rowCount), await CountsAsync(site));
            var counted = await table.GetEntityAsync<TableEntity>("follower", "~domain|" + Hex(domain));
            Assert.Equal(460, counted.Value.GetInt32("Count"));
        }
    }

    private static string Hex(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    [Fact]
    public async Task AMissingTotalIsRebuiltFromTheRowsOnce()
    {
        await using var site = new TestSite(azurite);
        var store = site.Get<FollowerStore>();
        foreach (var i in Enumerable.Range(0, 5)) await store.AddFollowerAsync(From($"https://s{i}.one.example/users/u"));
        await Table(site).DeleteEntityAsync("follower", "~total"); // as a table from before the counts lived beside the rows
        Assert.Equal(5, await store.FollowerTotalAsync());
        Assert.False(await store.AddFollowerAsync(From("https://s9.one.example/users/u"), maxPerDomain: 5)); // the domain's count holds too
    }
}
