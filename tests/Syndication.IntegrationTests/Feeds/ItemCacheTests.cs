using Microsoft.Extensions.Options;
using Syndication.Articles;
using Syndication.Feeds;
using Syndication.Storage;
using Syndication.Tests.Support;

namespace Syndication.Tests.Feeds;

/// <summary>The item cache: feeds written through it equal cold renders, kept items read no body, nothing stale.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ItemCacheTests(AzuriteFixture azurite)
{
    private static readonly SiteUrls Urls = new(new Uri("https://news.example.com"));

    private static string Markdown(string title, string date, string body) =>
        $"---\ntitle: {title}\nsummary: About {title}\npublished: {date}\nlanguage: en\ncategories: [Local]\nauthors: [Ana Lima]\n---\n{body}\n";

    private static async Task PublishAsync(TestSite site)
    {
        await site.UploadSampleAsync();
        await site.UploadTextAsync("vote.md", Markdown("Vote", "2024-01-02", "The council **voted**. See [the minutes](/minutes)."));
        await site.UploadTextAsync("storm.md", Markdown("Storm", "2024-01-01", "Wind & rain <em>all</em> night."));
        await site.Ingestor.ReconcileAsync();
    }

    // The feed built the way it was before the cache: every body downloaded, every item rendered by the writer.
    private static async Task<byte[]> ColdAsync(TestSite site, Feed page, FeedFormat format)
    {
        var articles = (await site.Store.FeedPageAsync(FeedKey.All, 50)).Articles;
        var items = new List<FeedItem>();
        foreach (var a in articles) items.Add(ItemContent.Item(a, await site.Store.ReadBodyAsync(a.BodyBlob), Urls));
        return format.Write(page with { Items = items });
    }

    public static TheoryData<FeedFormat> Formats => new(FeedFormats.All);

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task AFeedOfCachedItemsIsByteIdenticalToTheColdRenderAndDownloadsNoBody(FeedFormat format)
    {
        await using var site = new TestSite(azurite);
        await PublishAsync(site);
        var feeds = site.Get<FeedService>();
        var request = new FeedRequest(FeedKey.All, format, 50);

        var first = (await feeds.PageAsync(request, Urls))!;
        var cold = await ColdAsync(site, first, format);
        Assert.Equal(3, first.Items.Count);
        Assert.Equal(cold, feeds.Write(first, format));

        // With the bodies gone, any item that read its body would come out empty.
        foreach (var a in (await site.Store.FeedPageAsync(FeedKey.All, 50)).Articles) await site.Store.DeletePublishedAsync(a.BodyBlob);
        var warm = (await feeds.PageAsync(request, Urls))!;
        Assert.Equal(System.Text.Encoding.UTF8.GetString(cold), System.Text.Encoding.UTF8.GetString(feeds.Write(warm, format)));
    }

    [Fact]
    public async Task AnEditedArticleIsRenderedAfreshWhileTheOthersComeFromTheCache()
    {
        await using var site = new TestSite(azurite);
        await PublishAsync(site);
        var feeds = site.Get<FeedService>();
        var request = new FeedRequest(FeedKey.All, FeedFormats.Atom, 50);
        await feeds.PageAsync(request, Urls);
        var storm = (await site.Store.ArticleBySlugAsync("storm"))!.Value.Article;
        await site.Store.DeletePublishedAsync(storm.BodyBlob);

        await site.UploadTextAsync("vote.md", Markdown("Vote recounted", "2024-01-02", "The recount **changed** nothing."));
        await site.Ingestor.IngestBlobAsync("vote.md");
        var feed = FeedParsers.Syndication(feeds.Write((await feeds.PageAsync(request, Urls))!, FeedFormats.Atom));

        var vote = feed.Items.Single(i => i.Title.Text == "Vote recounted");
        Assert.Contains("<strong>changed</strong>", ((System.ServiceModel.Syndication.TextSyndicationContent)vote.Content).Text);
        Assert.DoesNotContain(feed.Items, i => i.Title.Text == "Vote");
        var cached = feed.Items.Single(i => i.Title.Text == "Storm");
        Assert.Contains("<em>all</em>", ((System.ServiceModel.Syndication.TextSyndicationContent)cached.Content).Text);
    }

    private static StoredArticle Article(string slug = "story") => new()
    {
        Id = StableId.For(slug),
        Slug = slug,
        Title = "Story",
        Summary = "About it",
        Authors = ["Ana Lima"],
        Categories = ["Local"],
        Tags = ["harbour"],
        Published = new DateTimeOffset(2024, 3, 5, 8, 0, 0, TimeSpan.Zero),
        Updated = new DateTimeOffset(2024, 3, 6, 8, 0, 0, TimeSpan.Zero),
        Images = [new StoredImage("a.jpg", "\"1\"", 100, "image/jpeg", 10, 10, "Caption", "Credit", null)],
        Language = "en",
        BodyBlob = $"bodies/{slug}/h.html",
        SourceBlob = slug + ".md",
        SourceETag = "\"e\"",
        SourceSignature = "s",
        ContentHash = "h",
    };

    private static FeedItem Item(StoredArticle article, string body = "<p>Body</p>") => ItemContent.Item(article, body, Urls);

    [Fact]
    public void AnItemIsFoundByItsLinkAndRevisionOnly()
    {
        using var cache = new ItemCache(Options.Create(new FeedOptions()));
        var article = Article();
        cache.Keep(Item(article));
        Assert.NotNull(cache.Find(Urls.Article("story"), ItemContent.Revision(article)!));
        Assert.Null(cache.Find(new SiteUrls(new Uri("https://other.example.com")).Article("story"), ItemContent.Revision(article)!));
        Assert.Null(cache.Find(Urls.Article("story"), ItemContent.Revision(article with { ContentHash = "other" })!));
        Assert.Null(cache.Find(Urls.Article("story"), ItemContent.Revision(article with { Updated = article.Updated.AddTicks(1) })!));
        Assert.Null(ItemContent.Revision(article with { ContentHash = "" }));
    }

    [Fact]
    public void TheCacheKeepsNoMoreThanItsByteLimit()
    {
        using var bounded = new ItemCache(Options.Create(new FeedOptions { ItemCacheBytes = 20_000 }));
        using var none = new ItemCache(Options.Create(new FeedOptions { ItemCacheBytes = 0 }));
        for (var i = 0; i < 50; i++)
        {
            bounded.Keep(Item(Article($"story-{i}")));
            none.Keep(Item(Article($"story-{i}")));
        }
        Assert.InRange(bounded.Count, 1, 20_000 / 512); // each entry counts at least its 512 bytes of overhead
        Assert.Equal(0, none.Count);
    }

    [Fact]
    public async Task AnItemWhoseBodyReadEmptyIsNotKept()
    {
        await using var site = new TestSite(azurite);
        await site.UploadTextAsync("storm.md", Markdown("Storm", "2024-01-01", "Wind."));
        await site.Ingestor.ReconcileAsync();
        var storm = (await site.Store.ArticleBySlugAsync("storm"))!.Value.Article;
        await site.Store.DeletePublishedAsync(storm.BodyBlob);
        await site.Get<FeedService>().ItemAsync(storm, Urls);
        Assert.Null(site.Get<ItemCache>().Find(Urls.Article("storm"), ItemContent.Revision(storm)!));
    }
}
