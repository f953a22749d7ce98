using Syndication.Functions;
using Syndication.Ingestion;
using Syndication.Tests.Support;

namespace Syndication.Tests.Ingestion;

[Collection(AzuriteCollection.Name)]
public sealed class IngestionTests(AzuriteFixture azurite)
{
    private static async Task<System.ServiceModel.Syndication.SyndicationFeed> RssAsync(TestSite site, string query = "") =>
        FeedParsers.Syndication((await TestSite.InvokeAsync(r => new GetFeed(site.Handlers).Run(r, "all.rss"), query: query)).Body);

    private static string Markdown(string title, string date, string extra = "") =>
        $"---\ntitle: {title}\npublished: {date}\n{extra}---\nBody of {title}.\n";

    [Fact]
    public async Task MarkdownWithFrontMatterImagesPairsCaptionsByFileName()
    {
        await using var site = new TestSite(azurite);
        var png = await File.ReadAllBytesAsync(Repo.Samples(Repo.SampleSlug, "photo-2.png"));
        var jpg = await File.ReadAllBytesAsync(Repo.Samples(Repo.SampleSlug, "photo-1.jpg"));
        await site.UploadAsync("harbour/aa-first.jpg", jpg);
        await site.UploadAsync("harbour/lead.png", png);
        await site.UploadTextAsync("harbour.md", Markdown("Harbour reopens", "2024-03-05", "authors: [Ana Lima]\nimages:\n  - file: lead.png\n    caption: Boats\n    credit: Ana Lima\n"));
        Assert.Equal(IngestResult.Published, (await site.Ingestor.IngestBlobAsync("harbour.md")).Result);

        var item = (await RssAsync(site)).Items.Single();
        Assert.Equal("Harbour reopens", item.Title.Text);
        var enclosure = item.Links.Single(l => l.RelationshipType == "enclosure");
        Assert.EndsWith("/harbour/lead.png", AllSamples.Unversioned(enclosure.Uri.AbsoluteUri));
        Assert.Equal(png.Length, enclosure.Length);
        Assert.Equal("Ana Lima", item.ElementExtensions.ReadElementExtensions<string>("creator", "http://purl.org/dc/elements/1.1/").Single());
    }

    [Fact]
    public async Task AnImageTheBodyShowsBesideTheDocumentLoadsFromTheFeed()
    {
        await using var site = new TestSite(azurite);
        var jpg = await File.ReadAllBytesAsync(Repo.Samples(Repo.SampleSlug, "photo-1.jpg"));
        var png = await File.ReadAllBytesAsync(Repo.Samples(Repo.SampleSlug, "photo-2.png"));
        await site.UploadAsync("ferry/deck.jpg", jpg);
        await site.UploadAsync("ferry/quay.png", png);
        // As a page bundle writes it (the file beside the document), and as the path from the container.
        await site.UploadTextAsync("ferry.md", "---\ntitle: Ferries return\npublished: 2024-03-05\n---\n![The deck](deck.jpg)\n\nText.\n\n![The quay](ferry/quay.png)\n");
        Assert.Equal(IngestResult.Published, (await site.Ingestor.IngestBlobAsync("ferry.md")).Result);

        var html = ((System.ServiceModel.Syndication.TextSyndicationContent)(await RssAsync(site)).Items.Single().Summary).Text;
        var sources = System.Text.RegularExpressions.Regex.Matches(html, "<img src=\"([^\"]+)\" alt=\"The (deck|quay)\"")
            .ToDictionary(m => m.Groups[2].Value, m => new Uri(m.Groups[1].Value));
        Assert.Equal(["deck", "quay"], sources.Keys.Order());
        // Each shown once, where the body puts it (the deck first, then the text, then the quay), not again as a figure.
        Assert.Equal(1, System.Text.RegularExpressions.Regex.Count(html, "<img [^>]*src=\"[^\"]*/api/images/ferry/deck\\.jpg"));
        Assert.Equal(1, System.Text.RegularExpressions.Regex.Count(html, "<img [^>]*src=\"[^\"]*/api/images/ferry/quay\\.png"));
        Assert.True(html.IndexOf("deck.jpg", StringComparison.Ordinal) < html.IndexOf("Text.", StringComparison.Ordinal)
            && html.IndexOf("Text.", StringComparison.Ordinal) < html.IndexOf("quay.png", StringComparison.Ordinal), html);
        foreach (var (name, file, bytes) in new[] { ("deck", "deck.jpg", jpg), ("quay", "quay.png", png) })
        {
            Assert.Equal("/api/images/ferry/" + file, sources[name].AbsolutePath);
            var image = await TestSite.InvokeAsync(r => new GetImage(site.Handlers).Run(r, "ferry", file));
            Assert.Equal((200, bytes.Length), (image.Status, image.Body.Length));
        }
    }

