using System.Collections.Concurrent;
using System.Diagnostics;
using Azure;
using Syndication.Storage;
using Syndication.Feeds;
using Syndication.Functions;
using Syndication.Tests.Support;
using Xunit.Abstractions;
using Syndication.Articles;

namespace Syndication.Tests.Resilience;

/// <summary>Storage dies in the middle of a bulk publish: nothing is lost, nothing is doubled, no feed shows half an article.</summary>
public sealed class StorageFaultTests(ITestOutputHelper output)
{
    private const int Articles = 1000;
    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    [Fact]
    public async Task KillingAzuriteMidBulkPublishLosesNothingDoublesNothingAndNeverShowsAHalfWrittenItem()
    {
        var folder = Directory.CreateTempSubdirectory("syndication-fault-").FullName;
        var azurite = new AzuriteFixture { Location = folder };
        await azurite.InitializeAsync();
        try
        {
            await using var site = new TestSite(azurite);
            await site.Storage.EnsureCreatedAsync();
            using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(8));
            var uploaded = 0;
            var violations = new ConcurrentBag<string>();

            var publisher = Task.Run(async () =>
            {
                await Parallel.ForEachAsync(Enumerable.Range(1, Articles), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) =>
                {
                    await RetryAsync(() => site.UploadAsync($"bulk-{i:D4}/lead.png", Png), stop.Token);
                    await RetryAsync(() => site.UploadTextAsync($"bulk-{i:D4}.md", Document(i)), stop.Token);
                    Interlocked.Increment(ref uploaded);
                });
            });
            var ingesting = Task.Run(async () =>
            {
                while (!publisher.IsCompleted && !stop.IsCancellationRequested)
                {
                    try { await site.Ingestor.ReconcileAsync(stop.Token); }
                    catch (Exception e) when (e is RequestFailedException or HttpRequestException or AggregateException) { await Task.Delay(200); }
                }
            });
            var reading = Task.Run(async () =>
            {
                string? etag = null; // every other read is conditional, so 304s are read too
                var conditional = false;
                while (!publisher.IsCompleted && !stop.IsCancellationRequested)
                {
                    // A storage exception out of the function is no answer at all (the host's 500), not a feed read.
                    try { etag = await CheckFeedAsync(site, violations, etag: (conditional = !conditional) ? etag : null) ?? etag; }
                    catch (Exception e) when (e is RequestFailedException or HttpRequestException or AggregateException) { await Task.Delay(100); }
                }
            });

            while (Volatile.Read(ref uploaded) < Articles * 2 / 5) await Task.Delay(50, stop.Token);
            azurite.Stop();
            output.WriteLine($"stopped Azurite after {uploaded} articles were uploaded");
            await Task.Delay(2000);
            await azurite.RestartAsync();
            await publisher;
            await ingesting;
            await reading;

            // A resumable bulk publish checks what the container holds and uploads again what the crash lost.
            var present = (await site.Get<IncomingStore>().IncomingBlobsAsync()).Select(b => b.Name).ToHashSet();
            foreach (var i in Enumerable.Range(1, Articles).Where(i => !present.Contains($"bulk-{i:D4}.md") || !present.Contains($"bulk-{i:D4}/lead.png")))
            {
                await site.UploadAsync($"bulk-{i:D4}/lead.png", Png);
                await site.UploadTextAsync($"bulk-{i:D4}.md", Document(i));
            }
            var clock = Stopwatch.StartNew();
            var result = await site.Ingestor.ReconcileAsync(verifyPublished: true);
            output.WriteLine($"final reconcile: {result} in {clock.Elapsed.TotalSeconds:F1} s");

