using Syndication.Storage;

namespace Syndication.Tests.Fediverse;

/// <summary>The domain the follower caps count: subdomains fold into their registrable domain, country second levels are kept apart.</summary>
public sealed class RegistrableDomainTests
{
    [Theory]
    [InlineData("https://a.evil.example/users/x", "evil.example")]
    [InlineData("https://b.c.EVIL.example./users/x", "evil.example")]
    [InlineData("https://evil.example/users/x", "evil.example")]
    [InlineData("https://mastodon.social/users/x", "mastodon.social")]
    [InlineData("https://s1.evil.co.uk/users/x", "evil.co.uk")]
    [InlineData("https://social.example.com.au/@x", "example.com.au")]
    [InlineData("https://a.b.example.de/users/x", "example.de")]
    [InlineData("https://mstdn.jp/users/x", "mstdn.jp")]
    [InlineData("https://bücher.example/users/x", "xn--bcher-kva.example")]
    [InlineData("https://x.co.de/users/x", "co.de")] // no generic second levels under de: co.de is the domain
    [InlineData("https://y.co.de/users/x", "co.de")]
    [InlineData("https://a.example.com.example/users/x", "com.example")]
    [InlineData("http://127.0.0.1:8080/users/x", "127.0.0.0/24")]
    [InlineData("http://[::1]/users/x", "::/64")]
    [InlineData("not a url", "not a url")]
    public void AnActorsHostFoldsIntoItsRegistrableDomain(string actor, string domain) => Assert.Equal(domain, RegistrableDomain.Of(actor));

    [Theory]
    [InlineData("https://_a.evil.example/users/x", "https://_b.x_y.evil.example/users/x")] // underscores: a Basic host to the URL parser
    [InlineData("https://aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.evil.example/u", "https://evil.example/u")] // a 64-character label
    [InlineData("https://_a.EVIL.example./users/x", "https://b.evil.example/users/x")]
    [InlineData("http://[2001:db8:1:2::1]/users/x", "http://[2001:db8:1:2:ffff:ffff:ffff:fffe]/users/x")] // one /64
    [InlineData("http://203.0.113.7/users/x", "http://203.0.113.250:8080/users/x")] // one /24
    [InlineData("http://[::ffff:203.0.113.9]/users/x", "http://203.0.113.8/users/x")] // an IPv4-mapped address is its IPv4
    public void HostsThatLookDistinctButShareOneHolderAreOneDomain(string one, string other)
    {
        Assert.Equal(RegistrableDomain.Of(one), RegistrableDomain.Of(other));
        Assert.DoesNotContain("_", RegistrableDomain.Of(one)); // the subdomain label was dropped, not kept whole
    }

    [Theory]
    [InlineData("http://[2001:db8:1:2::1]/u", "http://[2001:db8:1:3::1]/u")] // neighbouring /64s
    [InlineData("http://203.0.113.7/u", "http://203.0.114.7/u")] // neighbouring /24s
    [InlineData("https://example.co.uk/u", "https://other.co.uk/u")]
    [InlineData("https://_a.evil.example/u", "https://_a.good.example/u")]
    public void DistinctHoldersStayDistinctDomains(string one, string other) => Assert.NotEqual(RegistrableDomain.Of(one), RegistrableDomain.Of(other));
}
