using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.Extensions.Options;
using Syndication.Functions;
using Syndication.Http;
using Syndication.Ingestion;
using Syndication.LocalRunner;
using Syndication.Storage;
using Syndication.Tests.Support;

namespace Syndication.Tests.Pages;

/// <summary>
/// A feed's preview page (feeds/{name}.html): what a person sees instead of raw XML, linked from the home page, built
/// from the feed's own model, cached like the feed, and leaving the feeds' bytes alone.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class FeedPreviewTests(AzuriteFixture azurite)
{
    private const string Origin = "https://news.example.com/api/";
    private static readonly string[] RawFeeds = [Origin + "feeds/all.rss", Origin + "feeds/all.atom", Origin + "feeds/all.json"];

    [Fact]
    public async Task TheHomePageLinksThePreviewShowsTheRawAddressesAndKeepsDiscoveryOnTheRawFeeds()
    {
        await using var site = new TestSite(azurite);
        await AllSamples.IngestAsync(site);

        var home = Parse((await TestSite.InvokeAsync(r => new GetIndex(site.Handlers).Run(r))).Text);

        Assert.Contains(home.QuerySelectorAll("ul.feeds a"), a => a.GetAttribute("href") == Origin + "feeds/all.html");
        Assert.Equal(RawFeeds, home.QuerySelectorAll("ul.feeds code").Select(c => c.TextContent));
        // Nothing a person clicks on the home page opens raw XML; the footer's feed link is the preview too.
        Assert.DoesNotContain(home.Body!.QuerySelectorAll("a"), a => RawFeeds.Contains(a.GetAttribute("href")));
        Assert.Equal(Origin + "feeds/all.html", home.QuerySelector("footer a")!.GetAttribute("href"));
        Assert.Equal(RawFeeds, home.QuerySelectorAll("head link[rel=alternate]").Select(l => l.GetAttribute("href")));
        Assert.Equal(["application/rss+xml", "application/atom+xml", "application/feed+json"],
            home.QuerySelectorAll("head link[rel=alternate]").Select(l => l.GetAttribute("type")));
    }

    [Fact]
    public async Task ThePreviewSaysWhatAFeedIsGivesItsAddressesAndListsItsItemsAsTheHomePageDoes()
    {
        await using var site = new TestSite(azurite);
        await AllSamples.IngestAsync(site);

        var response = await PreviewAsync(site, "all.html");
        Assert.Equal(200, response.Status);
        Assert.Equal("text/html; charset=utf-8", response.ContentType);
        var page = Parse(response.Text);

        Assert.Equal("Test feed", page.QuerySelector("h1")!.TextContent);
        Assert.Contains("copy one of these addresses into your feed reader", page.QuerySelector(".subscribe")!.TextContent);
        Assert.Equal(RawFeeds, page.QuerySelectorAll(".subscribe code").Select(c => c.TextContent));
        Assert.Equal(RawFeeds, page.QuerySelectorAll("head link[rel=alternate]").Select(l => l.GetAttribute("href")));

        // Every item of the JSON Feed, in its order: the title linked to the article page, the date and the summary.
        using var json = JsonDocument.Parse((await AllSamples.FeedAsync(site, "all.json")).Body);
        var items = json.RootElement.GetProperty("items").EnumerateArray().ToList();
        var articles = page.QuerySelectorAll("article").ToList();
        Assert.Equal(AllSamples.Articles.Count, items.Count);
        Assert.Equal(items.Select(i => i.GetProperty("title").GetString()), articles.Select(a => a.QuerySelector("h2 a")!.TextContent));
        Assert.Equal(items.Select(i => i.GetProperty("url").GetString()), articles.Select(a => a.QuerySelector("h2 a")!.GetAttribute("href")));
        Assert.Equal(items.Select(i => i.GetProperty("date_published").GetString()![..10]), articles.Select(a => a.QuerySelector("time")!.GetAttribute("datetime")));
        foreach (var (item, article) in items.Zip(articles))
            if (item.TryGetProperty("summary", out var summary)) Assert.Contains(summary.GetString()!, article.QuerySelector("p")!.TextContent);
        Assert.All(articles, a => Assert.NotNull(a.QuerySelector("figure img[src]")));

        // The home page shows the same articles the same way (one teaser, written once).
        var home = Parse((await TestSite.InvokeAsync(r => new GetIndex(site.Handlers).Run(r))).Text);
        Assert.Equal(home.QuerySelectorAll("article").Select(a => a.OuterHtml), articles.Select(a => a.OuterHtml));
    }

    [Fact]
    public async Task ACategoryPreviewNamesThatFeedAndItsDiscoveryLinksAreThatFeeds()
    {
        await using var site = new TestSite(azurite);
        await AllSamples.IngestAsync(site);

        var page = Parse((await FilteredPreviewAsync(site, "category", "politics.html")).Text);

        Assert.Equal("Test feed: Politics", page.QuerySelector("h1")!.TextContent);
        Assert.Equal("Test feed: Politics (feed)", page.Title);
        string[] politics = [Origin + "feeds/category/politics.rss", Origin + "feeds/category/politics.atom", Origin + "feeds/category/politics.json"];
        Assert.Equal(politics, page.QuerySelectorAll(".subscribe code").Select(c => c.TextContent));
        Assert.Equal(politics, page.QuerySelectorAll("head link[rel=alternate]").Select(l => l.GetAttribute("href")));
        Assert.Equal(["Council passes budget after late-night vote"], page.QuerySelectorAll("article h2").Select(h => h.TextContent));

        Assert.Equal(404, (await FilteredPreviewAsync(site, "category", "nobody-writes-this.html")).Status);
        Assert.Equal(400, (await FilteredPreviewAsync(site, "category", "Politics.html")).Status);
        Assert.Equal(404, (await FilteredPreviewAsync(site, "section", "politics.html")).Status);
        Assert.Equal(404, (await FilteredPreviewAsync(site, "category", ".html")).Status);
        Assert.Equal(404, (await PreviewAsync(site, "news.html")).Status);
    }

    [Fact]
    public async Task ThePreviewIsCachedAndValidatedAsFeedsAreAndChangesWithTheFeed()
    {
        await using var site = new TestSite(azurite);
        await AllSamples.IngestAsync(site);
        var renders = site.Get<RenderCache>();

        var first = await PreviewAsync(site, "all.html");
        var feed = await AllSamples.FeedAsync(site, "all.rss");
        Assert.Equal(feed.Headers.CacheControl.ToString(), first.Headers.CacheControl.ToString());
        Assert.Equal("Accept-Encoding", first.Headers.Vary.ToString());
        Assert.StartsWith("default-src 'none'", first.Headers.ContentSecurityPolicy.ToString());
        Assert.False(string.IsNullOrEmpty(first.Headers.LastModified.ToString()));
        var etag = first.Headers.ETag.ToString();
        Assert.StartsWith("\"", etag);

        var before = renders.Renders;
        var again = await PreviewAsync(site, "all.html");
        var notModified = await PreviewAsync(site, "all.html", new Dictionary<string, string> { ["If-None-Match"] = etag });
        var head = await PreviewAsync(site, "all.html", method: "HEAD");
        var gzip = await PreviewAsync(site, "all.html", new Dictionary<string, string> { ["Accept-Encoding"] = "gzip" });
        Assert.Equal(before, renders.Renders);
        Assert.Equal(first.Body, again.Body);
        Assert.Equal(304, notModified.Status);
        Assert.Equal((200, 0), (head.Status, head.Body.Length));
        Assert.Equal("gzip", gzip.Headers.ContentEncoding.ToString());
        // ?limit= and cursors are the feeds' own: the preview has one representation per feed, so they mint no cache entries.
        var limited = await PreviewAsync(site, "all.html", query: "?limit=1&after=anything");
        Assert.Equal((200, etag), (limited.Status, limited.Headers.ETag.ToString()));
        Assert.Equal(before, renders.Renders);

        await site.UploadTextAsync("late-news.md", "---\ntitle: Late news from the quay\npublished: 2025-01-01T00:00:00Z\n---\nText.\n");
        Assert.Equal(IngestResult.Published, (await site.Ingestor.IngestBlobAsync("late-news.md")).Result);
        var changed = Parse((await PreviewAsync(site, "all.html")).Text);
        Assert.Equal("Late news from the quay", changed.QuerySelector("article h2")!.TextContent);
    }

    [Fact]
    public async Task ServingPreviewsLeavesEveryFeedsBytesAsTheyWere()
    {
        await using var site = new TestSite(azurite);
        await AllSamples.IngestAsync(site);
        string[] files = ["all.rss", "all.atom", "all.json"];
        var alone = new Dictionary<string, byte[]>();
        foreach (var file in files) alone[file] = (await AllSamples.FeedAsync(site, file)).Body;

        var names = site.Get<IOptions<StorageOptions>>().Value;
        await using var other = new TestSite(azurite, new Dictionary<string, string?>
        {
            ["Syndication:Storage:ArticlesContainer"] = names.ArticlesContainer,
            ["Syndication:Storage:PublishedContainer"] = names.PublishedContainer,
            ["Syndication:Storage:Table"] = names.Table,
        });
        // A fresh instance on the same storage that renders the previews first, so the feeds are written from items the previews read.
        Assert.Equal(200, (await PreviewAsync(other, "all.html")).Status);
        Assert.Equal(200, (await FilteredPreviewAsync(other, "category", "politics.html")).Status);
        foreach (var file in files) Assert.Equal(alone[file], (await AllSamples.FeedAsync(other, file)).Body);
    }

    [Fact]
    public async Task MarkupInEveryFieldIsTextOnThePreview()
    {
        await using var site = new TestSite(azurite, new Dictionary<string, string?>
        {
            ["Syndication:Title"] = "<script>alert(0)</script>Gazette & \"Co\"",
            ["Syndication:Description"] = "News <img src=x onerror=alert(1)>",
        });
        await site.UploadAsync("xss/lead.jpg", await File.ReadAllBytesAsync(Repo.Samples(Repo.SampleSlug, "photo-1.jpg")));
        await site.UploadTextAsync("xss.md", """
            ---
            title: "<script>alert(2)</script>XSS title"
            published: 2024-03-05T08:30:00Z
            summary: "<b>Bold</b> words &amp; <style>p{color:red}</style>more \"quoted\" <a href='javascript:alert(3)'>x</a>"
            categories: ["<i>Harbour</i> & \"Quay\""]
            images:
              - file: lead.jpg
                caption: "<em>Boats</em> at dawn<script>alert(4)</script>"
                credit: "<a href='https://x.example/'>Jo Bloggs</a>"
                alt: "\"><svg onload=alert(5)>"
            ---
            The harbour reopened on Tuesday.
            """);
        Assert.Equal(IngestResult.Published, (await site.Ingestor.IngestBlobAsync("xss.md")).Result);

        foreach (var (kind, file) in new[] { ((string?)null, "all.html"), ("category", "harbour-quay.html") })
        {
            var response = kind is null ? await PreviewAsync(site, file) : await FilteredPreviewAsync(site, kind, file);
            Assert.Equal(200, response.Status);
            var page = Parse(response.Text);
            Assert.Empty(page.QuerySelectorAll("script, svg, b, i, em, iframe, a[href^='javascript'], a[href^='https://x.example'], [onerror], [onload]"));
            Assert.Single(page.QuerySelectorAll("style"));
            Assert.StartsWith("<script>alert(0)</script>Gazette & \"Co\"", page.QuerySelector("h1")!.TextContent);
            Assert.Equal("News <img src=x onerror=alert(1)>", page.QuerySelector("header p")!.TextContent);
            Assert.Equal("XSS title", page.QuerySelector("article h2")!.TextContent);
            Assert.Contains("Bold words", page.QuerySelector("article p")!.TextContent);
        }
    }

    [Fact]
    public async Task TheRunnerServesPreviewsOnTheFeedRoutesAndAPartnerGetsNone()
    {
        const string key = "test-admin-key-0123456789";
        var id = Guid.NewGuid().ToString("N")[..12];
        var app = RunnerApp.Build([
            "--urls", "http://127.0.0.1:0", "--AzureWebJobsStorage", azurite.ConnectionString,
            "--Syndication:Storage:ArticlesContainer", $"articles-{id}", "--Syndication:Storage:PublishedContainer", $"published-{id}",
            "--Syndication:Storage:Table", $"articles{id}", "--Syndication:WatchIntervalSeconds", "3600", "--Syndication:AdminKey", key,
        ]);
        await app.StartAsync();
        await using var _ = app;
        var reader = new HttpClient { BaseAddress = new Uri(app.Urls.First() + "/api/") };
        var admin = new HttpClient { BaseAddress = reader.BaseAddress };
        admin.DefaultRequestHeaders.Add("x-functions-key", key);
        Assert.True((await admin.PutAsync("manage/blobs/quay.md", new StringContent("---\ntitle: Quay story\ncategories: [Harbour]\n---\nBody.\n"))).IsSuccessStatusCode);
        var created = await admin.PostAsync("manage/partners", new StringContent("""{"id":"acme","feeds":["all"]}"""));
        var password = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("password").GetString();

        foreach (var path in new[] { "feeds/all.html", "feeds/category/harbour.html" })
        {
            var page = await reader.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
            var text = await page.Content.ReadAsStringAsync();
            Assert.Contains("Quay story", text);
            Assert.DoesNotContain("/partners/", text);
        }

        var partner = new HttpClient { BaseAddress = reader.BaseAddress };
        partner.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("acme:" + password)));
        Assert.Equal(HttpStatusCode.OK, (await partner.GetAsync("partners/acme/feeds/all.rss")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync("partners/acme/feeds/all.html")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync("partners/acme/feeds/category/harbour.html")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await reader.GetAsync("partners/acme/feeds/all.html")).StatusCode);
    }

    private static IHtmlDocument Parse(string html) => new HtmlParser().ParseDocument(html);

    private static Task<TestResponse> PreviewAsync(TestSite site, string file, IDictionary<string, string>? headers = null, string method = "GET", string query = "") =>
        TestSite.InvokeAsync(r => new GetFeed(site.Handlers).Run(r, file), method, "/api/feeds/" + file, query, headers);

    private static Task<TestResponse> FilteredPreviewAsync(TestSite site, string kind, string file) =>
        TestSite.InvokeAsync(r => new GetFilteredFeed(site.Handlers).Run(r, kind, file), path: $"/api/feeds/{kind}/{file}");
}
