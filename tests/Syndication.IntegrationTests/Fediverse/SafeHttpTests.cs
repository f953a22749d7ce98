using Syndication.Fediverse;

namespace Syndication.Tests.Fediverse;

/// <summary>The guarded client refuses a name that resolves to a private address before it connects.</summary>
public sealed class SafeHttpTests
{
    [Fact]
    public async Task ALoopbackNameIsRefusedBeforeAnyConnectionAndOnlyHttpAndHttpsMayBeAsked()
    {
        using var http = new SafeHttp(Microsoft.Extensions.Options.Options.Create(new FediverseOptions()));
        var e = await Assert.ThrowsAsync<HttpRequestException>(() => http.Client.GetAsync("http://localhost:9/"));
        Assert.Contains("private network addresses are refused", e.Message);
        Assert.False(SafeHttp.Allowed(new Uri("file:///etc/passwd")));
        Assert.False(SafeHttp.Allowed(new Uri("ftp://example.com/")));
    }
}
