using System.IO.Compression;
using System.Net;
using System.Net.Sockets;
using Syndication.Functions;
using Syndication.Tests.Support;

namespace Syndication.Tests.Feeds;

/// <summary>What readers and caches rely on: encodings, Vary, validators per representation, WebSub, the stylesheet.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class FeedHttpTests(AzuriteFixture azurite)
{
    private static Task<TestResponse> GetAsync(TestSite site, string file, Dictionary<string, string>? headers = null) =>
        TestSite.InvokeAsync(r => new GetFeed(site.Handlers).Run(r, file), path: "/api/feeds/" + file, headers: headers);

    [Theory]
    [InlineData("br", "br")]
    [InlineData("gzip, deflate", "gzip")]
    [InlineData("gzip;q=1, br;q=0.5", "gzip")]
    [InlineData("br;q=0, gzip;q=0", null)]
    [InlineData("identity", null)]
    public async Task FeedsAreCompressedAsAskedWithVaryAndTheirOwnETag(string acceptEncoding, string? expected)
    {
        await using var site = new TestSite(azurite);
        await site.UploadSampleAsync();
        await site.Ingestor.ReconcileAsync();
        var plain = await GetAsync(site, "all.rss");
        var response = await GetAsync(site, "all.rss", new() { ["Accept-Encoding"] = acceptEncoding });
        Assert.Equal("Accept-Encoding", response.Headers.Vary.ToString());
        Assert.Equal(expected ?? "", response.Headers.ContentEncoding.ToString());
        var body = expected switch
        {
            "br" => Decode(new BrotliStream(new MemoryStream(response.Body), CompressionMode.Decompress)),
            "gzip" => Decode(new GZipStream(new MemoryStream(response.Body), CompressionMode.Decompress)),
            _ => response.Body,
        };
        Assert.Equal(plain.Body, body);
        if (expected is not null)
        {
            Assert.True(response.Body.Length < plain.Body.Length * 0.6, $"{response.Body.Length} of {plain.Body.Length} bytes");
            Assert.NotEqual(plain.Headers.ETag.ToString(), response.Headers.ETag.ToString());
        }
        var again = await GetAsync(site, "all.rss", new() { ["Accept-Encoding"] = acceptEncoding, ["If-None-Match"] = response.Headers.ETag.ToString() });
        Assert.Equal(304, again.Status);
    }

    [Fact]
    public async Task TheHubIsAdvertisedInFeedsAndHeadersAndPingedWhenAFeedChanges()
    {
        using var hub = new HttpListener();
        var port = Ports.Free();
        hub.Prefixes.Add($"http://127.0.0.1:{port}/hub/");
        hub.Start();
        var pings = new List<string>();
        var listening = Task.Run(async () =>
        {
            while (hub.IsListening)
            {
                var context = await hub.GetContextAsync();
                using var reader = new StreamReader(context.Request.InputStream);
                var body = await reader.ReadToEndAsync();
                lock (pings) pings.Add(body);
                context.Response.StatusCode = 204;
                context.Response.Close();
            }
        });
        await using var site = new TestSite(azurite, new Dictionary<string, string?> { ["Syndication:WebSubHub"] = $"http://127.0.0.1:{port}/hub/" });
        await site.UploadTextAsync("vote.md", "---\ntitle: Vote\npublished: 2024-01-01\ncategories: [Politics]\n---\nBody");
        await site.Ingestor.IngestBlobAsync("vote.md");

        string ping;
        lock (pings) ping = Assert.Single(pings);
        var urls = ping.Split('&').Select(Uri.UnescapeDataString).ToList();
        Assert.Contains("hub.mode=publish", urls);
        Assert.Contains("hub.url=https://news.example.com/api/feeds/all.rss", urls);
        Assert.Contains("hub.url=https://news.example.com/api/feeds/category/politics.json", urls);

        var feed = await GetAsync(site, "all.atom");
        Assert.Contains($"<http://127.0.0.1:{port}/hub/>; rel=\"hub\"", feed.Headers["Link"].ToString());
        Assert.Contains("<https://news.example.com/api/feeds/all.atom>; rel=\"self\"", feed.Headers["Link"].ToString());
        var links = FeedParsers.Document(feed.Body).Root!.Elements(FeedParsers.Atom + "link");
        Assert.Contains(links, l => (string?)l.Attribute("rel") == "hub");
        var rss = FeedParsers.Document((await GetAsync(site, "all.rss")).Body);
        Assert.Contains(rss.Descendants(FeedParsers.Atom + "link"), l => (string?)l.Attribute("rel") == "hub");

        await site.Ingestor.IngestBlobAsync("vote.md");
        lock (pings) Assert.Single(pings);
        hub.Stop();
    }

    [Fact]
    public async Task XmlFeedsPointAtAStylesheetThatIsServed()
    {
        await using var site = new TestSite(azurite);
        var rss = await GetAsync(site, "all.rss");
        var pi = FeedParsers.Document(rss.Body).Nodes().OfType<System.Xml.Linq.XProcessingInstruction>().Single();
        Assert.Equal("xml-stylesheet", pi.Target);
        Assert.Contains("href=\"https://news.example.com/api/feeds/feed.xsl\"", pi.Data);
        var xsl = await GetAsync(site, "feed.xsl");
        Assert.Equal("text/xsl; charset=utf-8", xsl.ContentType);
        var transform = new System.Xml.Xsl.XslCompiledTransform();
        transform.Load(System.Xml.XmlReader.Create(new MemoryStream(xsl.Body)));
        var html = new StringWriter();
        transform.Transform(System.Xml.XmlReader.Create(new MemoryStream(rss.Body)), null, html);
        Assert.Contains("<h1>Test feed</h1>", html.ToString());
    }

    private static byte[] Decode(Stream stream)
    {
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

}
