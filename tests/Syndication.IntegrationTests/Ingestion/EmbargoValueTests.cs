using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Syndication.Functions;
using Syndication.Http;
using Syndication.Ingestion;
using Syndication.Tests.Support;

namespace Syndication.Tests.Ingestion;

/// <summary>
/// Issue 22: embargo and expiry fail closed. Each value, written in front matter, JSON or blob metadata, is either an
/// ISO 8601 time with its zone (the article is held back, or withdrawn, at that time) or a rejection with its reason,
/// and a rejected article never reaches a feed.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class EmbargoValueTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Due = new(2027, 1, 2, 8, 0, 0, TimeSpan.Zero);

    public enum WrittenIn { FrontMatter, Json, Metadata }

    // A value as YAML, as a JSON literal, and as blob metadata; what the reason says (after "{field}: "), or null for a time.
    private static readonly (string Yaml, string Json, string Metadata, string? Says)[] Values =
    [
        ("02/01/2027", "\"02/01/2027\"", "02/01/2027", "'02/01/2027' is not ISO 8601, and dates like 02/01/2027 are 2 January in some countries and 1 February in others"),
        ("2027-01-02T09:00:00", "\"2027-01-02T09:00:00\"", "2027-01-02T09:00:00", "'2027-01-02T09:00:00' has no zone"),
        ("2027-01-02", "\"2027-01-02\"", "2027-01-02", "'2027-01-02' is a date without a time or zone"),
        ("[a, b]", "[\"a\", \"b\"]", "[a, b]", "is not an ISO 8601 time with a zone"),
        ("{at: 2027-01-02T08:00:00Z}", "{\"at\": \"2027-01-02T08:00:00Z\"}", "{at: 2027-01-02T08:00:00Z}", "is not an ISO 8601 time with a zone"),
        ("", "\"\"", "", "the field is present but empty"),
        ("null", "null", "null", ""),
        ("20270102", "20270102", "20270102", "'20270102' is not an ISO 8601 time with a zone"),
        ("tomorrow", "\"tomorrow\"", "tomorrow", "'tomorrow' is not an ISO 8601 time with a zone"),
        ("2027-02-30T08:00:00Z", "\"2027-02-30T08:00:00Z\"", "2027-02-30T08:00:00Z", "'2027-02-30T08:00:00Z' is not a time that exists"),
        ("2027-01-02T09:00:00+01:00", "\"2027-01-02T09:00:00+01:00\"", "2027-01-02T09:00:00+01:00", null),
        ("2027-01-02T08:00:00Z", "\"2027-01-02T08:00:00Z\"", "2027-01-02T08:00:00Z", null),
        ("2027-01-02T08:00Z", "\"2027-01-02T08:00Z\"", "2027-01-02T08:00Z", null),
    ];

    public static TheoryData<string, WrittenIn, int> Table()
    {
        var table = new TheoryData<string, WrittenIn, int>();
        foreach (var field in new[] { "embargo", "expires" })
        foreach (var written in Enum.GetValues<WrittenIn>())
        for (var i = 0; i < Values.Length; i++)
            table.Add(field, written, i);
        return table;
    }

    [Theory]
    [MemberData(nameof(Table))]
    public async Task AnEmbargoOrExpiryIsAZonedTimeOrARejectionWithItsReason(string field, WrittenIn written, int value)
    {
        var (yaml, json, metadata, says) = Values[value];
        var clock = new ManualClock(Start);
        await using var site = new TestSite(azurite, replace: s => s.AddSingleton<TimeProvider>(clock));
        await site.UploadTextAsync("calm.md", "---\ntitle: Calm\n---\nBody.");
        await site.Ingestor.IngestSlugAsync("calm");
        var blob = written switch
        {
            WrittenIn.FrontMatter => await site.UploadTextAsync("dated.md", $"---\ntitle: Dated story\n{field}: {yaml}\n---\nBody."),
            WrittenIn.Json => await site.UploadTextAsync("dated.json", $$"""{"title": "Dated story", "body": "Body.", "{{field}}": {{json}}}"""),
            _ => await site.UploadTextAsync("dated.md", "---\ntitle: Dated story\n---\nBody.", new Dictionary<string, string> { [field] = metadata }),
        };

        var outcome = await site.Ingestor.IngestSlugAsync("dated");

        if (says is not null)
        {
            Assert.Equal(IngestResult.Rejected, outcome.Result);
            var listed = await ListedRejectionAsync(site, blob.Name);
            Assert.StartsWith($"{field}: ", listed);
            Assert.Contains(says, listed);
            Assert.Contains(Visibility.Rule, listed);
            clock.Advance(TimeSpan.FromDays(400));
            await site.Ingestor.ApplySchedulesAsync();
            await site.Ingestor.ReconcileAsync();
            await AssertInFeedsAsync(site, false);
        }
        else if (field == "embargo")
        {
            Assert.Equal(IngestResult.Embargoed, outcome.Result);
            await AssertInFeedsAsync(site, false);
            clock.Advance(Due - Start - TimeSpan.FromSeconds(1));
            Assert.Equal(0, await site.Ingestor.ApplySchedulesAsync());
            clock.Advance(TimeSpan.FromSeconds(1));
            Assert.Equal(1, await site.Ingestor.ApplySchedulesAsync());
            await AssertInFeedsAsync(site, true);
            Assert.Equal(Due, (await site.Store.ArticleBySlugAsync("dated"))!.Value.Article.Published);
        }
        else
        {
            Assert.Equal(IngestResult.Published, outcome.Result);
            await AssertInFeedsAsync(site, true);
            clock.Advance(Due - Start);
            Assert.Equal(1, await site.Ingestor.ApplySchedulesAsync());
            await AssertInFeedsAsync(site, false);
        }
    }

    // The rejection's reason as GET manage/rejections lists it (what `syndication rejections` prints).
    private static async Task<string> ListedRejectionAsync(TestSite site, string blob)
    {
        var reply = await TestSite.ExecuteAsync(r => site.Get<ManageHandlers>().ListRejectionsAsync(r), path: "/api/manage/rejections");
        Assert.Equal(200, reply.Status);
        var row = JsonDocument.Parse(reply.Body).RootElement.EnumerateArray().Single(r => r.GetProperty("blobName").GetString() == blob);
        return row.GetProperty("reason").GetString()!;
    }

    private static async Task AssertInFeedsAsync(TestSite site, bool expected)
    {
        foreach (var file in new[] { "all.rss", "all.atom", "all.json" })
        {
            var feed = await TestSite.InvokeAsync(r => new GetFeed(site.Handlers).Run(r, file));
            Assert.Equal(200, feed.Status);
            Assert.Contains("Calm", feed.Text);
            Assert.Equal(expected, feed.Text.Contains("Dated story", StringComparison.Ordinal));
        }
        var page = await TestSite.ExecuteAsync(r => site.Handlers.GetArticlePageAsync(r, "dated"));
        Assert.Equal(expected ? 200 : 404, page.Status == 410 ? 404 : page.Status);
    }
}
