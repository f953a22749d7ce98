using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using Syndication.Articles;
using Syndication.Ingestion;
using Syndication.Storage;

namespace Syndication.Benchmarks;

/// <summary>
/// Ingestion throughput against Azurite: N generated Markdown articles uploaded to a fresh incoming container, then
/// ArticleIngestor.ReconcileAsync (what the timer and the runner's watcher run) timed until every article is in the
/// table. Reference in the same run: the same article rows (ArticleStore.SaveActions plus the version stamp, one
/// transaction per article through the SDK's TableClient, without the store's group commit) and body blobs written
/// straight to Azurite at the same parallelism, from documents parsed beforehand. Runs go
/// reference, subject, subject, reference (ABBA), each on its own table and containers, dropped afterwards.
/// </summary>
internal static class IngestHarness
{
    public static async Task<int> RunAsync(string[] args)
    {
        var count = Harness.IntOption(args, "count", 10_000);
        // The same for both: slugs the reconcile converges at once, and articles the reference writes at once.
        var parallelism = Harness.IntOption(args, "parallelism", 16);
        var rounds = Harness.IntOption(args, "rounds", 1);
        var documents = Enumerable.Range(0, count).Select(Document).ToList();
        Console.WriteLine($"ingest: {count} Markdown articles ({documents.Average(d => d.Bytes.Length):0} bytes each), parallelism {parallelism}, load {Harness.Load()}");

        // Warm-up (JIT, connection pools, Azurite's own caches): a small run of each, not counted.
        var warmup = documents.Take(Math.Min(300, count)).ToList();
        await ReferenceAsync(warmup, parallelism, "warm-up");
        await SubjectAsync(warmup, parallelism, "warm-up");

        var reference = new List<double>();
        var subject = new List<double>();
        for (var round = 0; round < rounds; round++)
        {
            reference.Add(await ReferenceAsync(documents, parallelism));
            subject.Add(await SubjectAsync(documents, parallelism));
            subject.Add(await SubjectAsync(documents, parallelism));
            reference.Add(await ReferenceAsync(documents, parallelism));
        }
        if (args.Contains("--grouped"))
        {
            // A stricter reference: the same writes through the store's group commit, which ingestion also uses.
            var grouped = await ReferenceAsync(documents, parallelism, "ref+group", grouped: true);
            Console.WriteLine($"GROUPED reference={Harness.F(grouped)} articles/s; ingestion = {Harness.F(subject.Average() / grouped, "0.00")} of it");
        }
        if (args.Contains("--probe"))
        {
            // Where the gap is: the reference plus one download of the document per article, the call ingestion adds.
            var probe = await ReferenceAsync(documents, parallelism, "reference+download", download: true);
            Console.WriteLine($"PROBE reference+download={Harness.F(probe)} articles/s = {Harness.F(probe / reference.Average(), "0.00")} of the reference");
        }
        var (s, r) = (subject.Average(), reference.Average());
        Console.WriteLine($"RESULT ingest subject={Harness.F(s)} reference={Harness.F(r)} articles/s ratio={Harness.F(s / r, "0.00")} load={Harness.Load()}");
        return 0;
    }

    private sealed record Doc(string Slug, byte[] Bytes);

    private static Doc Document(int i)
    {
        var slug = $"ingest-{i:D5}";
        var words = "harbour council storm ferry budget vote quay pilot station island repair fishing port authority weather".Split(' ');
        string Words(int n, int seed) => string.Join(' ', Enumerable.Range(0, n).Select(k => words[(seed * 7 + k * 3) % words.Length]));
        var md = $"""
            ---
            title: "Article {i}: {Words(6, i)}"
            summary: {Words(18, i + 1)}.
            authors: [{(i % 3 == 0 ? "Ana Lima" : "Ben Okafor")}]
            published: {new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(i):yyyy-MM-ddTHH:mm:ssZ}
            categories: [{(i % 2 == 0 ? "Local" : "Weather")}]
            tags: [storms, harbour]
            ---
            {Words(40, i)}, with **some** emphasis and a [link](https://example.com/{i}).

            {Words(50, i + 2)}.

            {Words(45, i + 3)}.
            """;
        return new Doc(slug, Encoding.UTF8.GetBytes(md));
    }

