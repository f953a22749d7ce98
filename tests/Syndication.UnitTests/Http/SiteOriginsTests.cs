using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Syndication.Articles;
using Syndication.Feeds;
using Syndication.Http;

namespace Syndication.Tests.Http;

/// <summary>The one place a request's origin becomes the site's URLs: kept per origin, the configured base URL first, bounded.</summary>
public sealed class SiteOriginsTests
{
    private static HttpRequest Request(string scheme, string host)
    {
        var context = new DefaultHttpContext();
        context.Request.Scheme = scheme;
        context.Request.Host = new HostString(host);
        return context.Request;
    }

    [Fact]
    public void TheSameOriginGetsTheSameUrlsOnceMadeAndAnotherOriginItsOwn()
    {
        using var origins = new SiteOrigins(Options.Create(new FeedOptions()));
        var first = origins.For(Request("https", "news.example.com"));
        Assert.Same(first, origins.For(Request("https", "news.example.com")));
        Assert.Equal("https://news.example.com/api/feeds/all.rss", first.Feed(FeedKey.All, FeedFormats.Rss).AbsoluteUri);
        var other = origins.For(Request("http", "127.0.0.1:7071"));
        Assert.NotSame(first, other);
        Assert.Equal("http://127.0.0.1:7071/api/feeds/all.rss", other.Feed(FeedKey.All, FeedFormats.Rss).AbsoluteUri);
    }

    [Fact]
    public void AConfiguredPublicBaseUrlIsUsedWhateverHostTheRequestNames()
    {
        using var origins = new SiteOrigins(Options.Create(new FeedOptions { PublicBaseUrl = "https://gazette.example.org/news/" }));
        Assert.Equal("https://gazette.example.org/news/api/articles/x", origins.For(Request("http", "attacker.example")).Article("x").AbsoluteUri);
    }

    [Fact]
    public void MadeUpHostsFillAtMostTheCapacityAndEachStillGetsItsOwnUrls()
    {
        using var origins = new SiteOrigins(Options.Create(new FeedOptions()));
        for (var i = 0; i < SiteOrigins.Capacity * 4; i++)
        {
            var urls = origins.For(Request("https", $"made-up-{i}.example"));
            Assert.Equal($"https://made-up-{i}.example/api/", urls.Home().AbsoluteUri);
            Assert.InRange(origins.Count, 1, SiteOrigins.Capacity);
        }
    }
}
