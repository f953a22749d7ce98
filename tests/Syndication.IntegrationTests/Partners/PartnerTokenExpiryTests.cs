using Microsoft.Extensions.DependencyInjection;
using Syndication.Http;
using Syndication.Partners;
using Syndication.Storage;
using Syndication.Tests.Support;

namespace Syndication.Tests.Partners;

/// <summary>A token's lifetime on a hand-driven clock: the library wired as the hosts wire it, on Azurite, the clock replaced.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class PartnerTokenExpiryTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task ATokenOpensTheFeedUntilItsExpiryAndIsRefusedAsInvalidTokenFromThatSecond()
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 12, 4, 12, 0, 0, TimeSpan.Zero));
        await using var site = new TestSite(azurite, new Dictionary<string, string?> { ["Syndication:Partners:TokenSeconds"] = "60" },
            services => services.AddSingleton<TimeProvider>(clock));
        var partner = new StoredPartner("acme", "Acme", ["all"], 0, "", Guid.NewGuid().ToString("N"), clock.GetUtcNow());
        Assert.True(await site.Get<PartnerStore>().AddPartnerAsync(partner));
        var token = site.Get<PartnerTokens>().Issue(partner);
        var feeds = site.Get<PartnerFeedHandlers>();
        Task<TestResponse> PullAsync() => TestSite.ExecuteAsync(r => feeds.GetFeedAsync(r, "acme", "all.rss"),
            path: "/api/partners/acme/feeds/all.rss", headers: new Dictionary<string, string> { ["Authorization"] = "Bearer " + token });

        Assert.Equal(200, (await PullAsync()).Status);
        clock.Advance(TimeSpan.FromSeconds(59));
        var last = await PullAsync();
        Assert.Equal(200, last.Status);
        FeedParsers.Syndication(last.Body); // a feed a real parser reads
        clock.Advance(TimeSpan.FromSeconds(1));
        var expired = await PullAsync();
        Assert.Equal(401, expired.Status);
        Assert.StartsWith("Bearer ", expired.Headers.WWWAuthenticate.ToString());
        Assert.Contains("error=\"invalid_token\"", expired.Headers.WWWAuthenticate.ToString());
        clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(401, (await PullAsync()).Status);
    }
}