    [Fact]
    public async Task JsonDocumentsArePublished()
    {
        await using var site = new TestSite(azurite);
        await site.UploadTextAsync("budget.json", """{"title": "Budget passes", "published": "2023-10-01T12:00:00Z", "categories": ["Politics"], "body": "Late vote."}""");
        await site.Ingestor.IngestBlobAsync("budget.json");
        var item = (await RssAsync(site)).Items.Single();
        Assert.Equal("Budget passes", item.Title.Text);
        Assert.Equal("Politics", item.Categories.Single().Name);
    }

    [Fact]
    public async Task FeedListsNewestFirstAndHonoursLimit()
    {
        await using var site = new TestSite(azurite);
        await site.UploadTextAsync("older.md", Markdown("Older", "2020-01-01"));
        await site.UploadTextAsync("newest.md", Markdown("Newest", "2024-01-01"));
        await site.UploadTextAsync("middle.md", Markdown("Middle", "2022-01-01"));
        await site.Ingestor.ReconcileAsync();
        Assert.Equal(["Newest", "Middle", "Older"], (await RssAsync(site)).Items.Select(i => i.Title.Text));
        Assert.Equal(["Newest", "Middle"], (await RssAsync(site, "?limit=2")).Items.Select(i => i.Title.Text));
    }

    [Fact]
    public async Task ChangingThePublishedDateMovesTheItemWithoutDuplicatingIt()
    {
        await using var site = new TestSite(azurite);
        await site.UploadTextAsync("a.md", Markdown("A", "2020-01-01"));
        await site.UploadTextAsync("b.md", Markdown("B", "2021-01-01"));
        await site.Ingestor.ReconcileAsync();
        await site.UploadTextAsync("a.md", Markdown("A", "2022-01-01"));
        await site.Ingestor.IngestBlobAsync("a.md");
        Assert.Equal(["A", "B"], (await RssAsync(site)).Items.Select(i => i.Title.Text));
    }

    [Fact]
    public async Task ReconcileRemovesArticlesWhoseDocumentWasDeleted()
    {
        await using var site = new TestSite(azurite);
        await site.UploadSampleAsync();
        await site.UploadTextAsync("other.md", Markdown("Other", "2024-01-01"));
        Assert.Equal(new ReconcileResult(2, 2, 0, 0), await site.Ingestor.ReconcileAsync());

        await site.Incoming.DeleteBlobAsync(Repo.SampleSlug + ".txt");
        Assert.Equal(new ReconcileResult(1, 0, 1, 0), await site.Ingestor.ReconcileAsync());
        Assert.Equal(["Other"], (await RssAsync(site)).Items.Select(i => i.Title.Text));
        var image = await TestSite.InvokeAsync(r => new GetImage(site.Handlers).Run(r, Repo.SampleSlug, "photo-1.jpg"));
        Assert.Equal(410, image.Status); // withdrawn: gone while its tombstone lasts, so caches revalidating drop it
        Assert.True(await site.Incoming.GetBlobClient(Repo.SampleSlug + "/photo-1.jpg").ExistsAsync(), "the publisher's image blob is never deleted by us");
    }

