using Microsoft.Extensions.Options;
using Syndication.Articles;
using Syndication.Feeds;
using Syndication.Storage;
using Syndication.Tests.Support;

namespace Syndication.Tests.Feeds;

/// <summary>The rendered-item cache: feeds composed from it equal cold renders, cached items read no body, nothing stale.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ItemFragmentCacheTests(AzuriteFixture azurite)
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
    private static async Task<byte[]> ColdAsync(TestSite site, ComposedFeed page)
    {
        var articles = (await site.Store.FeedPageAsync(FeedKey.All, 50)).Articles;
        var items = new List<FeedItem>();
        foreach (var a in articles) items.Add(FeedService.ToItem(a, await site.Store.ReadBodyAsync(a.BodyBlob), Urls));
        return FeedFormats.Write(page.Feed with { Items = items }, page.Format);
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
        var cold = await ColdAsync(site, first);
        Assert.Equal(3, first.Items.Count);
        Assert.Equal(cold, first.Write());

        // With the bodies gone, any item that read its body would come out empty.
        foreach (var a in (await site.Store.FeedPageAsync(FeedKey.All, 50)).Articles) await site.Store.DeletePublishedAsync(a.BodyBlob);
        var warm = (await feeds.PageAsync(request, Urls))!;
        Assert.Equal(System.Text.Encoding.UTF8.GetString(cold), System.Text.Encoding.UTF8.GetString(warm.Write()));
    }

    [Fact]
    public async Task AnEditedArticleIsRenderedAfreshWhileTheOthersComeFromTheCache()
    {
        await using var site = new TestSite(azurite);
        await PublishAsync(site);
        var feeds = site.Get<FeedService>();
        var request = new FeedRequest(FeedKey.All, FeedFormat.Atom, 50);
        await feeds.PageAsync(request, Urls);
        var storm = (await site.Store.ArticleBySlugAsync("storm"))!.Value.Article;
        await site.Store.DeletePublishedAsync(storm.BodyBlob);

        await site.UploadTextAsync("vote.md", Markdown("Vote recounted", "2024-01-02", "The recount **changed** nothing."));
        await site.Ingestor.IngestBlobAsync("vote.md");
        var feed = FeedParsers.Syndication((await feeds.PageAsync(request, Urls))!.Write());

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

    private static object? Changed(Type type, object? value) => value switch
    {
        string s => s + "x",
        null when type == typeof(string) => "x",
        Guid => Guid.NewGuid(),
        DateTimeOffset d => d.AddTicks(1),
        IReadOnlyList<StoredImage> images => images.Select(i => i with { Caption = "Other" }).ToList(),
        IReadOnlyList<string> names => names.Append("x").ToList(),
        _ => throw new InvalidOperationException($"no variation for a {type.Name}: teach this test and ItemFragments' key the new field"),
    };

    [Fact]
    public void EveryFieldOfTheStoredRowTheOriginAndTheFormatTakePartInTheKey()
    {
        using var fragments = new ItemFragments(Options.Create(new FeedOptions()));
        var article = Article();
        fragments.Render(FeedFormat.Rss, Urls, article, "<p>Body</p>");
        Assert.NotNull(fragments.Find(FeedFormat.Rss, Urls, article with { }));
        Assert.Null(fragments.Find(FeedFormat.Atom, Urls, article));
        Assert.Null(fragments.Find(FeedFormat.Rss, new SiteUrls(new Uri("https://other.example.com")), article));
        Assert.Null(fragments.Find(FeedFormat.Rss, new SiteUrls(new Uri("https://news.example.com/site/")), article));
        foreach (var property in typeof(StoredArticle).GetProperties())
        {
            var copy = article with { };
            property.SetValue(copy, Changed(property.PropertyType, property.GetValue(article)));
            Assert.True(fragments.Find(FeedFormat.Rss, Urls, copy) is null, $"a changed {property.Name} still found the cached item");
        }
    }

    [Fact]
    public void TheCacheKeepsNoMoreThanItsByteLimit()
    {
        using var bounded = new ItemFragments(Options.Create(new FeedOptions { FragmentCacheBytes = 20_000 }));
        using var none = new ItemFragments(Options.Create(new FeedOptions { FragmentCacheBytes = 0 }));
        for (var i = 0; i < 50; i++)
        {
            bounded.Render(FeedFormat.Json, Urls, Article($"story-{i}"), "<p>Body</p>");
            none.Render(FeedFormat.Json, Urls, Article($"story-{i}"), "<p>Body</p>");
        }
        Assert.InRange(bounded.Count, 1, 20_000 / 512); // each entry counts at least its 512 bytes of overhead
        Assert.Equal(0, none.Count);
    }

    [Fact]
    public void AnItemWhoseBodyReadEmptyIsNotKept()
    {
        using var fragments = new ItemFragments(Options.Create(new FeedOptions()));
        fragments.Render(FeedFormat.Rss, Urls, Article(), "");
        Assert.Null(fragments.Find(FeedFormat.Rss, Urls, Article()));
    }
}
