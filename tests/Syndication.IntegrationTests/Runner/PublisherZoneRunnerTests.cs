using System.Diagnostics;
using Syndication.Tests.Support;

namespace Syndication.Tests.Runner;

/// <summary>A runner started with Syndication__TimeZone reads the times a publisher's pages state without a zone in it.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class PublisherZoneRunnerTests(AzuriteFixture azurite)
{
    private const string Story = "<p>The harbour reopened on Tuesday after three days of repairs to the breakwater, and the first ferries left on time.</p>"
        + "<p>Fishermen said the storm was the worst in forty years, and the port authority promised a review of the sea defences.</p>";

    [Fact]
    public async Task ARunnerWithThePublishersZoneServesAZonelessPageTimeInItAndAStatedZoneAsStated()
    {
        await using var runner = await RunnerProcess.StartAsync(azurite, new Dictionary<string, string> { ["Syndication__TimeZone"] = "America/New_York" });
        await runner.Incoming.CreateIfNotExistsAsync();
        await runner.Incoming.GetBlobClient("harbour-reopens.html").UploadAsync(BinaryData.FromString(Page));
        await runner.Incoming.GetBlobClient("ferries-return.html").UploadAsync(BinaryData.FromString(
            "<!doctype html><html lang=en><head><meta charset=utf-8><title>Ferries return</title></head><body><article><h1>Ferries return</h1>"
            + "<p><time datetime=\"2016-07-16T16:19:00Z\">July 16, 2016</time></p>" + Story + "</article></body></html>"));

        var published = (await FeedAsync(runner, 2, _ => true)).Items.ToDictionary(i => i.Title.Text, i => i.PublishDate);
        Assert.Equal(new DateTimeOffset(2016, 12, 16, 21, 19, 0, TimeSpan.Zero), published["Harbour reopens"]);
        Assert.Equal(new DateTimeOffset(2016, 7, 16, 16, 19, 0, TimeSpan.Zero), published["Ferries return"]);
    }

    [Fact]
    public async Task SettingTheZoneLaterReadsTheStoredPagesAgain()
    {
        var first = await RunnerProcess.StartAsync(azurite);
        await first.Incoming.CreateIfNotExistsAsync();
        await first.Incoming.GetBlobClient("harbour-reopens.html").UploadAsync(BinaryData.FromString(Page));
        var utc = (await FeedAsync(first, 1, _ => true)).Items.Single().PublishDate;
        Assert.Equal(new DateTimeOffset(2016, 12, 16, 16, 19, 0, TimeSpan.Zero), utc);
        var storage = new Dictionary<string, string>(first.Environment) { ["Syndication__TimeZone"] = "Asia/Tokyo" };
        await first.DisposeAsync();

        await using var second = await RunnerProcess.StartAsync(azurite, storage);
        var tokyo = await FeedAsync(second, 1, feed => feed.Items.Single().PublishDate != utc);
        Assert.Equal(new DateTimeOffset(2016, 12, 16, 7, 19, 0, TimeSpan.Zero), tokyo.Items.Single().PublishDate);
    }

    private const string Page = "<!doctype html><html lang=en><head><meta charset=utf-8><title>Harbour reopens</title></head><body><article><h1>Harbour reopens</h1>"
        + "<p>By Ana Lima | December 16, 2016 4:19 PM</p>" + Story + "</article></body></html>";

    // The runner's RSS once it lists the given number of items and meets the condition (or after 60 s, as it is then).
    private static async Task<System.ServiceModel.Syndication.SyndicationFeed> FeedAsync(RunnerProcess runner, int items,
        Func<System.ServiceModel.Syndication.SyndicationFeed, bool> done)
    {
        using var http = new HttpClient();
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var feed = FeedParsers.Syndication(await http.GetByteArrayAsync(new Uri(runner.BaseUrl, "feeds/all.rss")));
            if (feed.Items.Count() == items && done(feed) || clock.Elapsed > TimeSpan.FromSeconds(60)) return feed;
            await Task.Delay(200);
        }
    }
}
