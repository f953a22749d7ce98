using Syndication.Fediverse;

namespace Syndication.Tests.Fediverse;

/// <summary>The guarded client refuses a name that resolves to a private address before it connects.</summary>
public sealed class SafeHttpTests
{
    [Fact]
    public async Task ALoopbackNameIsRefusedBeforeAnyConnectionAndOnlyHttpAndHttpsMayBeAsked()
    {
        using var http = new SafeHttp(Microsoft.Extensions.Options.Options.Create(new FediverseOptions()));
        var e = await Assert.ThrowsAsync<HttpRequestException>(() => http.Client.GetAsync("http://localhost/"));
        Assert.Contains("private network addresses are refused", e.Message);
        Assert.False(SafeHttp.Allowed(new Uri("file:///etc/passwd")));
        Assert.False(SafeHttp.Allowed(new Uri("ftp://example.com/")));
    }

    [Fact]
    public async Task APortOtherThan80Or443IsRefusedBeforeAnyLookupUnlessLoopbackIsAllowed()
    {
        using var http = new SafeHttp(Microsoft.Extensions.Options.Options.Create(new FediverseOptions()));
        var e = await Assert.ThrowsAsync<HttpRequestException>(() => http.Client.GetAsync("http://example.invalid:8080/"));
        Assert.Contains("only ports 80 and 443", e.Message);
    }
}
