using System.Net;
using Syndication.Tests.Support;

namespace Syndication.Tests.FunctionsHost;

/// <summary>The Functions app when storage stops answering: its HTTP functions answer the library's 503 with Retry-After, not a 500.</summary>
public sealed class HostStorageDownTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task FeedsAndPagesAnswer503WithRetryAfterWhenStorageStops()
    {
        await using var host = await HostProcess.StartAsync(azurite);
        azurite.Stop();
        var before = host.Log.Count;
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };

        // Never rendered before, so no cached answer stands in for storage.
        await Task.WhenAll(new[] { "feeds/all.json?limit=7", "articles/nothing-here", "feeds/tag/storms.rss" }.Select(async path =>
        {
            using var reply = await http.GetAsync(host.Api(path));
            Assert.True(reply.StatusCode == HttpStatusCode.ServiceUnavailable, $"{path}: {(int)reply.StatusCode} {await reply.Content.ReadAsStringAsync()}");
            Assert.Equal(TimeSpan.FromSeconds(5), reply.Headers.RetryAfter?.Delta);
            Assert.Equal("storage is not answering; try again in 5 seconds\n", await reply.Content.ReadAsStringAsync());
        }));
        var during = host.Log.Skip(before).ToList();
        Assert.True(!during.Any(l => l.Contains("(Failed")) && during.Count(l => l.Contains("Storage is not answering")) == 1, string.Join('\n', during));
    }
}
