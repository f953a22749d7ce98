using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using AngleSharp.Html.Parser;
using Syndication.Functions;
using Syndication.Ingestion;
using Syndication.Tests.Sitemaps;
using Syndication.Tests.Support;

namespace Syndication.Tests.Ingestion;

/// <summary>
/// Titles, summaries, categories and authors longer than their limits, with emoji where the cut falls (at both
/// parities, so one of each pair lands inside a surrogate pair): ingested on Azurite, every output parses with a real
/// parser, is strict UTF-8, and holds no U+FFFD.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class EmojiAtTheCutTests(AzuriteFixture azurite)
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly XNamespace News = "http://www.google.com/schemas/sitemap-news/0.9";

    private static string Emoji(int n) => string.Concat(Enumerable.Repeat("🎉", n));

    // Title cut at 299 units (300 with the ellipsis), summary at 999, names at 99: a prefix of even length puts a high
    // surrogate at the cut, an odd one a whole emoji.
    private static string Markdown(string prefix) =>
        $"---\ntitle: \"{prefix}{Emoji(170)}\"\nsummary: \"{prefix}{Emoji(520)}\"\n" +
        $"categories: [\"{prefix} {Emoji(60)}\"]\nauthors: [\"{prefix} {Emoji(60)}\"]\nlanguage: ja\n---\n東京 {Emoji(3)} body.\n";

    [Fact]
    public async Task AnArticleWithEmojiAtEveryCutIsIngestedAndEveryOutputParsesWithoutReplacementCharacters()
    {
        await using var site = new TestSite(azurite);
        var published = DateTimeOffset.UtcNow.AddHours(-1).ToString("O");
        foreach (var (slug, prefix) in new[] { ("emoji-even", "Fiesta"), ("emoji-odd", "Fiestas") })
        {
            Assert.Equal(prefix.Length % 2 == 0, char.IsHighSurrogate((prefix + Emoji(170))[298]));
            Assert.Equal(prefix.Length % 2 == 1, char.IsHighSurrogate((prefix + " " + Emoji(60))[98]));
            await site.UploadTextAsync($"{slug}.md", Markdown(prefix), new Dictionary<string, string> { ["published"] = published });
            Assert.Equal(IngestResult.Published, (await site.Ingestor.IngestSlugAsync(slug)).Result);
            var (article, _) = (await site.Store.ArticleBySlugAsync(slug))!.Value;
            Assert.EndsWith("…", article.Title);
            Assert.InRange(article.Title.Length, 290, 300);
            Assert.True(article.Title.Length < (prefix + Emoji(170)).Length);
        }

        var outputs = new Dictionary<string, TestResponse>
        {
            ["all.rss"] = await TestSite.InvokeAsync(r => new GetFeed(site.Handlers).Run(r, "all.rss")),
            ["all.atom"] = await TestSite.InvokeAsync(r => new GetFeed(site.Handlers).Run(r, "all.atom")),
            ["all.json"] = await TestSite.InvokeAsync(r => new GetFeed(site.Handlers).Run(r, "all.json")),
            ["category.atom"] = await TestSite.InvokeAsync(r => new GetFilteredFeed(site.Handlers).Run(r, "category", "fiesta.atom")),
            ["news.xml"] = await TestSite.InvokeAsync(r => new GetSitemap(site.Handlers).Run(r, "news.xml")),
            ["feeds.opml"] = await TestSite.InvokeAsync(r => new GetOpml(site.Handlers).Run(r)),
            ["index"] = await TestSite.InvokeAsync(r => new GetIndex(site.Handlers).Run(r)),
            ["emoji-even"] = await TestSite.InvokeAsync(r => new GetArticlePage(site.Handlers).Run(r, "emoji-even")),
            ["emoji-odd"] = await TestSite.InvokeAsync(r => new GetArticlePage(site.Handlers).Run(r, "emoji-odd")),
        };
        foreach (var (name, response) in outputs)
        {
            Assert.True(response.Status == 200, $"{name}: {response.Status} {response.Text}");
            var text = Strict.GetString(response.Body); // throws on bytes that are no UTF-8
            Assert.False(text.Contains('\uFFFD'), $"{name} holds U+FFFD");
        }

        var rss = FeedParsers.Syndication(outputs["all.rss"].Body);
        var atom = FeedParsers.Syndication(outputs["all.atom"].Body);
        Assert.Equal(2, FeedParsers.FeedReader(outputs["all.rss"].Body).Items.Count);
        var json = JsonDocument.Parse(outputs["all.json"].Body).RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(2, FeedParsers.FeedReader(outputs["all.json"].Body).Items.Count);
        var titles = rss.Items.Select(i => i.Title.Text).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(titles, atom.Items.Select(i => i.Title.Text).Order(StringComparer.Ordinal));
        Assert.Equal(titles, json.Select(i => i.GetProperty("title").GetString()!).Order(StringComparer.Ordinal));
        Assert.All(titles, t => Assert.EndsWith("🎉…", t));
        Assert.All(json, i => Assert.EndsWith("🎉…", i.GetProperty("summary").GetString()));
        Assert.Single(FeedParsers.Syndication(outputs["category.atom"].Body).Items);

        var news = SitemapSchemas.Validate(outputs["news.xml"].Body);
        Assert.Equal(titles, news.Descendants(News + "title").Select(t => t.Value).Order(StringComparer.Ordinal));
        var opml = XDocument.Load(new MemoryStream(outputs["feeds.opml"].Body));
        Assert.Contains(opml.Descendants("outline"), o => ((string?)o.Attribute("title") ?? "").EndsWith("🎉…", StringComparison.Ordinal));

        var parser = new HtmlParser();
        foreach (var slug in new[] { "emoji-even", "emoji-odd" })
        {
            var page = parser.ParseDocument(outputs[slug].Text);
            Assert.Contains(page.QuerySelector("h1")!.TextContent, titles);
        }
        Assert.Equal(2, parser.ParseDocument(outputs["index"].Text).QuerySelectorAll("h2").Count(h => h.TextContent.EndsWith("🎉…", StringComparison.Ordinal)));
    }
}
