using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;
using Syndication.Articles;
using Syndication.Functions;
using Syndication.Ingestion;
using Syndication.Tests.Support;
using Syndication.WebSub;

namespace Syndication.Tests.Ingestion;

/// <summary>Embargoed articles are nowhere until their time, expired ones leave with a tombstone, bad dates are rejected.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class EmbargoAndExpiryTests(AzuriteFixture azurite)
{
    private static readonly XNamespace At = "http://purl.org/atompub/tombstones/1.0";
    private readonly ManualClock clock = new();
    private readonly HubStub hub = new();

    private TestSite Site() => new(azurite, new Dictionary<string, string?> { ["Syndication:WebSubHub"] = "https://hub.example.com/" }, services =>
    {
        services.AddSingleton<TimeProvider>(clock);
        services.AddHttpClient<HubNotifier>().ConfigurePrimaryHttpMessageHandler(() => hub);
    });

    private static string Md(string title, string extra) => $"---\ntitle: {title}\ncategories: [Harbour]\n{extra}---\nBody of {title}.\n";

    [Fact]
    public async Task AnEmbargoedArticleIsNowhereUntilItsTimeThenAppearsWithANewETagAndAHubPing()
    {
        await using var site = Site();
        await site.UploadTextAsync("visible.md", Md("Already out", ""));
        await site.Ingestor.IngestSlugAsync("visible");
        var embargo = clock.GetUtcNow().AddHours(2);
        await site.UploadTextAsync("secret.md", Md("Secret story", $"embargo: {embargo:O}\n"));
        await site.UploadAsync("secret/photo-1.jpg", await File.ReadAllBytesAsync(Repo.Samples(Repo.SampleSlug, "photo-1.jpg")));
        var pings = hub.Count;

        Assert.Equal(IngestResult.Embargoed, (await site.Ingestor.IngestSlugAsync("secret")).Result);
        var before = await Get(site, "all.atom");
        Assert.DoesNotContain("Secret story", before.Text);
        Assert.DoesNotContain("Secret story", (await Get(site, "all.json")).Text);
        Assert.Equal(404, (await TestSite.ExecuteAsync(r => site.Handlers.GetArticlePageAsync(r, "secret"))).Status);
        Assert.Equal(404, (await TestSite.ExecuteAsync(r => site.Handlers.GetImageAsync(r, "secret", "photo-1.jpg"))).Status);
        Assert.Single(await site.Store.FeedNamesAsync()); // Harbour, from the visible article only
        Assert.Equal(pings, hub.Count);
        Assert.Equal(0, await site.Ingestor.ApplySchedulesAsync()); // not yet

        clock.Advance(TimeSpan.FromHours(2) + TimeSpan.FromSeconds(1));
        Assert.Equal(1, await site.Ingestor.ApplySchedulesAsync());
        var after = await Get(site, "all.atom");
        Assert.Contains("Secret story", after.Text);
        Assert.NotEqual(before.Headers.ETag.ToString(), after.Headers.ETag.ToString());
        Assert.True(DateTimeOffset.Parse(after.Headers.LastModified!) > DateTimeOffset.Parse(before.Headers.LastModified!));
        Assert.Equal("Secret story", FeedParsers.Syndication(after.Body).Items.First().Title.Text); // released as the newest
        Assert.Equal(200, (await TestSite.ExecuteAsync(r => site.Handlers.GetArticlePageAsync(r, "secret"))).Status);
        Assert.Equal(200, (await TestSite.ExecuteAsync(r => site.Handlers.GetImageAsync(r, "secret", "photo-1.jpg"))).Status);
        Assert.True(hub.Count > pings, "the hub was not pinged when the embargo lifted");
        Assert.Equal(0, await site.Ingestor.ApplySchedulesAsync()); // done once
    }

    [NeedsValidatorsFact]
    public async Task AnExpiredArticleIsWithdrawnWithATombstoneInAtomWithdrawnJsonAnd410()
    {
        await using var site = Site();
        await site.UploadTextAsync("short-lived.md", Md("Short lived", $"expires: {clock.GetUtcNow().AddHours(1):O}\n"));
        await site.UploadAsync("short-lived/photo-1.jpg", await File.ReadAllBytesAsync(Repo.Samples(Repo.SampleSlug, "photo-1.jpg")));
        await site.UploadTextAsync("stays.md", Md("Stays", ""));
        Assert.Equal(IngestResult.Published, (await site.Ingestor.IngestSlugAsync("short-lived")).Result);
        await site.Ingestor.IngestSlugAsync("stays");
        var before = await Get(site, "all.atom");
        Assert.Contains("Short lived", before.Text);
        Assert.Empty(FeedParsers.Document(before.Body).Descendants(At + "deleted-entry"));
        Assert.DoesNotContain("xmlns:at", before.Text); // no tombstones, no namespace: the bytes are as before

        clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(1, await site.Ingestor.ApplySchedulesAsync());
        var after = await Get(site, "all.atom");
        Assert.DoesNotContain("Short lived", after.Text);
        Assert.NotEqual(before.Headers.ETag.ToString(), after.Headers.ETag.ToString());
        var tombstone = Assert.Single(FeedParsers.Document(after.Body).Root!.Elements(At + "deleted-entry"));
        Assert.Equal(StableId.Urn(StableId.For("short-lived")), (string?)tombstone.Attribute("ref"));
        Assert.Equal(clock.GetUtcNow().ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'"), (string?)tombstone.Attribute("when"));
        var (valid, messages) = await ExternalValidators.JingAsync(after.Body);
        Assert.True(valid, messages);
        Assert.Empty(W3cFeedRules.Atom10(FeedParsers.Document(after.Body), "https://news.example.com/api/feeds/all.atom"));
        Assert.Single(FeedParsers.Document((await Get(site, "category/harbour.atom", filtered: true)).Body).Root!.Elements(At + "deleted-entry"));
        Assert.DoesNotContain("deleted-entry", (await Get(site, "all.rss")).Text);

        var withdrawn = JsonDocument.Parse((await Get(site, "withdrawn.json")).Body).RootElement;
        var entry = Assert.Single(withdrawn.EnumerateArray());
        Assert.Equal("https://news.example.com/api/articles/short-lived", entry.GetProperty("url").GetString());
        Assert.Equal(StableId.Urn(StableId.For("short-lived")), entry.GetProperty("id").GetString());
        Assert.Equal(410, (await TestSite.ExecuteAsync(r => site.Handlers.GetArticlePageAsync(r, "short-lived"))).Status);
        Assert.Equal(410, (await TestSite.ExecuteAsync(r => site.Handlers.GetImageAsync(r, "short-lived", "photo-1.jpg"))).Status);
        Assert.True((await site.Incoming.GetBlobClient("short-lived.md").ExistsAsync()).Value, "the publisher's blob stays");

        // After the window the tombstone is gone: 404, and withdrawn.json is empty.
        clock.Advance(TimeSpan.FromDays(31));
        Assert.Equal(404, (await TestSite.ExecuteAsync(r => site.Handlers.GetArticlePageAsync(r, "short-lived"))).Status);
        Assert.Equal(404, (await TestSite.ExecuteAsync(r => site.Handlers.GetImageAsync(r, "short-lived", "photo-1.jpg"))).Status);
    }

    [Fact]
    public async Task ADeletedArticleLeavesATombstoneAndPublishingItAgainRemovesIt()
    {
        await using var site = Site();
        await site.UploadTextAsync("gone.md", Md("Gone soon", ""));
        await site.Ingestor.IngestSlugAsync("gone");
        await site.Incoming.DeleteBlobAsync("gone.md");
        Assert.Equal(IngestResult.Deleted, (await site.Ingestor.IngestSlugAsync("gone")).Result);
        Assert.Single(FeedParsers.Document((await Get(site, "all.atom")).Body).Root!.Elements(At + "deleted-entry"));
        Assert.Equal(410, (await TestSite.ExecuteAsync(r => site.Handlers.GetArticlePageAsync(r, "gone"))).Status);

        await site.UploadTextAsync("gone.md", Md("Back again", ""));
        Assert.Equal(IngestResult.Published, (await site.Ingestor.IngestSlugAsync("gone")).Result);
        Assert.Empty(FeedParsers.Document((await Get(site, "all.atom")).Body).Root!.Elements(At + "deleted-entry"));
        Assert.Equal("[]", (await Get(site, "withdrawn.json")).Text);
    }

    [Theory]
    [InlineData("embargo: next tuesday\n", "embargo: 'next tuesday' is not an ISO 8601 time with a zone")]
    [InlineData("expires: soon-ish\n", "expires: 'soon-ish' is not an ISO 8601 time with a zone")]
    [InlineData("embargo: 2999-01-01T00:00:00Z\n", "more than a year ahead")]
    [InlineData("embargo: {0}\nexpires: {1}\n", "is not after the embargo")]
    public async Task BadEmbargoAndExpiryValuesAreRejectedWithAReasonAndTheFeedsStayUnchanged(string fields, string reason)
    {
        await using var site = Site();
        await site.UploadTextAsync("fine.md", Md("Fine", ""));
        await site.Ingestor.IngestSlugAsync("fine");
        var before = await Get(site, "all.atom");
        var now = clock.GetUtcNow();
        await site.UploadTextAsync("bad.md", Md("Bad dates", string.Format(fields, now.AddDays(2).ToString("O"), now.AddDays(1).ToString("O"))));

        var outcome = await site.Ingestor.IngestSlugAsync("bad");
        Assert.Equal(IngestResult.Rejected, outcome.Result);
        Assert.Contains(reason, outcome.Reason);
        Assert.Contains(reason, Assert.Single(await site.Rejections.RejectionsAsync()).Reason);
        Assert.Equal(before.Headers.ETag.ToString(), (await Get(site, "all.atom")).Headers.ETag.ToString());
    }

    [Fact]
    public async Task BlobMetadataEmbargoWinsOverTheDocument()
    {
        await using var site = Site();
        await site.UploadTextAsync("meta.md", Md("By metadata", ""), new Dictionary<string, string> { ["embargo"] = clock.GetUtcNow().AddMinutes(5).ToString("O") });
        Assert.Equal(IngestResult.Embargoed, (await site.Ingestor.IngestSlugAsync("meta")).Result);
        Assert.DoesNotContain("By metadata", (await Get(site, "all.rss")).Text);
        clock.Advance(TimeSpan.FromMinutes(6));
        await site.Ingestor.ReconcileScheduledAsync(); // the timer's pass applies what is due
        Assert.Contains("By metadata", (await Get(site, "all.rss")).Text);
    }

    private static Task<TestResponse> Get(TestSite site, string file, bool filtered = false) => filtered
        ? TestSite.InvokeAsync(r => new GetFilteredFeed(site.Handlers).Run(r, file.Split('/')[0], file.Split('/')[1]))
        : TestSite.InvokeAsync(r => new GetFeed(site.Handlers).Run(r, file));

    /// <summary>A WebSub hub that counts publish pings.</summary>
    private sealed class HubStub : HttpMessageHandler
    {
        private int count;
        public int Count => Volatile.Read(ref count);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            Interlocked.Increment(ref count);
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.NoContent));
        }
    }
}
