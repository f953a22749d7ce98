using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Azure.Data.Tables;
using Microsoft.AspNetCore.Http;
using SkiaSharp;
using Syndication.Http;
using Syndication.Tests.Images;
using Syndication.Tests.Support;
using Xunit.Abstractions;

namespace Syndication.Tests.Ingestion;

/// <summary>The table holds nothing the public sees that the blobs cannot give back: drop it, reconcile once, same bytes.</summary>
[Collection(AzuriteCollection.Name)]
public sealed partial class RebuildFromBlobsTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private sealed record Served(int Status, string? ContentType, string? CacheControl, byte[] Body);

    [Fact]
    public async Task EveryPublicFeedAndPageIsByteIdenticalAfterTheTableIsDroppedAndOneReconcileRebuildsIt()
    {
        var id = Guid.NewGuid().ToString("N")[..12];
        var names = new Dictionary<string, string?>
        {
            ["Syndication:Storage:ArticlesContainer"] = $"articles-{id}",
            ["Syndication:Storage:PublishedContainer"] = $"published-{id}",
            ["Syndication:Storage:Table"] = $"rebuild{id}",
        };
        Dictionary<string, Served> before;
        await using (var site = new TestSite(azurite, names))
        {
            // The four samples (text, Markdown, JSON, HTML; categories, tags, authors, JPEG, PNG, GIF and WebP images),
            // and a Markdown article of an hour ago (so the news sitemap lists it) with a PNG large enough for renditions.
            await AllSamples.UploadAsync(site);
            await site.UploadAsync("fresh-quay/lead.png", TestImages.Png(1600, 1000, new SKRectI(400, 200, 1000, 700)));
            await site.UploadTextAsync("fresh-quay.md",
                "---\ntitle: Quay repairs begin\nauthors: [Ana Lima, Chris Wu]\ncategories: [Local]\ntags: [harbour, repairs]\n" +
                "images:\n  - file: lead.png\n    caption: The north quay\n---\nWork started **today**.\n",
                new Dictionary<string, string> { ["published"] = DateTimeOffset.UtcNow.AddHours(-1).ToString("O") });
            Assert.Equal(5, (await site.Ingestor.ReconcileAsync()).Ingested);
            before = await CrawlAsync(site);
        }

        var tables = new TableServiceClient(azurite.ConnectionString);
        await tables.DeleteTableAsync(names["Syndication:Storage:Table"]);

        await using (var site = new TestSite(azurite, names))
        {
            Assert.Equal(5, (await site.Ingestor.ReconcileAsync()).Ingested);
            var after = await CrawlAsync(site);

            output.WriteLine($"{before.Count} URLs crawled before, {after.Count} after");
            Assert.Equal(before.Keys.Order(StringComparer.Ordinal), after.Keys.Order(StringComparer.Ordinal));
            var differ = before.Keys.Where(k => !Same(k, before[k], after[k])).Order(StringComparer.Ordinal).ToList();
            foreach (var url in before.Keys.Where(k => !before[k].Body.AsSpan().SequenceEqual(after[k].Body)))
                output.WriteLine($"bytes differ: {url}\n{Difference(before[url], after[url])}");
            Assert.Empty(differ);
        }
    }

    [Fact]
    public async Task WhatOnlyTheTableRemembersAnEditsDateAndAWithdrawalIsLostByARebuild()
    {
        // The known exceptions: an `updated` date nobody stated is inferred from the table's
        // previous row, and a tombstone is a row whose blob is gone. Neither can come back from the blobs.
        var id = Guid.NewGuid().ToString("N")[..12];
        var names = new Dictionary<string, string?>
        {
            ["Syndication:Storage:ArticlesContainer"] = $"articles-{id}",
            ["Syndication:Storage:PublishedContainer"] = $"published-{id}",
            ["Syndication:Storage:Table"] = $"rebuild{id}",
        };
        await using (var site = new TestSite(azurite, names))
        {
            await site.UploadTextAsync("edited.md", "---\ntitle: Edited\npublished: 2024-05-01T08:00:00Z\n---\nFirst text.\n");
            await site.UploadTextAsync("withdrawn.md", "---\ntitle: Withdrawn\npublished: 2024-05-02T08:00:00Z\n---\nText.\n");
            await site.Ingestor.ReconcileAsync();
            await Task.Delay(1100);
            await site.UploadTextAsync("edited.md", "---\ntitle: Edited\npublished: 2024-05-01T08:00:00Z\n---\nSecond text.\n");
            await site.Incoming.DeleteBlobAsync("withdrawn.md");
            await site.Ingestor.ReconcileAsync();
            var edited = (await site.Store.ArticleBySlugAsync("edited"))!.Value.Article;
            Assert.True(edited.Updated > edited.Published);
            Assert.Equal(410, (await TestSite.ExecuteAsync(r => site.Handlers.GetArticlePageAsync(r, "withdrawn"))).Status);
        }

        await new TableServiceClient(azurite.ConnectionString).DeleteTableAsync(names["Syndication:Storage:Table"]);

        await using (var site = new TestSite(azurite, names))
        {
            await site.Ingestor.ReconcileAsync();
            var edited = (await site.Store.ArticleBySlugAsync("edited"))!.Value.Article;
            Assert.Equal(edited.Published, edited.Updated);
            Assert.Equal(404, (await TestSite.ExecuteAsync(r => site.Handlers.GetArticlePageAsync(r, "withdrawn"))).Status);
        }
    }

    // Every public URL reachable from the home page, the OPML list, the feeds and the sitemaps, with what it served.
    private static async Task<Dictionary<string, Served>> CrawlAsync(TestSite site)
    {
        var seen = new Dictionary<string, Served>(StringComparer.Ordinal);
        var queue = new Queue<string>(["/api/", "/api/feeds.opml", "/api/feeds/all.rss", "/api/feeds/all.atom", "/api/feeds/all.json",
            "/api/feeds/withdrawn.json", "/api/sitemaps/news.xml", "/api/sitemaps/articles.xml"]);
        while (queue.TryDequeue(out var url))
        {
            if (seen.ContainsKey(url)) continue;
            var served = await GetAsync(site, url);
            Assert.True(served.Status == 200, $"{url} answered {served.Status}");
            seen[url] = served;
            if (served.ContentType is { } type && (type.Contains("xml") || type.Contains("html") || type.Contains("json")))
                foreach (var link in Links(Encoding.UTF8.GetString(served.Body)).Where(l => !seen.ContainsKey(l))) queue.Enqueue(link);
        }
        return seen;
    }

    private static IEnumerable<string> Links(string text) =>
        PublicUrl().Matches(text.Replace("\\u0026", "&")).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value));

    [GeneratedRegex("https://news\\.example\\.com(/api/[^\"'<>\\s#]*)")]
    private static partial Regex PublicUrl();

    private static async Task<Served> GetAsync(TestSite site, string url)
    {
        var (path, query) = url.IndexOf('?') is var q and >= 0 ? (url[..q], url[q..]) : (url, "");
        var s = path["/api/".Length..].Split('/').Select(Uri.UnescapeDataString).ToArray();
        var handlers = site.Handlers;
        Func<HttpRequest, Task<Reply>> handler = s switch
        {
            [""] => r => handlers.GetIndexAsync(r),
            ["feeds.opml"] => r => handlers.GetOpmlAsync(r),
            ["feeds", var file] => r => handlers.GetFeedAsync(r, file),
            ["feeds", var kind, var file] => r => handlers.GetFilteredFeedAsync(r, kind, file),
            ["sitemaps", var file] => r => handlers.GetSitemapAsync(r, file),
            ["articles", var slug] => r => handlers.GetArticlePageAsync(r, slug),
            ["images", var slug, "renditions", var name] => r => handlers.GetRenditionAsync(r, slug, name),
            ["images", var slug, var file] => r => handlers.GetImageAsync(r, slug, file),
            _ => throw new InvalidOperationException($"no public route serves {url}"),
        };
        var response = await TestSite.ExecuteAsync(handler, path: path, query: query);
        return new Served(response.Status, response.ContentType, response.Headers.CacheControl.ToString(), response.Body);
    }

    // The one exception: OPML names a category, tag or author as the article saved last spelled it ("Harbour" in one
    // sample, "harbour" in another), so the order of saves picks the spelling, and a rebuild may pick the other one.
    private static bool Same(string url, Served a, Served b) =>
        a.Status == b.Status && a.ContentType == b.ContentType && a.CacheControl == b.CacheControl &&
        (url == "/api/feeds.opml"
            ? string.Equals(Encoding.UTF8.GetString(a.Body), Encoding.UTF8.GetString(b.Body), StringComparison.OrdinalIgnoreCase)
            : a.Body.AsSpan().SequenceEqual(b.Body));

    // Around the first byte that differs.
    private static string Difference(Served a, Served b)
    {
        var at = a.Body.AsSpan().CommonPrefixLength(b.Body);
        string Around(Served s) => Encoding.UTF8.GetString(s.Body.AsSpan(Math.Max(0, at - 120), Math.Min(s.Body.Length - Math.Max(0, at - 120), 240)));
        return $"  before ({a.Status}, {a.Body.Length} B): …{Around(a)}…\n  after  ({b.Status}, {b.Body.Length} B): …{Around(b)}…";
    }
}
