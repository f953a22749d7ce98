using AngleSharp.Html.Parser;
using Syndication.Articles;
using Syndication.Feeds;
using Syndication.Pages;

namespace Syndication.Tests.Pages;

/// <summary>
/// The preview page on its own, nothing running: it escapes whatever the model holds, even text no parser cleaned
/// (a feed title from settings, a name from a future parser), and no format takes its extension.
/// </summary>
public sealed class FeedPreviewPageTests
{
    private static readonly string[] Payloads =
        File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "testdata", "xss", "payloads.txt")).Where(l => l.Length > 0).ToArray();

    private static readonly HashSet<string> PageElements =
        ["nav", "a", "header", "h1", "h2", "p", "section", "ul", "li", "code", "article", "figure", "img", "figcaption", "small", "time", "footer"];

    private static readonly SiteUrls Urls = new(new Uri("https://news.example.com"));

    [Fact]
    public void EveryXssPayloadInEveryTextFieldIsShownAsTheTextItIs()
    {
        Assert.True(Payloads.Length >= 80, $"only {Payloads.Length} payloads");
        foreach (var payload in Payloads)
        {
            var feed = Feed(payload);
            var html = FeedPreviewPage.Render(feed, new FeedKey(FeedKind.Tag, "x"), Urls, new FeedOptions { Title = payload });
            var page = new HtmlParser().ParseDocument(html);

            var stray = page.Body!.QuerySelectorAll("*").Select(e => e.LocalName).Where(n => !PageElements.Contains(n)).ToList();
            Assert.True(stray.Count == 0, $"{payload}\n  -> <{string.Join(">, <", stray)}> in the page");
            Assert.DoesNotContain(page.All.SelectMany(e => e.Attributes), a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase) || a.Name == "style");
            Assert.Single(page.QuerySelectorAll("style"));
            Assert.Empty(page.QuerySelectorAll("script"));
            Assert.Equal(feed.Title + " (feed)", page.QuerySelector("title")!.TextContent);
            Assert.Equal(feed.Title, page.QuerySelector("h1")!.TextContent);
            Assert.Equal(payload, page.QuerySelector("header p")!.TextContent);
            Assert.Equal(payload, page.QuerySelector("nav a")!.TextContent);
            var article = Assert.Single(page.QuerySelectorAll("article"));
            Assert.Equal(payload, article.QuerySelector("h2 a")!.TextContent);
            Assert.Equal(feed.Items[0].Link.AbsoluteUri, article.QuerySelector("h2 a")!.GetAttribute("href"));
            Assert.EndsWith(" · " + payload, article.QuerySelector("h2 + p")!.TextContent);
            Assert.Equal(payload, article.QuerySelector("img")!.GetAttribute("alt"));
            Assert.Equal(payload + " " + payload, article.QuerySelector("figcaption")!.TextContent);
            Assert.All(page.QuerySelectorAll("head link[rel=alternate]"), l => Assert.StartsWith(feed.Title + " (", l.GetAttribute("title")));
        }
    }

    [Fact]
    public void NoFeedFormatTakesThePreviewsExtensionAndOnlyThePreviewParsesAsOne()
    {
        Assert.DoesNotContain(FeedFormats.All, f => f.Extension == FeedFormats.PreviewExtension);
        Assert.Null(FeedFormats.FromFileName("all.html"));
        Assert.Equal("all", FeedFormats.PreviewName("all.html"));
        Assert.Equal("city-council", FeedFormats.PreviewName("city-council.html"));
        Assert.Null(FeedFormats.PreviewName(".html"));
        Assert.Null(FeedFormats.PreviewName("all.htm"));
        Assert.Null(FeedFormats.PreviewName("all.rss"));
        Assert.Equal("https://news.example.com/api/feeds/category/politics.html", Urls.FeedPreview(new FeedKey(FeedKind.Category, "politics")).AbsoluteUri);
        // A partner's URLs give no preview of their own: the preview is the public page.
        Assert.Equal("https://news.example.com/api/feeds/all.html", Urls.ForPartner("acme").FeedPreview(FeedKey.All).AbsoluteUri);
    }

    private static Feed Feed(string text) => new()
    {
        Id = "urn:uuid:00000000-0000-5000-8000-000000000001",
        Title = "Site: " + text,
        Description = text,
        Link = Urls.Home(),
        SelfUrl = Urls.Feed("all", FeedFormats.Rss),
        Updated = new DateTimeOffset(2024, 3, 6, 10, 0, 0, TimeSpan.Zero),
        Items =
        [
            new FeedItem
            {
                Id = "urn:uuid:00000000-0000-5000-8000-000000000101",
                Title = text,
                Summary = text,
                Link = new Uri("https://news.example.com/api/articles/a\"><script>alert(1)</script>"),
                ContentHtml = ["<p>Body</p>"],
                Published = new DateTimeOffset(2024, 3, 5, 8, 0, 0, TimeSpan.Zero),
                Updated = new DateTimeOffset(2024, 3, 5, 8, 0, 0, TimeSpan.Zero),
                Images = [new FeedImage(new Uri("https://news.example.com/api/images/a/b.jpg?v=1\"onerror=\"x"), 10, "image/jpeg", 0, 0, text, text, text)],
            },
        ],
    };
}