    [Fact]
    public async Task ABadDocumentIsRecordedAsRejectedKeptAndTheFeedStaysValid()
    {
        await using var site = new TestSite(azurite);
        await site.UploadTextAsync("good.md", Markdown("Good", "2024-01-01"));
        await site.UploadTextAsync("broken.json", "{\"title\": ");
        await site.UploadAsync("empty.txt", []);
        var result = await site.Ingestor.ReconcileAsync();
        Assert.Equal(2, result.Rejected);

        var rejections = await site.Rejections.RejectionsAsync();
        Assert.Contains(rejections, r => r.BlobName == "broken.json" && r.Reason.StartsWith("json: the document is not valid JSON"));
        Assert.Contains(rejections, r => r.BlobName == "empty.txt" && r.Reason == "document: the blob is empty");
        Assert.True(await site.Incoming.GetBlobClient("broken.json").ExistsAsync());
        Assert.Equal(["Good"], (await RssAsync(site)).Items.Select(i => i.Title.Text));

        Assert.Equal(new ReconcileResult(3, 0, 0, 0), await site.Ingestor.ReconcileAsync());
        await site.UploadTextAsync("broken.json", """{"title": "Fixed now", "published": "2023-01-01"}""");
        await site.Ingestor.ReconcileAsync();
        Assert.DoesNotContain(await site.Rejections.RejectionsAsync(), r => r.BlobName == "broken.json");
        Assert.Equal(["Good", "Fixed now"], (await RssAsync(site)).Items.Select(i => i.Title.Text));
    }

    [Fact]
    public async Task AnImageThatIsNotAnImageIsLeftOutAndRecorded()
    {
        await using var site = new TestSite(azurite);
        await site.UploadTextAsync("story.md", Markdown("Story", "2024-01-01"));
        await site.UploadTextAsync("story/fake.jpg", "<html>not a jpeg</html>");
        await site.UploadAsync("story/real.jpg", await File.ReadAllBytesAsync(Repo.Samples(Repo.SampleSlug, "photo-1.jpg")));
        await site.Ingestor.IngestBlobAsync("story.md");
        var enclosure = (await RssAsync(site)).Items.Single().Links.Single(l => l.RelationshipType == "enclosure");
        Assert.EndsWith("/story/real.jpg", AllSamples.Unversioned(enclosure.Uri.AbsoluteUri));
        Assert.Contains(await site.Rejections.RejectionsAsync(), r => r.BlobName == "story/fake.jpg" && r.Reason.StartsWith("image:"));
    }

    [Fact]
    public async Task AVerifyingReconcileRepublishesBodiesAndImagesThatStorageLost()
    {
        await using var site = new TestSite(azurite);
        await site.UploadSampleAsync();
        await site.Ingestor.ReconcileAsync();
        var article = (await site.Store.ArticleBySlugAsync(Repo.SampleSlug))!.Value.Article;
        await site.Store.DeletePublishedAsync(article.BodyBlob);
        await site.Store.DeletePublishedAsync(Syndication.Storage.ArticleStore.ImageBlob(Repo.SampleSlug, "photo-2.png"));

        Assert.Equal(0, (await site.Ingestor.ReconcileAsync()).Ingested);
        Assert.Equal(1, (await site.Ingestor.ReconcileAsync(verifyPublished: true)).Ingested);
        Assert.Contains("A somewhat deflated", await site.Store.ReadBodyAsync(article.BodyBlob));
        var image = await TestSite.InvokeAsync(r => new GetImage(site.Handlers).Run(r, Repo.SampleSlug, "photo-2.png"));
        Assert.Equal(49006, image.Body.Length);
    }

    [Fact]
    public async Task RemoteImagesAreLinkedButOnlyImagesWeServeBecomeTheRssEnclosure()
    {
        await using var site = new TestSite(azurite);
        await site.UploadAsync("mixed/local.png", await File.ReadAllBytesAsync(Repo.Samples(Repo.SampleSlug, "photo-2.png")));
        await site.UploadTextAsync("mixed.md", Markdown("Mixed", "2024-01-01",
            "images:\n  - url: https://cdn.example.org/photos/remote.jpg\n    caption: From the agency\n  - file: local.png\n    caption: Ours\n"));
        await site.Ingestor.IngestBlobAsync("mixed.md");

        var doc = FeedParsers.Document((await TestSite.InvokeAsync(r => new GetFeed(site.Handlers).Run(r, "all.rss"))).Body);
        var enclosure = doc.Descendants("enclosure").Single();
        Assert.Matches("/api/images/mixed/local.png\\?v=[0-9a-f]{16}$", (string)enclosure.Attribute("url")!);
        var remote = doc.Descendants(FeedParsers.Media + "content").Single(m => (string)m.Attribute("url")! == "https://cdn.example.org/photos/remote.jpg");
        Assert.Null(remote.Attribute("fileSize"));
        Assert.Equal("From the agency", remote.Element(FeedParsers.Media + "description")!.Value);
        Assert.Contains("src=\"https://cdn.example.org/photos/remote.jpg\"", doc.Descendants("item").Single().Element("description")!.Value);

        var json = System.Text.Json.JsonDocument.Parse((await TestSite.InvokeAsync(r => new GetFeed(site.Handlers).Run(r, "all.json"))).Body);
        var attachments = json.RootElement.GetProperty("items")[0].GetProperty("attachments").EnumerateArray().ToList();
        Assert.Equal(["image/png"], attachments.Select(a => a.GetProperty("mime_type").GetString()));
    }

