using System.Diagnostics;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Syndication.Articles;
using Syndication.Storage;

namespace Syndication.Benchmarks;

/// <summary>
/// Feed latency against archive size: fills the runner's table (ArticleStore.SaveArticleAsync, the rows ingestion
/// writes) to each count, then times GET /api/feeds/all.rss on the running runner: a cache miss (the version row
/// replaced, then a request after VersionCheckSeconds) and cache hits right after it. Reference at each size: the
/// same ranged timeline query (51 rows) straight through the SDK. Reports p50/p99, the ratios between the largest
/// and the smallest size, and the runner's resident memory.
/// </summary>
internal static class ScaleHarness
{
    private const int HitsPerMiss = 5;

    public static async Task<int> RunAsync(string[] args)
    {
        var url = new Uri(Harness.Option(args, "url", "http://127.0.0.1:7071") + "/api/feeds/all.rss");
        var pid = Harness.IntOption(args, "pid", 0);
        var azuritePid = Harness.IntOption(args, "azurite-pid", 0);
        var samples = Harness.IntOption(args, "samples", 100);
        var versionCheck = TimeSpan.FromSeconds(double.Parse(Harness.Option(args, "version-check", "0.2"), System.Globalization.CultureInfo.InvariantCulture));
        var counts = Harness.Option(args, "counts", "1000,100000").Split(',').Select(int.Parse).Order().ToList();

        await using var services = Harness.Services();
        var store = services.GetRequiredService<ArticleStore>();
        var table = services.GetRequiredService<TableServiceClient>()
            .GetTableClient(services.GetRequiredService<Microsoft.Extensions.Options.IOptions<StorageOptions>>().Value.Table);
        await services.GetRequiredService<StorageAccount>().EnsureCreatedAsync();
        using var http = new HttpClient(new SocketsHttpHandler { AutomaticDecompression = System.Net.DecompressionMethods.None });

        var results = new List<(int Count, Stats Miss, Stats Hit, Stats Raw, double? Rss)>();
        var filled = 0;
        foreach (var count in counts)
        {
            var clock = Stopwatch.StartNew();
            var done = 0;
            await Parallel.ForEachAsync(Enumerable.Range(filled, count - filled), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
            {
                var (article, body) = Article(i);
                if (body is not null) await store.WriteBodyAsync(article.BodyBlob, body, ct);
                await store.SaveArticleAsync(article, null, null, ct: ct);
                if (Interlocked.Increment(ref done) % 10_000 == 0)
                    Console.WriteLine($"  ... {filled + done} stored, {done / clock.Elapsed.TotalSeconds:0}/s, Azurite RSS {Harness.ResidentMiB(azuritePid):0} MiB");
            });
            Console.WriteLine($"scale: stored articles {filled} -> {count} in {clock.Elapsed.TotalSeconds:0} s ({(count - filled) / clock.Elapsed.TotalSeconds:0}/s), load {Harness.Load()}");
            filled = count;

            for (var i = 0; i < 5; i++) await GetAsync(http, url);
            var (miss, hit, raw) = (new List<double>(), new List<double>(), new List<double>());
            for (var s = 0; s < samples; s++)
            {
                raw.Add(await TimedAsync(() => RawTimelineAsync(table)));
                await table.UpsertEntityAsync(new TableEntity("feed", "v|site") { ["Version"] = Guid.NewGuid().ToString("N") }, TableUpdateMode.Replace);
                await Task.Delay(versionCheck + TimeSpan.FromMilliseconds(50));
                miss.Add(await TimedAsync(() => GetAsync(http, url)));
                for (var h = 0; h < HitsPerMiss; h++) hit.Add(await TimedAsync(() => GetAsync(http, url)));
            }
            var rss = Harness.ResidentMiB(pid);
            var row = (count, new Stats(miss), new Stats(hit), new Stats(raw), rss);
            results.Add(row);
            Console.WriteLine($"  {count,7} articles: miss {row.Item2}, hit {row.Item3}, raw timeline query {row.Item4}; " +
                $"runner RSS {(rss is { } r ? Harness.F(r, "0") : "?")} MiB, Azurite RSS {(Harness.ResidentMiB(azuritePid) is { } a ? Harness.F(a, "0") : "?")} MiB, load {Harness.Load()}");
        }

        var (small, large) = (results[0], results[^1]);
        Console.WriteLine($"RESULT scale {small.Count}->{large.Count}: miss p50 x{Harness.F(large.Miss.P50 / small.Miss.P50, "0.00")} p99 x{Harness.F(large.Miss.P99 / small.Miss.P99, "0.00")}; " +
            $"hit p50 x{Harness.F(large.Hit.P50 / small.Hit.P50, "0.00")} p99 x{Harness.F(large.Hit.P99 / small.Hit.P99, "0.00")}; " +
            $"raw query p50 x{Harness.F(large.Raw.P50 / small.Raw.P50, "0.00")}; runner RSS {Harness.F(small.Rss ?? 0, "0")} -> {Harness.F(large.Rss ?? 0, "0")} MiB");
        return 0;
    }

