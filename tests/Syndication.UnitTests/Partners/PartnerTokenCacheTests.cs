using Microsoft.Extensions.Options;
using Syndication.Partners;
using Syndication.Security;
using Syndication.Storage;

namespace Syndication.Tests.Partners;

/// <summary>The verified-token cache is bounded: filled past its capacity it keeps at most that many, and the least recently read go.</summary>
public sealed class PartnerTokenCacheTests
{
    [Fact]
    public async Task FilledPastItsCapacityTheCacheStaysBoundedAndTheOldestTokensGoWhileRecentOnesStay()
    {
        using var tokens = new PartnerTokens(new ServerKey(new byte[32]), Options.Create(new PartnerOptions()), TimeProvider.System);
        const int over = 500;
        // One token per partner (the same partner in the same second gets the same text), each read once: verified and kept.
        var issued = Enumerable.Range(0, PartnerTokens.CacheCapacity + over)
            .Select(i => tokens.Issue(new StoredPartner($"partner-{i}", "P", ["all"], 0, "", "v1", DateTimeOffset.UnixEpoch))).ToList();
        foreach (var token in issued)
        {
            Assert.Equal(TokenVerdict.Valid, (await tokens.ReadAsync(token)).Verdict);
            Assert.InRange(tokens.Cached, 1, PartnerTokens.CacheCapacity);
        }
        Assert.Equal(issued.Count, tokens.Verifications);

        // Past the capacity the cache compacts (in the background): wait, tolerant of a loaded machine, until it has.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (tokens.Cached >= PartnerTokens.CacheCapacity && DateTime.UtcNow < deadline) await Task.Delay(50);
        Assert.InRange(tokens.Cached, PartnerTokens.CacheCapacity / 2, PartnerTokens.CacheCapacity - 1);

        // The oldest were dropped: reading one again checks its signature again. One read late, before the overflow, is still kept.
        var before = tokens.Verifications;
        Assert.Equal(TokenVerdict.Valid, (await tokens.ReadAsync(issued[PartnerTokens.CacheCapacity - 1])).Verdict);
        Assert.Equal(before, tokens.Verifications);
        Assert.Equal(TokenVerdict.Valid, (await tokens.ReadAsync(issued[0])).Verdict);
        Assert.Equal(before + 1, tokens.Verifications);
    }
}
