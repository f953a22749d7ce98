using System.Xml.Linq;
using Syndication.Functions;
using Syndication.Tests.Support;

namespace Syndication.Tests.Feeds;

/// <summary>What a newcomer met: a limit past the page size silently capped, and an OPML list dated 1970.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class LimitAndOpmlDateTests(AzuriteFixture azurite)
{
    [Theory]
    [InlineData("limit=0")]
    [InlineData("limit=201")]
    [InlineData("limit=500")]
    public async Task ALimitOutOfRangeIsRefusedSayingTheRange(string query)
    {
        await using var site = new TestSite(azurite);
        var reply = await TestSite.InvokeAsync(r => new GetFeed(site.Handlers).Run(r, "all.rss"), path: "/api/feeds/all.rss", query: "?" + query);
        Assert.Equal(400, reply.Status);
        Assert.StartsWith("limit must be a whole number from 1 to 200, the most one page holds", reply.Text);
    }

    [Fact]
    public async Task TheLargestLimitIsServed()
    {
        await using var site = new TestSite(azurite);
        var reply = await TestSite.InvokeAsync(r => new GetFeed(site.Handlers).Run(r, "all.rss"), path: "/api/feeds/all.rss", query: "?limit=200");
        Assert.Equal(200, reply.Status);
    }

    [Fact]
    public async Task TheOpmlIsDatedAsTheWholeFeedIsNot1970()
    {
        await using var site = new TestSite(azurite);
        await site.UploadSampleAsync();
        await site.Ingestor.ReconcileAsync();
        var opml = await TestSite.InvokeAsync(r => new GetOpml(site.Handlers).Run(r), path: "/api/feeds.opml");
        var rss = await TestSite.InvokeAsync(r => new GetFeed(site.Handlers).Run(r, "all.rss"), path: "/api/feeds/all.rss");

        var created = XDocument.Load(new MemoryStream(opml.Body)).Descendants("dateCreated").Single().Value;
        Assert.Equal(XDocument.Load(new MemoryStream(rss.Body)).Descendants("lastBuildDate").Single().Value, created);
        Assert.DoesNotContain("1970", created);
        Assert.Equal(created, opml.Headers.LastModified.ToString());
    }
}
