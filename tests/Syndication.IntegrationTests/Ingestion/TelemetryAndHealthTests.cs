using System.Diagnostics;
using System.Text.Json;
using Syndication.Functions;
using Syndication.Tests.Support;

namespace Syndication.Tests.Ingestion;

[Collection(AzuriteCollection.Name)]
public sealed class TelemetryAndHealthTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task EachIngestionAndFeedRequestIsTracedWithSlugOutcomeAndDuration()
    {
        var activities = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == Telemetry.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a => { lock (activities) activities.Add(a); },
        };
        ActivitySource.AddActivityListener(listener);
        await using var site = new TestSite(azurite);
        await site.UploadTextAsync("traced.md", "---\ntitle: Traced\n---\nBody");
        await site.UploadTextAsync("broken.json", "{");
        await site.Ingestor.IngestBlobAsync("traced.md");
        await site.Ingestor.IngestBlobAsync("broken.json");
        await TestSite.InvokeAsync(r => new GetFeed(site.Handlers).Run(r, "all.rss"));

        lock (activities)
        {
            var ingest = activities.Single(a => a.OperationName == "ingest article" && (string?)a.GetTagItem("article.slug") == "traced");
            Assert.Equal("Published", ingest.GetTagItem("ingest.result"));
            Assert.True(ingest.Duration > TimeSpan.Zero);
            var rejected = activities.Single(a => (string?)a.GetTagItem("article.slug") == "broken");
            Assert.Equal(ActivityStatusCode.Error, rejected.Status);
            Assert.StartsWith("json:", rejected.StatusDescription);
            var feed = activities.Single(a => a.OperationName == "serve feed");
            Assert.Equal("all", feed.GetTagItem("feed.path"));
            Assert.Equal(200, feed.GetTagItem("http.response.status_code"));
        }
    }

    [Fact]
    public async Task HealthReportsStorageReachable()
    {
        await using var site = new TestSite(azurite);
        var health = await TestSite.InvokeAsync(r => new GetHealth(site.Handlers).Run(r));
        Assert.Equal(200, health.Status);
        Assert.Equal("healthy", JsonDocument.Parse(health.Body).RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task HealthReportsStorageUnreachableWith503AndNoInternals()
    {
        var closed = azurite.ConnectionString.Replace($":{azurite.BlobPort}/", ":9/").Replace($":{azurite.TablePort}/", ":9/");
        await using var site = new TestSite(azurite, new Dictionary<string, string?> { ["AzureWebJobsStorage"] = closed });
        var health = await TestSite.InvokeAsync(r => new GetHealth(site.Handlers).Run(r));
        Assert.Equal(503, health.Status);
        Assert.Equal("""{"status":"unhealthy"}""", health.Text);
    }

    [Fact]
    public async Task HealthProbesStorageOnceForManyRequestsWithinItsWindow()
    {
        var tap = new StorageTap();
        await using var site = new TestSite(azurite, replace: tap.On(azurite));
        await site.Storage.EnsureCreatedAsync();
        tap.Reset();
        var replies = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => TestSite.InvokeAsync(r => new GetHealth(site.Handlers).Run(r))));
        var oneProbe = tap.Count;
        for (var i = 0; i < 20; i++) await TestSite.InvokeAsync(r => new GetHealth(site.Handlers).Run(r));

        Assert.All(replies, r => Assert.Equal("""{"status":"healthy"}""", r.Text));
        Assert.Equal(3, oneProbe); // one table query and the two containers' properties, for 20 concurrent requests
        Assert.Equal(3, tap.Count); // and nothing more for 20 later ones within the window
    }
}