    private sealed record Stats(List<double> Samples)
    {
        public double P50 => Harness.Percentile(Samples, 50);
        public double P99 => Harness.Percentile(Samples, 99);
        public override string ToString() => $"p50 {Harness.F(P50, "0.00")} ms p99 {Harness.F(P99, "0.00")} ms";
    }

    private static async Task<double> TimedAsync(Func<Task> action)
    {
        var clock = Stopwatch.StartNew();
        await action();
        return clock.Elapsed.TotalMilliseconds;
    }

    private static async Task GetAsync(HttpClient http, Uri url)
    {
        using var response = await http.GetAsync(url);
        response.EnsureSuccessStatusCode();
        await response.Content.ReadAsByteArrayAsync();
    }

    // The query FeedPageAsync makes for the newest 50 (limit + 1 rows).
    private static async Task RawTimelineAsync(TableClient table)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {"feed"} and RowKey ge {"t|"} and RowKey lt {"t}"}");
        var rows = 0;
        await foreach (var _ in table.QueryAsync<TableEntity>(filter, maxPerPage: 51))
            if (++rows == 51) break;
    }

    // Article i: newest first by index (0 is the newest), one author, category and tag, two images; only the newest
    // 50 get a body blob, the only ones a feed of 50 reads.
    private static (StoredArticle Article, string? Body) Article(int i)
    {
        string[] authors = ["Ana Lima", "Ben Okafor", "Chloé Martin", "Dev Patel"];
        string[] categories = ["Local", "Weather", "Politics", "Transport", "Business"];
        string[] tags = ["storms", "harbour", "ferries", "budget", "council", "roads", "schools", "housing"];
        var slug = $"scale-{i:D6}";
        var published = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(-i);
        var article = new StoredArticle
        {
            Id = StableId.For(slug),
            Slug = slug,
            Title = $"Article {i}: the harbour reopens after three days of storms",
            Summary = "Ferries and fishing boats returned on Tuesday as the port lifted its storm closure; repairs to the north quay will take a month.",
            Authors = [authors[i % authors.Length]],
            Categories = [categories[i % categories.Length]],
            Tags = [tags[i % tags.Length]],
            Published = published,
            Updated = published,
            Language = "en",
            Images =
            [
                new StoredImage("photo-1.jpg", "\"0x1\"", 33326, "image/jpeg", 1200, 800, "Fishing boats return to the inner harbour.", "Ana Lima", null),
                new StoredImage("photo-2.png", "\"0x2\"", 49006, "image/png", 800, 600, "Storm damage on the north quay.", "Port Authority", null),
            ],
            BodyBlob = $"bodies/{slug}/body.html",
            SourceBlob = slug + ".md",
            SourceETag = "\"0x1\"",
            SourceSignature = slug,
            ContentHash = slug,
        };
        var body = i < 50 ? string.Concat(Enumerable.Repeat("<p>The harbour reopened on Tuesday after three days in which waves of up to nine metres kept every vessel in port. Fishing boats were allowed out from nine, under a small-craft advisory.</p>\n", 15)) : null;
        return (article, body);
    }
}
