using System.Diagnostics;
using Syndication.Tests.Support;

namespace Syndication.Tests.Runner;

/// <summary>The runner as a user runs it: a separate process, our publish command, the feed over HTTP.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class RunnerProcessTests(AzuriteFixture azurite)
{
    private static readonly TimeSpan Promise = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task PublishedArticleAppearsInTheFeedWithinSecondsAndDisappearsWhenRemoved()
    {
        await using var runner = await RunnerProcess.StartAsync(azurite);
        using var http = new HttpClient();

        var published = await runner.CommandAsync("publish", Repo.Samples(Repo.SampleSlug + ".txt"));
        Assert.Contains("published " + Repo.SampleSlug, published);
        var appeared = await WaitAsync(http, runner, feed => feed.Items.Any(i => i.Title.Text.StartsWith("Trump-Kim summit ends early")));
        Assert.True(appeared < Promise, $"the article took {appeared.TotalSeconds:F1} s to appear");

        var rss = FeedParsers.Syndication(await http.GetByteArrayAsync(new Uri(runner.BaseUrl, "feeds/all.rss")));
        var enclosure = rss.Items.Single().Links.Single(l => l.RelationshipType == "enclosure");
        var image = await http.GetAsync(enclosure.Uri);
        Assert.Equal("image/jpeg", image.Content.Headers.ContentType?.MediaType);
        Assert.Equal(enclosure.Length, (await image.Content.ReadAsByteArrayAsync()).Length);

        Assert.Contains("3 blobs removed", await runner.CommandAsync("unpublish", Repo.SampleSlug));
        var gone = await WaitAsync(http, runner, feed => !feed.Items.Any());
        Assert.True(gone < Promise, $"the article took {gone.TotalSeconds:F1} s to disappear");
    }

    private static async Task<TimeSpan> WaitAsync(HttpClient http, RunnerProcess runner, Func<System.ServiceModel.Syndication.SyndicationFeed, bool> done)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            var feed = FeedParsers.Syndication(await http.GetByteArrayAsync(new Uri(runner.BaseUrl, "feeds/all.rss")));
            if (done(feed)) return clock.Elapsed;
            await Task.Delay(100);
        }
        return clock.Elapsed;
    }
}
