using System.Text.Json;
using System.Web;
using System.Xml.Linq;
using Syndication.Functions;
using Syndication.Tests.Support;

namespace Syndication.Tests.Feeds;

/// <summary>Paging links carry cursors this service signed: followed they work, in every format and after a deletion; anything else is 400.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class CursorTests(AzuriteFixture azurite)
{
    private static readonly XNamespace S = "http://www.sitemaps.org/schemas/sitemap/0.9";

    private static string Markdown(string title, string date, string category = "News") =>
        $"---\ntitle: {title}\npublished: {date}\ncategories: [{category}]\n---\nBody of {title}.\n";

    private static Task<TestResponse> AllAsync(TestSite site, string file, string query = "") =>
        TestSite.InvokeAsync(r => new GetFeed(site.Handlers).Run(r, file), path: "/api/feeds/" + file, query: query);

    private static Task<TestResponse> FilteredAsync(TestSite site, string kind, string file, string query = "") =>
        TestSite.InvokeAsync(r => new GetFilteredFeed(site.Handlers).Run(r, kind, file), query: query);

    private static Task<TestResponse> SitemapAsync(TestSite site, string query = "") =>
        TestSite.InvokeAsync(r => new GetSitemap(site.Handlers).Run(r, "articles.xml"), query: query);

    private async Task<TestSite> FiveDaysAsync(IDictionary<string, string?>? settings = null)
    {
        var site = new TestSite(azurite, settings);
        for (var day = 1; day <= 5; day++) await site.UploadTextAsync($"day-{day}.md", Markdown($"Day {day}", $"2024-01-0{day}", day % 2 == 0 ? "Even" : "Odd"));
        await site.Ingestor.ReconcileAsync();
        return site;
    }

    private static string? Cursor(Uri? link, string name) => link is null ? null : HttpUtility.ParseQueryString(link.Query)[name];

    private static List<string> AtomTitles(byte[] atom) =>
        FeedParsers.Document(atom).Descendants(FeedParsers.Atom + "entry").Select(e => e.Element(FeedParsers.Atom + "title")!.Value).ToList();

    [Fact]
    public async Task TheNextAndPreviousLinksOfEveryFormatAreFollowedToTheEndAndBack()
    {
        await using var site = await FiveDaysAsync();

        // RSS: atom:link rel="next" and rel="previous", read with a real parser at each step.
        var rss = new List<string>();
        Uri? next = new("https://news.example.com/api/feeds/all.rss?limit=2");
        Uri? last = null;
        while (next is not null)
        {
            var page = await AllAsync(site, "all.rss", next.Query);
            Assert.Equal(200, page.Status);
            rss.AddRange(FeedParsers.Syndication(page.Body).Items.Select(i => i.Title.Text));
            (last, next) = (next, FeedParsers.Link(FeedParsers.Document(page.Body), "next"));
        }
        Assert.Equal(["Day 5", "Day 4", "Day 3", "Day 2", "Day 1"], rss);
        var previous = FeedParsers.Link(FeedParsers.Document((await AllAsync(site, "all.rss", last!.Query)).Body), "previous")!;
        Assert.Equal(["Day 3", "Day 2"], FeedParsers.Syndication((await AllAsync(site, "all.rss", previous.Query)).Body).Items.Select(i => i.Title.Text));

        // Atom (RFC 5005): next, then previous back to the top, which has no previous link.
        var first = FeedParsers.Document((await AllAsync(site, "all.atom", "?limit=2")).Body);
        var second = await AllAsync(site, "all.atom", FeedParsers.Link(first, "next")!.Query);
        Assert.Equal(["Day 3", "Day 2"], AtomTitles(second.Body));
        var back = FeedParsers.Document((await AllAsync(site, "all.atom", FeedParsers.Link(FeedParsers.Document(second.Body), "previous")!.Query)).Body);
        Assert.Equal(["Day 5", "Day 4"], back.Descendants(FeedParsers.Atom + "entry").Select(e => e.Element(FeedParsers.Atom + "title")!.Value));
        Assert.Null(FeedParsers.Link(back, "previous"));

        // JSON Feed: next_url until there is none.
        var json = new List<string>();
        string? url = "https://news.example.com/api/feeds/all.json?limit=2";
        while (url is not null)
        {
            var page = JsonDocument.Parse((await AllAsync(site, "all.json", new Uri(url).Query)).Body).RootElement;
            json.AddRange(page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()!));
            url = page.TryGetProperty("next_url", out var n) ? n.GetString() : null;
        }
        Assert.Equal(rss, json);

        // A filtered feed's links work on it, and the cursor is the same whatever the format.
        var odd = FeedParsers.Document((await FilteredAsync(site, "category", "odd.atom", "?limit=1")).Body);
        var oddNext = FeedParsers.Link(odd, "next")!;
        Assert.Equal(["Day 3"], AtomTitles((await FilteredAsync(site, "category", "odd.atom", oddNext.Query)).Body));
        Assert.Equal(["Day 3"], FeedParsers.Syndication((await FilteredAsync(site, "category", "odd.rss", oddNext.Query)).Body).Items.Select(i => i.Title.Text));
    }

    [Fact]
    public async Task ACursorTheServiceDidNotIssueForThisFeedAnswers400SayingWhereToStart()
    {
        await using var site = await FiveDaysAsync();
        var first = FeedParsers.Document((await AllAsync(site, "all.atom", "?limit=2")).Body);
        var next = Cursor(FeedParsers.Link(first, "next"), "after")!;
        var second = FeedParsers.Document((await AllAsync(site, "all.atom", "?limit=2&after=" + Uri.EscapeDataString(next))).Body);
        var previous = Cursor(FeedParsers.Link(second, "previous"), "before")!;
        var odd = Cursor(FeedParsers.Link(FeedParsers.Document((await FilteredAsync(site, "category", "odd.atom", "?limit=1")).Body), "next"), "after")!;
        var position = next[..next.LastIndexOf('.')];
        var tag = next[(next.LastIndexOf('.') + 1)..];

        string[] refused =
        [
            "after=9999999999999999999|z1", // made up, in the form positions take
            "before=9999999999999999999|z1",
            "after=" + position, // a real position, unsigned
            "after=" + position + "." + (tag[0] == 'A' ? 'B' : 'A') + tag[1..], // tampered tag
            "after=" + position.Replace("day-", "dax-") + "." + tag, // tampered position
            "after=" + next[..^1], // truncated
            "after=" + next + "%0A", // a trailing newline
            "before=" + next, // a next cursor used as a previous one
            "after=" + previous, // and the other way round
            "after=" + odd, // another feed's cursor
        ];
        foreach (var query in refused)
        {
            var reply = await AllAsync(site, "all.atom", "?limit=2&" + query.Replace("|", "%7C"));
            Assert.True(reply.Status == 400, $"{query}: {reply.Status}");
            Assert.Equal("this cursor was not issued by this service for this feed; start from https://news.example.com/api/feeds/all.atom?limit=2 and follow its next and previous links", reply.Text.TrimEnd());
        }
        Assert.Equal(400, (await FilteredAsync(site, "category", "even.rss", "?after=" + Uri.EscapeDataString(odd))).Status);
        Assert.Equal(200, (await FilteredAsync(site, "category", "odd.rss", "?after=" + Uri.EscapeDataString(odd))).Status);
        Assert.Equal(400, (await SitemapAsync(site, "?after=" + Uri.EscapeDataString(next))).Status); // the same timeline, another use
    }

    [Fact]
    public async Task AnIssuedCursorKeepsWorkingAfterItsArticleIsDeleted()
    {
        await using var site = await FiveDaysAsync(new Dictionary<string, string?> { ["Syndication:SitemapPageSize"] = "2" });
        var first = FeedParsers.Document((await AllAsync(site, "all.atom", "?limit=2")).Body);
        var next = FeedParsers.Link(first, "next")!; // after Day 4
        var index = XDocument.Load(new MemoryStream((await SitemapAsync(site)).Body));
        var pages = index.Root!.Elements(S + "sitemap").Select(s => new Uri((string)s.Element(S + "loc")!)).ToList();
        Assert.Equal(3, pages.Count);

        await site.Incoming.DeleteBlobAsync("day-4.md");
        Assert.Equal(Syndication.Ingestion.IngestResult.Deleted, (await site.Ingestor.IngestSlugAsync("day-4")).Result);

        Assert.Equal(["Day 3", "Day 2"], AtomTitles((await AllAsync(site, "all.atom", next.Query)).Body));
        var sitemap = XDocument.Load(new MemoryStream((await SitemapAsync(site, pages[1].Query)).Body));
        Assert.Equal(["day-3", "day-2"], sitemap.Root!.Elements(S + "url").Select(u => ((string)u.Element(S + "loc")!).Split('/')[^1]));
    }

    [Fact]
    public async Task TheSitemapIndexLinksWorkAndACursorItDidNotIssueAnswers400()
    {
        await using var site = await FiveDaysAsync(new Dictionary<string, string?> { ["Syndication:SitemapPageSize"] = "2" });
        var index = XDocument.Load(new MemoryStream((await SitemapAsync(site)).Body));
        var pages = index.Root!.Elements(S + "sitemap").Select(s => new Uri((string)s.Element(S + "loc")!)).ToList();
        var listed = new List<string>();
        foreach (var page in pages)
        {
            var reply = await SitemapAsync(site, page.Query);
            Assert.Equal(200, reply.Status);
            listed.AddRange(XDocument.Load(new MemoryStream(reply.Body)).Root!.Elements(S + "url").Select(u => ((string)u.Element(S + "loc")!).Split('/')[^1]));
        }
        Assert.Equal(["day-5", "day-4", "day-3", "day-2", "day-1"], listed);

        var cursor = Cursor(pages[1], "after")!;
        var feedNext = Cursor(FeedParsers.Link(FeedParsers.Document((await AllAsync(site, "all.atom", "?limit=2")).Body), "next"), "after")!;
        Assert.Equal(cursor[..cursor.LastIndexOf('.')], feedNext[..feedNext.LastIndexOf('.')]); // the same position...
        foreach (var bad in new[] { "9999999999999999999|z1", cursor[..cursor.LastIndexOf('.')], cursor[..^1], cursor[..^1] + (cursor[^1] == 'A' ? 'B' : 'A'), feedNext })
        {
            var reply = await SitemapAsync(site, "?after=" + Uri.EscapeDataString(bad));
            Assert.True(reply.Status == 400, $"{bad}: {reply.Status}"); // ...but a feed's cursor is not the sitemap's
            Assert.Equal("this cursor was not issued by this service for the sitemap; start from https://news.example.com/api/sitemaps/articles.xml", reply.Text.TrimEnd());
        }
    }
}
