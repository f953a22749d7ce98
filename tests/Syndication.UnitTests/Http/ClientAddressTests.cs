using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Syndication.Http;

namespace Syndication.Tests.Http;

/// <summary>Which address a request is counted against: Front Door's header with our id, a trusted proxy's rightmost X-Forwarded-For, else the peer.</summary>
public sealed class ClientAddressTests
{
    private const string FrontDoorId = "7a1c3f0e-2b4d-4e5f-9a6b-0c1d2e3f4a5b";

    private static string Of(string peer, (string Name, string Value)[] headers, string? frontDoorId = null, string trusted = NetworkOptions.Loopback)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(peer);
        foreach (var (name, value) in headers) context.Request.Headers.Append(name, value);
        return new ClientAddress(Options.Create(new NetworkOptions { FrontDoorId = frontDoorId, TrustedProxies = trusted })).Of(context.Request);
    }

    [Fact]
    public void FrontDoorsClientIpCountsOnlyWithOurFrontDoorId()
    {
        (string, string)[] viaFrontDoor = [("X-Azure-FDID", FrontDoorId.ToUpperInvariant()), ("X-Azure-ClientIP", "203.0.113.7"), ("X-Forwarded-For", "198.51.100.1, 192.0.2.10")];
        Assert.Equal("203.0.113.7", Of("127.0.0.1", viaFrontDoor, FrontDoorId));
        Assert.Equal("192.0.2.10", Of("127.0.0.1", viaFrontDoor, "00000000-0000-0000-0000-000000000000")); // another Front Door's
        Assert.Equal("192.0.2.10", Of("127.0.0.1", viaFrontDoor)); // no id configured: the header means nothing
        Assert.Equal("192.0.2.10", Of("127.0.0.1", [("X-Azure-ClientIP", "203.0.113.7"), ("X-Forwarded-For", "192.0.2.10")], FrontDoorId)); // no FDID header
        Assert.Equal("192.0.2.10", Of("127.0.0.1", [("X-Azure-FDID", FrontDoorId), ("X-Azure-ClientIP", "not an address"), ("X-Forwarded-For", "192.0.2.10")], FrontDoorId));
    }

    [Theory]
    [InlineData("198.51.100.1, 203.0.113.7", "203.0.113.7")]
    [InlineData("198.51.100.1,203.0.113.7:5678", "203.0.113.7")]
    [InlineData("203.0.113.7:443", "203.0.113.7")]
    [InlineData("198.51.100.1, [2001:db8::7]:80", "2001:db8::7")]
    [InlineData("2001:db8::7", "2001:db8::7")]
    [InlineData("[::1]:80", "::1")]
    [InlineData("::ffff:203.0.113.7", "203.0.113.7")]
    [InlineData("198.51.100.1, garbage", "127.0.0.1")]
    public void FromATrustedProxyTheRightmostForwardedForEntryIsTheClient(string forwardedFor, string client) =>
        Assert.Equal(client, Of("127.0.0.1", [("X-Forwarded-For", forwardedFor)]));

    [Fact]
    public void SeveralForwardedForLinesAreOneListAndItsLastEntryCounts()
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.IPv6Loopback;
        context.Request.Headers["X-Forwarded-For"] = new Microsoft.Extensions.Primitives.StringValues(["198.51.100.1", "192.0.2.1, 203.0.113.7"]);
        Assert.Equal("203.0.113.7", new ClientAddress(Options.Create(new NetworkOptions())).Of(context.Request));
    }

    [Fact]
    public void FromAnUntrustedPeerForwardedForIsIgnored()
    {
        Assert.Equal("192.0.2.50", Of("192.0.2.50", [("X-Forwarded-For", "203.0.113.7")]));
        Assert.Equal("127.0.0.1", Of("127.0.0.1", [("X-Forwarded-For", "203.0.113.7")], trusted: "")); // trusting no proxy
        Assert.Equal("203.0.113.7", Of("10.1.2.3", [("X-Forwarded-For", "203.0.113.7")], trusted: "10.0.0.0/8, 192.0.2.1"));
        Assert.Equal("203.0.113.7", Of("::ffff:192.0.2.1", [("X-Forwarded-For", "203.0.113.7")], trusted: "10.0.0.0/8, 192.0.2.1"));
        Assert.Equal("192.0.2.2", Of("192.0.2.2", [("X-Forwarded-For", "203.0.113.7")], trusted: "10.0.0.0/8, 192.0.2.1"));
        Assert.Equal("192.0.2.50", Of("192.0.2.50", [("X-Azure-FDID", "wrong"), ("X-Azure-ClientIP", "203.0.113.7")], FrontDoorId));
    }

    [Fact]
    public void AMalformedTrustedProxiesSettingIsRefusedNamingTheSetting()
    {
        var e = Assert.Throws<InvalidOperationException>(() => new ClientAddress(Options.Create(new NetworkOptions { TrustedProxies = "10.0.0.0/8, proxy.local" })));
        Assert.Contains("Syndication__Network__TrustedProxies", e.Message);
    }

    [Fact]
    public void TheLocalRunnerAppendsThePeerSoTheClientsOwnTextIsNeverRightmost()
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse("::ffff:127.0.0.3");
        context.Request.Headers["X-Forwarded-For"] = "203.0.113.7";
        ClientAddress.AppendPeer(context);
        Assert.Equal("203.0.113.7, 127.0.0.3", context.Request.Headers["X-Forwarded-For"].ToString());
        Assert.Equal("127.0.0.3", new ClientAddress(Options.Create(new NetworkOptions())).Of(context.Request));
    }
}
