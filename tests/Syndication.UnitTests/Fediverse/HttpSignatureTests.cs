using System.Net;
using System.Security.Cryptography;
using System.Text;
using Syndication.Fediverse;

namespace Syndication.Tests.Fediverse;

/// <summary>Draft-cavage signatures as Mastodon makes them, and the address rule every fetch and delivery follows.</summary>
public sealed class HttpSignatureTests
{
    // A request as Mastodon signs it (app/lib/request.rb): the headers= list decides the order of the signing string.
    [Fact]
    public void AMastodonStyleSignatureParsesAndVerifiesInTheOrderItsHeadersListGives()
    {
        using var key = RSA.Create(2048);
        var headers = new Dictionary<string, string> { ["host"] = "news.example.com", ["date"] = "Sat, 05 Dec 2026 00:00:15 GMT", ["digest"] = HttpSignature.Digest("{}"u8), ["content-type"] = "application/activity+json" };
        string[] order = ["date", "(request-target)", "host", "digest", "content-type"];
        var signing = HttpSignature.SigningString(order, "POST", "/api/fediverse/inbox", h => headers.GetValueOrDefault(h));
        Assert.StartsWith("date: Sat, 05 Dec 2026 00:00:15 GMT\n(request-target): post /api/fediverse/inbox\nhost: news.example.com", signing);
        var header = HttpSignature.Sign(key, "https://masto.example/users/a#main-key", order, signing);

        var parsed = HttpSignature.Parse(header, out var problem);
        Assert.True(parsed is not null, problem);
        Assert.Equal(("https://masto.example/users/a#main-key", "rsa-sha256"), (parsed.KeyId, parsed.Algorithm));
        Assert.Equal(order, parsed.Headers);
        Assert.True(HttpSignature.Verify(key, HttpSignature.SigningString(parsed.Headers, "post", "/api/fediverse/inbox", h => headers.GetValueOrDefault(h)), parsed.Signature));
        Assert.False(HttpSignature.Verify(key, signing.Replace("news.example.com", "evil.example"), parsed.Signature));
    }

    [Theory]
    [InlineData(null, "no Signature header")]
    [InlineData("keyId=\"k\",headers=\"(request-target) host date digest\"", "no keyId or signature")]
    [InlineData("keyId=\"k\",algorithm=\"hmac-sha256\",headers=\"(request-target) host date digest\",signature=\"AAAA\"", "unsupported signature algorithm")]
    [InlineData("keyId=\"k\",algorithm=\"rsa-sha256\",headers=\"(request-target) host date\",signature=\"AAAA\"", "does not cover digest")]
    [InlineData("keyId=\"k\",algorithm=\"hs2019\",headers=\"host date digest\",signature=\"AAAA\"", "does not cover (request-target)")]
    [InlineData("keyId=\"k\",headers=\"(request-target) host date digest\",signature=\"not base64!\"", "not base64")]
    [InlineData("keyId=\"k\",keyId=\"j\",headers=\"(request-target) host date digest\",signature=\"AAAA\"", "repeats a parameter")]
    [InlineData("keyId=\"k\",headers=\"(request-target) host date digest\",Signature=\"AAAA\",signature=\"AAAA\"", "repeats a parameter")]
    public void ASignatureHeaderThatCannotBeUsedSaysWhy(string? header, string reason)
    {
        Assert.Null(HttpSignature.Parse(header, out var problem));
        Assert.Contains(reason, problem);
    }

    [Fact]
    public void TheDigestMatchesOnlyTheBodyItWasMadeOfInAnyCaseOfItsName()
    {
        var digest = HttpSignature.Digest("{\"a\":1}"u8);
        Assert.True(HttpSignature.DigestMatches(digest, "{\"a\":1}"u8));
        Assert.True(HttpSignature.DigestMatches("sha-256=" + digest[8..], "{\"a\":1}"u8));
        Assert.True(HttpSignature.DigestMatches("MD5=xyz, " + digest, "{\"a\":1}"u8));
        Assert.False(HttpSignature.DigestMatches(digest, "{\"a\":2}"u8));
        Assert.False(HttpSignature.DigestMatches(null, "{}"u8));
    }

    [Theory]
    [InlineData("127.0.0.1", false)]
    [InlineData("10.1.2.3", false)]
    [InlineData("172.20.0.1", false)]
    [InlineData("192.168.1.1", false)]
    [InlineData("169.254.169.254", false)] // cloud metadata
    [InlineData("100.64.0.1", false)]
    [InlineData("0.0.0.0", false)]
    [InlineData("::1", false)]
    [InlineData("fe80::1", false)]
    [InlineData("fd00::1", false)]
    [InlineData("::ffff:10.0.0.1", false)]
    [InlineData("168.63.129.16", false)] // Azure platform (DNS, health, metadata)
    [InlineData("::10.0.0.1", false)] // IPv4-compatible
    [InlineData("::ffff:127.0.0.1", false)]
    [InlineData("64:ff9b::a9fe:a9fe", false)] // NAT64 of 169.254.169.254
    [InlineData("64:ff9b::5db8:d70e", true)] // NAT64 of a public address
    [InlineData("2002:7f00:1::", false)] // 6to4 of 127.0.0.1
    [InlineData("2002:a00:1::", false)] // 6to4 of 10.0.0.1
    [InlineData("2001:db8::1", false)] // documentation
    [InlineData("2001:0:4136:e378::1", false)] // Teredo
    [InlineData("100::1", false)] // discard-only, not global unicast
    [InlineData("::", false)]
    [InlineData("93.184.215.14", true)]
    [InlineData("2606:4700::1111", true)]
    public void OnlyPublicAddressesMayBeFetchedOrDeliveredTo(string address, bool isPublic) =>
        Assert.Equal(isPublic, SafeHttp.IsPublic(IPAddress.Parse(address)));
}
