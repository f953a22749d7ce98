using Syndication.Tests.Support;

namespace Syndication.Tests.Cli;

/// <summary><c>syndication publish</c>, <c>unpublish</c>, <c>rejections</c> and <c>feeds</c> against Azurite.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class PublishCommandTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task PublishingTheSamplesTwiceReportsThemPublishedThenUnchanged()
    {
        var cli = new CliRun(azurite);

        var first = await cli.RunAsync("publish", "--json", Repo.Samples());
        var second = await cli.RunAsync("publish", Repo.Samples());

        Assert.Equal(0, first.Exit);
        Assert.Equal((4, 0, 0, 0), Counts(first));
        Assert.All(first.Json.GetProperty("documents").EnumerateArray(), d => Assert.Equal("Published", d.GetProperty("result").GetString()));
        Assert.Equal(0, second.Exit);
        Assert.Contains("4 documents in", second.Out);
        Assert.Contains("0 published, 0 updated, 4 unchanged, 0 rejected", second.Out);
        Assert.Contains("publishing 4/4 (100%)", second.Out);
        await using var site = cli.Site();
        Assert.Equal("Harbour reopens after three days of storms", (await site.Store.ArticleBySlugAsync("harbour-reopens"))?.Article.Title);
    }

    [Fact]
    public async Task AChangedDocumentIsReportedUpdated()
    {
        var cli = new CliRun(azurite);
        var folder = CliRun.Folder(("story.md", CliRun.Text("---\ntitle: First\npublished: 2024-01-02\n---\nBody.")));
        await cli.RunAsync("publish", folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "story.md"), "---\ntitle: Second\npublished: 2024-01-02\n---\nBody.");

        var result = await cli.RunAsync("publish", "--json", folder);

        Assert.Equal((0, 1, 0, 0), Counts(result));
    }

    [Fact]
    public async Task ARejectionMakesTheExitNonZeroAndTheSummaryGivesItsReason()
    {
        var cli = new CliRun(azurite);
        var folder = CliRun.Folder(("good.md", CliRun.Text("# Good\n\nBody.")), ("good/fake.jpg", CliRun.Text("not a jpeg")),
            ("broken.json", CliRun.Text("{nope")));

        var result = await cli.RunAsync("publish", folder);
        var json = await cli.RunAsync("publish", "--json", folder);

        Assert.Equal(1, result.Exit);
        Assert.Contains($"rejected {Path.Combine(folder, "broken.json")}: json: the document is not valid JSON", result.Out);
        Assert.Matches(@"│ published +│ +1 │", result.Out);
        Assert.Matches(@"│ rejected +│ +1 │", result.Out);
        Assert.Contains("image good/fake.jpg", result.Out);
        Assert.Contains("1 published, 0 updated, 0 unchanged, 1 rejected; 1 image rejected", result.Out);
        Assert.Equal(1, json.Exit);
        var image = Assert.Single(json.Json.GetProperty("imageRejections").EnumerateArray());
        Assert.Equal("good/fake.jpg", image.GetProperty("blobName").GetString());
        Assert.StartsWith("image:", image.GetProperty("reason").GetString());

        var rejections = await cli.RunAsync("rejections", "--json");
        Assert.Equal(["broken.json", "good/fake.jpg"], rejections.Json.EnumerateArray().Select(r => r.GetProperty("blobName").GetString()).Order());
        Assert.Contains("broken.json", (await cli.RunAsync("rejections")).Out);
    }

    [Fact]
    public async Task UnpublishRemovesTheArticleAndSaysWhenThereIsNone()
    {
        var cli = new CliRun(azurite);
        await cli.RunAsync("publish", Repo.Samples("harbour-reopens.md"));

        var result = await cli.RunAsync("unpublish", "--json", "harbour-reopens", "never-was");

        Assert.Equal(1, result.Exit);
        var (gone, never) = (result.Json[0], result.Json[1]);
        Assert.Equal(("harbour-reopens", 3, "Unpublished"), (gone.GetProperty("slug").GetString(), gone.GetProperty("removedBlobs").GetInt32(), gone.GetProperty("result").GetString()));
        Assert.Equal("NotFound", never.GetProperty("result").GetString());
        await using var site = cli.Site();
        Assert.Null(await site.Store.ArticleBySlugAsync("harbour-reopens"));
        var never2 = await cli.RunAsync("unpublish", Repo.SampleSlug);
        Assert.Equal((1, $"not found: there is no article '{Repo.SampleSlug}'"), (never2.Exit, never2.Out.Trim()));
    }

    [Fact]
    public async Task FeedsListsEveryFeedInEveryFormatAtTheSiteAddress()
    {
        var cli = new CliRun(azurite);
        await cli.RunAsync("publish", Repo.Samples("harbour-reopens.md"));

        var result = await cli.RunAsync("feeds", "--json", "--base-url", "https://news.example.com");

        var urls = result.Json.EnumerateArray().Select(f => f.GetProperty("url").GetString()).ToList();
        Assert.Contains("https://news.example.com/api/feeds/all.rss", urls);
        Assert.Contains("https://news.example.com/api/feeds/category/weather.atom", urls);
        Assert.Contains("https://news.example.com/api/feeds/author/ben-okafor.json", urls);
        Assert.Contains("https://news.example.com/api/feeds.opml", urls);
        Assert.Contains("http://127.0.0.1:7071/api/feeds/all.rss", (await cli.RunAsync("feeds")).Out);
    }

    private static (int, int, int, int) Counts(CliResult result) =>
        (result.Json.GetProperty("published").GetInt32(), result.Json.GetProperty("updated").GetInt32(),
            result.Json.GetProperty("unchanged").GetInt32(), result.Json.GetProperty("rejected").GetInt32());
}
