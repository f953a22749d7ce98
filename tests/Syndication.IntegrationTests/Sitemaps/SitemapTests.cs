using System.Xml.Linq;
using Syndication.Functions;
using Syndication.Tests.Support;

namespace Syndication.Tests.Sitemaps;

[Collection(AzuriteCollection.Name)]
public sealed class SitemapTests(AzuriteFixture azurite)
{
    private static readonly XNamespace S = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static readonly XNamespace News = "http://www.google.com/schemas/sitemap-news/0.9";
    private static readonly XNamespace Image = "http://www.google.com/schemas/sitemap-image/1.1";

    private static Task<TestResponse> GetAsync(TestSite site, string file, string query = "", IDictionary<string, string>? headers = null) =>
        TestSite.InvokeAsync(r => new GetSitemap(site.Handlers).Run(r, file), query: query, headers: headers);

    private static async Task PublishAsync(TestSite site, string slug, DateTimeOffset published, string extra = "")
    {
        await site.UploadTextAsync($"{slug}.md", $"---\ntitle: Story {slug}\n{extra}---\nBody.\n",
            new Dictionary<string, string> { ["published"] = published.ToString("O") });
        await site.Ingestor.IngestSlugAsync(slug);
    }

    [Fact]
    public async Task TheNewsSitemapListsTheLastTwoDaysNewestFirstAndIsValid()
    {
        await using var site = new TestSite(azurite, new Dictionary<string, string?> { ["Syndication:NewsPublicationName"] = "The Harbour Times" });
        var now = DateTimeOffset.UtcNow;
        await site.UploadAsync("fresh/lead.png", await File.ReadAllBytesAsync(Repo.Samples(Repo.SampleSlug, "photo-2.png")));
        await PublishAsync(site, "fresh", now.AddHours(-1), "language: en-GB\n");
        await PublishAsync(site, "yesterday", now.AddDays(-1), "language: fr\n");
        await PublishAsync(site, "old", now.AddDays(-3));

        var response = await GetAsync(site, "news.xml");
        Assert.Equal(200, response.Status);
        Assert.StartsWith("application/xml", response.ContentType);
        var xml = SitemapSchemas.Validate(response.Body);
        var urls = xml.Root!.Elements(S + "url").ToList();
        Assert.Equal(["fresh", "yesterday"], urls.Select(u => ((string)u.Element(S + "loc")!).Split('/')[^1]));
        var news = urls[0].Element(News + "news")!;
        Assert.Equal("The Harbour Times", (string?)news.Element(News + "publication")!.Element(News + "name"));
        Assert.Equal("en", (string?)news.Element(News + "publication")!.Element(News + "language"));
        Assert.Equal("Story fresh", (string?)news.Element(News + "title"));
        Assert.Equal(now.AddHours(-1).ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'"), (string?)news.Element(News + "publication_date"));
        Assert.Contains("/images/fresh/lead.png", (string?)urls[0].Element(Image + "image")!.Element(Image + "loc"));
        Assert.Equal("fr", (string?)urls[1].Descendants(News + "language").Single());

        // Conditional GET and compression as for feeds.
        var again = await GetAsync(site, "news.xml", headers: new Dictionary<string, string> { ["If-None-Match"] = response.Headers.ETag.ToString() });
        Assert.Equal(304, again.Status);
        var gzip = await GetAsync(site, "news.xml", headers: new Dictionary<string, string> { ["Accept-Encoding"] = "gzip" });
        Assert.Equal("gzip", gzip.Headers.ContentEncoding.ToString());
    }

    [Fact]
    public async Task TheArticlesSitemapListsEveryPageAndBecomesAnIndexOfPagesWhenItGrows()
    {
        await using var site = new TestSite(azurite, new Dictionary<string, string?> { ["Syndication:SitemapPageSize"] = "2" });
        var start = new DateTimeOffset(2024, 3, 1, 8, 0, 0, TimeSpan.Zero);
        await PublishAsync(site, "one", start);
        await PublishAsync(site, "two", start.AddDays(1));

        var single = SitemapSchemas.Validate((await GetAsync(site, "articles.xml")).Body);
        Assert.Equal("urlset", single.Root!.Name.LocalName);
        Assert.Equal(["two", "one"], single.Root.Elements(S + "url").Select(u => ((string)u.Element(S + "loc")!).Split('/')[^1]));
        Assert.All(single.Root.Elements(S + "url"), u => Assert.NotNull(u.Element(S + "lastmod")));

        await PublishAsync(site, "three", start.AddDays(2));
        await PublishAsync(site, "four", start.AddDays(3));
        await PublishAsync(site, "five", start.AddDays(4));
        var index = SitemapSchemas.Validate((await GetAsync(site, "articles.xml")).Body);
        Assert.Equal("sitemapindex", index.Root!.Name.LocalName);
        var pages = index.Root.Elements(S + "sitemap").Select(s => new Uri((string)s.Element(S + "loc")!)).ToList();
        Assert.Equal(3, pages.Count);
        var listed = new List<string>();
        foreach (var page in pages)
        {
            var xml = SitemapSchemas.Validate((await GetAsync(site, "articles.xml", page.Query)).Body);
            listed.AddRange(xml.Root!.Elements(S + "url").Select(u => ((string)u.Element(S + "loc")!).Split('/')[^1]));
        }
        Assert.Equal(["five", "four", "three", "two", "one"], listed);
        Assert.Equal(400, (await GetAsync(site, "articles.xml", "?after=nonsense")).Status);
        Assert.Equal(404, (await GetAsync(site, "other.xml")).Status);
    }

    [Fact]
    public async Task TheOpmlAndTheHomePageListTheSitemaps()
    {
        await using var site = new TestSite(azurite);
        var opml = (await TestSite.InvokeAsync(r => new GetOpml(site.Handlers).Run(r))).Text;
        var home = (await TestSite.InvokeAsync(r => new GetIndex(site.Handlers).Run(r))).Text;
        foreach (var file in new[] { "news.xml", "articles.xml" })
        {
            Assert.Contains($"https://news.example.com/api/sitemaps/{file}", opml);
            Assert.Contains($"https://news.example.com/api/sitemaps/{file}", home);
        }
    }
}
