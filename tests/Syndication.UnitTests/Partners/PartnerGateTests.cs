using System.Security.Cryptography;
using System.Text;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Syndication.Feeds;
using Syndication.Partners;
using Syndication.Security;
using Syndication.Storage;

namespace Syndication.Tests.Partners;

/// <summary>The gate alone, nothing running: guesses whose user name is not the partner's id never read storage.</summary>
public sealed class PartnerGateTests
{
    private static PartnerGate Gate(int maxFailures)
    {
        var store = new PartnerStore(new StorageAccount(new TableServiceClient("UseDevelopmentStorage=true"), new BlobServiceClient("UseDevelopmentStorage=true"),
            Options.Create(new StorageOptions())));
        var key = new ServerKey(RandomNumberGenerator.GetBytes(32));
        var options = Options.Create(new PartnerOptions { MaxFailures = maxFailures });
        return new PartnerGate(store, key, new PartnerTokens(key, options, TimeProvider.System), options,
            Options.Create(new FeedOptions()), TimeProvider.System, NullLogger<PartnerGate>.Instance);
    }

    private static string Basic(string user, string password) => "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}"));

    [Fact]
    public async Task AnIpv6ClientCountsAsItsSlash64()
    {
        using var gate = Gate(maxFailures: 3);
        foreach (var client in new[] { "2001:db8:1:2::1", "2001:db8:1:2::2", "2001:db8:1:2:ffff::3" })
            Assert.Equal(401, (await gate.CheckAsync("acme", Basic("someone", "guess"), client)).Status);
        Assert.Equal(429, (await gate.CheckAsync("acme", Basic("someone", "guess"), "2001:db8:1:2:abcd::9")).Status);
        Assert.Equal(401, (await gate.CheckAsync("acme", Basic("someone", "guess"), "2001:db8:1:3::1")).Status); // the next /64
        Assert.Equal(401, (await gate.CheckAsync("acme", Basic("someone", "guess"), "192.0.2.1")).Status);
        Assert.Equal(0, gate.Pbkdf2s);
        Assert.Equal(0, gate.Reads);
    }

    [Fact]
    public async Task MissingOrMalformedCredentialsAre401WithoutCountingAFailure()
    {
        using var gate = Gate(maxFailures: 1);
        foreach (var header in new[] { null, "", "Bearer x", "Basic !!!", Basic("", "x"), "Basic " + Convert.ToBase64String("no-colon"u8) })
            Assert.Equal(401, (await gate.CheckAsync("acme", header, "192.0.2.1")).Status);
        Assert.Equal(0, gate.Hmacs);
        Assert.Equal(401, (await gate.CheckAsync("acme", Basic("someone", "guess"), "192.0.2.1")).Status);
        Assert.Equal(1, gate.Hmacs);
        var locked = await gate.CheckAsync("acme", null, "192.0.2.1");
        Assert.Equal(429, locked.Status);
        Assert.InRange(locked.RetryAfter, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(300));
    }

    [Fact]
    public async Task ABearerTokenWeDidNotSignCountsAsAFailureWithoutAStorageReadAndTextThatIsNoJwtDoesNot()
    {
        using var gate = Gate(maxFailures: 2);
        foreach (var header in new[] { "Bearer x", "Bearer a.b", "Bearer ", "Bearer a.b.c d" })
        {
            var check = await gate.CheckAsync("acme", header, "192.0.2.1");
            Assert.Equal((401, true), (check.Status, check.Bearer));
        }
        var forged = "Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6ImF0K2p3dCJ9.eyJzdWIiOiJhY21lIn0.c2lnbmF0dXJlLW5vdC1vdXJz";
        Assert.Equal(401, (await gate.CheckAsync("acme", forged, "192.0.2.1")).Status);
        Assert.Equal(401, (await gate.CheckAsync("acme", forged, "192.0.2.1")).Status);
        var locked = await gate.CheckAsync("acme", forged, "192.0.2.1");
        Assert.Equal((429, true), (locked.Status, locked.Bearer));
        Assert.Equal(429, (await gate.CheckAsync("acme", Basic("someone", "guess"), "192.0.2.1")).Status); // one count for both schemes
        Assert.Equal(401, (await gate.CheckAsync("acme", forged, "192.0.2.2")).Status);
        Assert.Equal(0, gate.Reads);
    }
}