            var titles = new List<string>();
            string? after = null;
            do
            {
                var page = await site.Store.FeedPageAsync(FeedKey.All, 200, after);
                titles.AddRange(page.Articles.Select(a => a.Title));
                Assert.All(page.Articles, a => Assert.Single(a.Images));
                after = page.After;
            }
            while (after is not null);
            Assert.Equal(Articles, titles.Count);
            Assert.Equal(Articles, titles.Distinct().Count());
            Assert.Equal(Articles, (await site.Store.ArticleSignaturesAsync()).Count);
            var during = violations.Distinct().ToList();
            output.WriteLine($"{during.Count} violations during the run: {string.Join("; ", during.Take(10))}");
            var atEnd = new ConcurrentBag<string>();
            await CheckFeedAsync(site, atEnd, everyPage: true);
            output.WriteLine($"{atEnd.Count} violations at the end: {string.Join("; ", atEnd.Take(10))}");
            Assert.Empty(violations);
            Assert.Empty(atEnd);
        }
        finally
        {
            await azurite.DisposeAsync();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string Document(int i) =>
        $"---\ntitle: Bulk article {i:D4}\npublished: {new DateTime(2020, 1, 1).AddHours(i):O}\nimages:\n  - file: lead.png\n    caption: Lead {i}\n---\nBody of article {i}.\n";

    // What a reader gets is a whole feed or no feed: a 304, a 503 with Retry-After, or a 200 whose body a real parser
    // reads and whose items are a consistent set (each once, newest first, each title with its own body). Every item
    // has its body, and every image it names is served with the length it states: an item whose metadata names data
    // that is not there is half-written. (An item published while its image blob was missing from the container is
    // whole: its image arrives with a later update.)
    private static async Task<string?> CheckFeedAsync(TestSite site, ConcurrentBag<string> violations, bool everyPage = false, string? etag = null)
    {
        var query = "?limit=200";
        var items = new List<System.ServiceModel.Syndication.SyndicationItem>();
        string? first = null;
        do
        {
            var headers = etag is null ? null : new Dictionary<string, string> { ["If-None-Match"] = etag };
            var response = await TestSite.InvokeAsync(r => new GetFeed(site.Handlers).Run(r, "all.rss"), query: query, headers: headers);
            if (response.Status is 304 && etag is not null) return etag;
            if (response.Status is 503 && response.Headers.RetryAfter.Count > 0) return null;
            if (response.Status != 200)
            {
                violations.Add($"feed answered {response.Status}{(response.Status == 503 ? " without Retry-After" : "")}");
                return null;
            }
            System.ServiceModel.Syndication.SyndicationFeed feed;
            try { feed = FeedParsers.Syndication(response.Body); }
            catch (Exception e) when (e is System.Xml.XmlException or InvalidOperationException)
            {
                violations.Add($"a 200 that does not parse ({response.Body.Length} bytes): {e.Message}");
                return null;
            }
            var page = feed.Items.ToList();
            if (page.Select(i => i.Id).Distinct().Count() != page.Count) violations.Add("an item twice in one page");
            if (!page.Select(i => i.PublishDate).SequenceEqual(page.Select(i => i.PublishDate).OrderDescending())) violations.Add("items out of order");
            if (page.Count > 200) violations.Add($"{page.Count} items on a page of 200");
            items.AddRange(page);
            first ??= response.Headers.ETag.ToString();
            var next = FeedParsers.Link(FeedParsers.Document(response.Body), "next");
            query = everyPage && next is not null ? next.Query : "";
        }
        while (query.Length > 0);
        foreach (var item in items)
        {
            // Full content is content:encoded, or the description when an item has no separate summary.
            var content = item.ElementExtensions.ReadElementExtensions<string>("encoded", "http://purl.org/rss/1.0/modules/content/").SingleOrDefault()
                ?? item.Summary?.Text ?? "";
            var number = item.Title.Text.Split(' ')[^1];
            if (!content.Contains($"<p>Body of article {int.Parse(number)}.")) violations.Add($"{item.Title.Text}: not its own body");
            foreach (var enclosure in item.Links.Where(l => l.RelationshipType == "enclosure"))
            {
                var segments = enclosure.Uri.Segments.Select(x => x.Trim('/')).ToArray();
                var image = await TestSite.InvokeAsync(r => new GetImage(site.Handlers).Run(r, segments[3], segments[4]));
                if (image.Status != 200 || image.Body.Length != enclosure.Length) violations.Add($"{item.Title.Text}: image {image.Status}");
            }
        }
        return first;
    }

    private static async Task RetryAsync(Func<Task> action, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await action();
                return;
            }
            catch (Exception e) when (e is RequestFailedException or HttpRequestException or AggregateException && attempt < 200)
            {
                await Task.Delay(100, ct);
            }
        }
    }
}
