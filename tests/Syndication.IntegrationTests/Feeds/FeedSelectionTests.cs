using System.Text.Json;
using System.Xml.Linq;
using Syndication.Functions;
using Syndication.Tests.Support;

namespace Syndication.Tests.Feeds;

/// <summary>JSON Feed, per-category/tag/author feeds, RFC 5005 paging and OPML, on Azurite.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class FeedSelectionTests(AzuriteFixture azurite)
{
    private static string Markdown(string title, string date, string categories = "[News]", string tags = "[]", string authors = "[Ana Lima]") =>
        $"---\ntitle: {title}\npublished: {date}\ncategories: {categories}\ntags: {tags}\nauthors: {authors}\n---\nBody of {title}.\n";

    private static Task<TestResponse> AllAsync(TestSite site, string file, string query = "") =>
        TestSite.InvokeAsync(r => new GetFeed(site.Handlers).Run(r, file), path: "/api/feeds/" + file, query: query);

    private static Task<TestResponse> FilteredAsync(TestSite site, string kind, string file, string query = "") =>
        TestSite.InvokeAsync(r => new GetFilteredFeed(site.Handlers).Run(r, kind, file), query: query);

    [Fact]
    public async Task JsonFeedCarriesTheSameItemsIdsAndDatesWithImageAttachments()
    {
        await using var site = new TestSite(azurite);
        await site.UploadSampleAsync();
        await site.Ingestor.ReconcileAsync();
        var json = await AllAsync(site, "all.json");
        Assert.Equal("application/feed+json; charset=utf-8", json.ContentType);
        var feed = JsonDocument.Parse(json.Body).RootElement;
        Assert.Equal("https://jsonfeed.org/version/1.1", feed.GetProperty("version").GetString());
        Assert.Equal("https://news.example.com/api/feeds/all.json", feed.GetProperty("feed_url").GetString());
        var item = Assert.Single(feed.GetProperty("items").EnumerateArray());
        var rss = FeedParsers.Syndication((await AllAsync(site, "all.rss")).Body).Items.Single();
        Assert.Equal(rss.Id, item.GetProperty("id").GetString());
        Assert.Equal(rss.Title.Text, item.GetProperty("title").GetString());
        Assert.Equal(rss.PublishDate, item.GetProperty("date_published").GetDateTimeOffset());
        var attachments = item.GetProperty("attachments").EnumerateArray().ToList();
        Assert.Equal(["image/jpeg", "image/png"], attachments.Select(a => a.GetProperty("mime_type").GetString()));
        Assert.Equal(33326, attachments[0].GetProperty("size_in_bytes").GetInt64());
        // image and banner_image: the lead image's promo rendition (1200×628).
        Assert.Contains("/renditions/", item.GetProperty("image").GetString());
        Assert.Contains("-promo-1200x628-", item.GetProperty("image").GetString());
        Assert.Equal(item.GetProperty("image").GetString(), item.GetProperty("banner_image").GetString());
    }

    [Fact]
    public async Task CategoryTagAndAuthorFeedsListOnlyTheirArticles()
    {
        await using var site = new TestSite(azurite);
        await site.UploadTextAsync("vote.md", Markdown("Vote", "2024-01-02", "[City Council]", "[budget]", "[Carmen Diaz]"));
        await site.UploadTextAsync("storm.md", Markdown("Storm", "2024-01-01", "[Weather]", "[storms, budget]"));
        await site.Ingestor.ReconcileAsync();

        Assert.Equal(["Vote"], FeedParsers.Syndication((await FilteredAsync(site, "category", "city-council.rss")).Body).Items.Select(i => i.Title.Text));
        Assert.Equal(["Vote", "Storm"], FeedParsers.Syndication((await FilteredAsync(site, "tag", "budget.atom")).Body).Items.Select(i => i.Title.Text));
        var author = JsonDocument.Parse((await FilteredAsync(site, "author", "ana-lima.json")).Body).RootElement;
        Assert.Equal(["Storm"], author.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()));
        Assert.Equal("Test feed: Ana Lima", author.GetProperty("title").GetString());

        Assert.Equal(404, (await FilteredAsync(site, "category", "sport.rss")).Status);
        Assert.Equal(404, (await FilteredAsync(site, "section", "weather.rss")).Status);
        Assert.Equal(400, (await FilteredAsync(site, "category", "City%20Council.rss")).Status);

        await site.UploadTextAsync("vote.md", Markdown("Vote", "2024-01-02", "[Politics]", "[budget]", "[Carmen Diaz]"));
        await site.Ingestor.IngestBlobAsync("vote.md");
        Assert.Equal(404, (await FilteredAsync(site, "category", "city-council.rss")).Status);
        Assert.Equal(["Vote"], FeedParsers.Syndication((await FilteredAsync(site, "category", "politics.rss")).Body).Items.Select(i => i.Title.Text));
    }

    [Fact]
    public async Task PagingFollowsAStableCursorThroughTheArchiveAndBack()
    {
        await using var site = new TestSite(azurite);
        for (var day = 1; day <= 5; day++) await site.UploadTextAsync($"day-{day}.md", Markdown($"Day {day}", $"2024-01-0{day}"));
        await site.Ingestor.ReconcileAsync();

        var first = FeedParsers.Document((await AllAsync(site, "all.atom", "?limit=2")).Body);
        Assert.Equal(["Day 5", "Day 4"], Titles(first));
        Assert.Null(FeedParsers.Link(first, "previous"));
        var next = FeedParsers.Link(first, "next")!;

        // A new article arriving does not shift the cursor: page two is still days 3 and 2.
        await site.UploadTextAsync("day-6.md", Markdown("Day 6", "2024-01-06"));
        await site.Ingestor.IngestBlobAsync("day-6.md");
        var second = FeedParsers.Document((await AllAsync(site, "all.atom", next.Query)).Body);
        Assert.Equal(["Day 3", "Day 2"], Titles(second));
        Assert.Equal(next.AbsoluteUri, FeedParsers.Link(second, "self")!.AbsoluteUri);
        Assert.Equal("https://news.example.com/api/feeds/all.atom?limit=2", FeedParsers.Link(second, "first")!.AbsoluteUri);

        var third = FeedParsers.Document((await AllAsync(site, "all.atom", FeedParsers.Link(second, "next")!.Query)).Body);
        Assert.Equal(["Day 1"], Titles(third));
        Assert.Null(FeedParsers.Link(third, "next"));

        var back = FeedParsers.Document((await AllAsync(site, "all.atom", FeedParsers.Link(second, "previous")!.Query)).Body);
        Assert.Equal(["Day 5", "Day 4"], Titles(back));
        var top = FeedParsers.Document((await AllAsync(site, "all.atom", FeedParsers.Link(back, "previous")!.Query)).Body);
        Assert.Equal(["Day 6"], Titles(top));

        Assert.Equal(400, (await AllAsync(site, "all.atom", "?after=garbage")).Status);
    }

    [Fact]
    public async Task OpmlListsEveryFeedInEveryFormat()
    {
        await using var site = new TestSite(azurite);
        await site.UploadTextAsync("vote.md", Markdown("Vote", "2024-01-02", "[City Council]", "[budget]"));
        await site.Ingestor.ReconcileAsync();
        var opml = await TestSite.InvokeAsync(r => new GetOpml(site.Handlers).Run(r));
        Assert.Equal("text/x-opml; charset=utf-8", opml.ContentType);
        var urls = XDocument.Load(new MemoryStream(opml.Body)).Descendants("outline").Select(o => (string?)o.Attribute("xmlUrl")).OfType<string>().ToList();
        Assert.Contains("https://news.example.com/api/feeds/all.rss", urls);
        Assert.Contains("https://news.example.com/api/feeds/category/city-council.json", urls);
        Assert.Contains("https://news.example.com/api/feeds/tag/budget.atom", urls);
        Assert.Contains("https://news.example.com/api/feeds/author/ana-lima.rss", urls);
        Assert.Equal(12, urls.Count);
    }

    private static List<string> Titles(XDocument atom) =>
        atom.Descendants(FeedParsers.Atom + "entry").Select(e => e.Element(FeedParsers.Atom + "title")!.Value).ToList();
}