    [Fact]
    public async Task BlobsThatAreNotArticlesAreIgnored()
    {
        await using var site = new TestSite(azurite);
        Assert.Equal(IngestResult.Ignored, (await site.Ingestor.IngestBlobAsync("../etc/passwd")).Result);
        Assert.Equal(IngestResult.Ignored, (await site.Ingestor.IngestBlobAsync("notes.docx")).Result);
        Assert.Equal(IngestResult.Ignored, (await site.Ingestor.IngestBlobAsync("nodoc/image.png")).Result);
    }

    [Fact]
    public async Task FiftyConcurrentUpdatesOfOneSlugEndAsOneItemHoldingTheLastVersion()
    {
        await using var site = new TestSite(azurite);
        await Task.WhenAll(Enumerable.Range(1, 50).Select(async i =>
        {
            await site.UploadTextAsync("race.md", Markdown($"Version {i}", "2024-01-01"));
            await site.Ingestor.IngestBlobAsync("race.md");
        }));
        var last = (await site.Incoming.GetBlobClient("race.md").DownloadContentAsync()).Value.Content.ToString();
        var item = Assert.Single((await RssAsync(site)).Items);
        Assert.Contains($"title: {item.Title.Text}\n", last);
        Assert.Equal(new ReconcileResult(1, 0, 0, 0), await site.Ingestor.ReconcileAsync());
    }

    [Fact]
    public async Task ConcurrentIngestionsOfOneSlugEndAsOneItem()
    {
        await using var site = new TestSite(azurite);
        await site.UploadSampleAsync();
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => site.Ingestor.IngestSlugAsync(Repo.SampleSlug)));
        Assert.Single((await RssAsync(site)).Items);
    }

    [Fact]
    public async Task PassesOverAnUnchangedContainerStillSeeEveryUploadAndEveryChangeToTheStore()
    {
        await using var site = new TestSite(azurite);
        await site.UploadTextAsync("first.md", Markdown("First", "2024-01-01"));
        Assert.Equal(new ReconcileResult(1, 1, 0, 0), await site.Ingestor.ReconcileAsync());
        Assert.Equal(new ReconcileResult(1, 0, 0, 0), await site.Ingestor.ReconcileAsync());
        Assert.Equal(new ReconcileResult(1, 0, 0, 0), await site.Ingestor.ReconcileAsync());

        await site.UploadTextAsync("second.md", Markdown("Second", "2024-01-02"));
        Assert.Equal(new ReconcileResult(2, 1, 0, 0), await site.Ingestor.ReconcileAsync());
        Assert.Equal(new ReconcileResult(2, 0, 0, 0), await site.Ingestor.ReconcileAsync());

        // The store changed behind the container's back (an article removed): the next pass puts it back.
        var first = (await site.Store.ArticleBySlugAsync("first"))!.Value;
        await site.Store.DeleteArticleAsync(first.Article, first.ETag);
        Assert.Equal(["Second"], (await RssAsync(site)).Items.Select(i => i.Title.Text));
        Assert.Equal(new ReconcileResult(2, 1, 0, 0), await site.Ingestor.ReconcileAsync());
        Assert.Equal(["Second", "First"], (await RssAsync(site)).Items.Select(i => i.Title.Text));
    }
}
