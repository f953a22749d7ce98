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
    [InlineData("http://127.0.0.1:8080/users/x", "127.0.0.1")]
    [InlineData("http://[::1]/users/x", "::1")]
    [InlineData("not a url", "not a url")]
    public void AnActorsHostFoldsIntoItsRegistrableDomain(string actor, string domain) => Assert.Equal(domain, RegistrableDomain.Of(actor));
}