    private static async Task<double> SubjectAsync(List<Doc> documents, int parallelism, string label = "subject")
    {
        var (table, incoming, published) = (Harness.Name("ingest"), Harness.Name("incoming-"), Harness.Name("published-"));
        await using var services = Harness.Services(table, incoming, published, parallelism);
        var store = services.GetRequiredService<ArticleStore>();
        var sources = services.GetRequiredService<IncomingStore>();
        await services.GetRequiredService<StorageAccount>().EnsureCreatedAsync();
        var upload = Stopwatch.StartNew();
        await Parallel.ForEachAsync(documents, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (d, ct) =>
            await sources.UploadIncomingAsync(d.Slug + ".md", BinaryData.FromBytes(d.Bytes), ct: ct));
        upload.Stop();

        var ingestor = services.GetRequiredService<ArticleIngestor>();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var (passes, ingested) = (0, 0);
        do
        {
            ingested += (await ingestor.ReconcileAsync()).Ingested;
            passes++;
        }
        while (ingested < documents.Count && passes < 5);
        clock.Stop();
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        // Checked outside the clock, as the reference's rows are.
        var stored = (await store.ArticleSignaturesAsync()).Count;
        var rate = stored / clock.Elapsed.TotalSeconds;
        Console.WriteLine($"  {label,-10} {stored} articles in {clock.Elapsed.TotalSeconds:0.0} s = {rate:0.0} articles/s ({passes} pass(es), {store.SaveTransactions} transactions, {cpu.TotalSeconds:0.0} s CPU here; the upload before it took {upload.Elapsed.TotalSeconds:0.0} s), load {Harness.Load()}");
        await DropAsync(services, table, incoming, published);
        return stored == documents.Count ? rate : 0;
    }

    private static async Task<double> ReferenceAsync(List<Doc> documents, int parallelism, string label = "reference", bool download = false, bool grouped = false)
    {
        var (table, incoming, published) = (Harness.Name("reference"), Harness.Name("incoming-"), Harness.Name("published-"));
        await using var services = Harness.Services(table, incoming, published);
        var store = services.GetRequiredService<ArticleStore>();
        var sources = services.GetRequiredService<IncomingStore>();
        await services.GetRequiredService<StorageAccount>().EnsureCreatedAsync();
        var rows = services.GetRequiredService<TableServiceClient>().GetTableClient(table);
        var articles = documents.Select(d => Article(d, DocumentParser.Parse(DocumentFormat.Markdown, d.Bytes))).ToList();
        if (download)
            await Parallel.ForEachAsync(documents, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (d, ct) =>
                await sources.UploadIncomingAsync(d.Slug + ".md", BinaryData.FromBytes(d.Bytes), ct: ct));

        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(articles, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, async (a, ct) =>
        {
            if (download) await sources.DownloadIncomingAsync(a.Article.SourceBlob, ct);
            await store.WriteBodyAsync(a.Article.BodyBlob, a.Body, ct);
            if (grouped) await store.SaveArticleAsync(a.Article, null, null, ct: ct);
            else await rows.SubmitTransactionAsync([.. ArticleStore.SaveActions(a.Article, null, null), ArticleStore.VersionStamp()], ct);
        });
        clock.Stop();
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        var stored = (await store.ArticleSignaturesAsync()).Count;
        var rate = stored / clock.Elapsed.TotalSeconds;
        Console.WriteLine($"  {label,-10} {stored} articles in {clock.Elapsed.TotalSeconds:0.0} s = {rate:0.0} articles/s ({cpu.TotalSeconds:0.0} s CPU here), load {Harness.Load()}");
        await DropAsync(services, table, incoming, published);
        return rate;
    }

    // The rows ingestion writes for this document, built the way ArticleIngestor composes them (same fields and sizes).
    private static (StoredArticle Article, string Body) Article(Doc d, ParsedArticle p)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(d.Bytes).AsSpan(0, 16));
        return (new StoredArticle
        {
            Id = StableId.For(d.Slug),
            Slug = d.Slug,
            Title = p.Title,
            Summary = p.Summary,
            Authors = p.Authors,
            Categories = p.Categories,
            Tags = p.Tags,
            Published = p.Published ?? DateTimeOffset.UnixEpoch,
            Updated = p.Updated ?? p.Published ?? DateTimeOffset.UnixEpoch,
            Language = p.Language,
            BodyBlob = $"bodies/{d.Slug}/{hash}.html",
            SourceBlob = d.Slug + ".md",
            SourceETag = "\"0x8DC0000000000000\"",
            SourceSignature = hash,
            ContentHash = hash,
        }, p.BodyHtml);
    }

    private static async Task DropAsync(IServiceProvider services, string table, string incoming, string published)
    {
        await services.GetRequiredService<TableServiceClient>().DeleteTableAsync(table);
        var blobs = services.GetRequiredService<BlobServiceClient>();
        await blobs.DeleteBlobContainerAsync(incoming);
        await blobs.DeleteBlobContainerAsync(published);
    }
}
