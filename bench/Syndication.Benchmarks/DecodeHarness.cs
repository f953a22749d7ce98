using System.Diagnostics;
using System.Text;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;
using Syndication.Ingestion;
using Syndication.Storage;

namespace Syndication.Benchmarks;

/// <summary>
/// Peak memory of ingesting large images at once against Azurite: N articles (default 8), each with the same
/// 6000×4000 PNG (a flat gradient with a 1000×1000 patch of noise), all N ingested at once with IngestSlugAsync, as N
/// blob triggers on one instance would. Prints the process's peak working set (VmHWM: the whole process, from its
/// start), its working set just before the ingestion, the wall time and, where the library has one, the decode gate's
/// most decodes at once. Compiles against older libraries too (the gate is looked up by name), so bench/decode.sh
/// runs it on main's code as well. One configuration per process.
/// </summary>
internal static class DecodeHarness
{
    /// <summary>`decode-image FILE`: writes the test PNG once, in its own process, so its 96 MB bitmap is no one's peak.</summary>
    public static int Image(string[] args)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(6000, 4000, SKColorType.Rgba8888, SKAlphaType.Opaque));
        var pixels = bitmap.GetPixelSpan();
        var random = new Random(8);
        for (var y = 0; y < 4000; y++)
            for (var x = 0; x < 6000; x++)
            {
                var i = 4 * (y * 6000 + x);
                var noisy = x is >= 2500 and < 3500 && y is >= 1500 and < 2500;
                pixels[i] = noisy ? (byte)random.Next(256) : (byte)(40 + y * 160 / 4000);
                pixels[i + 1] = noisy ? (byte)random.Next(256) : (byte)(60 + x * 120 / 6000);
                pixels[i + 2] = (byte)(90 + (x + y) * 60 / 10000);
                pixels[i + 3] = 255;
            }
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 90);
        File.WriteAllBytes(args[0], data.ToArray());
        Console.WriteLine($"decode: wrote {args[0]}, 6000x4000 PNG, {data.Size:N0} B");
        return 0;
    }

    /// <summary>`decode FILE [--count N] [--label L]`: uploads N articles with FILE as their image and ingests them at once.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        var image = await File.ReadAllBytesAsync(args[0]);
        var count = Harness.IntOption(args, "count", 8);
        var label = Harness.Option(args, "label", "subject");
        var (table, incoming, published) = (Harness.Name("decode"), Harness.Name("incoming-"), Harness.Name("published-"));
        await using var services = Harness.Services(table, incoming, published);
        var store = services.GetRequiredService<ArticleStore>();
        var sources = services.GetRequiredService<IncomingStore>();
        await services.GetRequiredService<StorageAccount>().EnsureCreatedAsync();
        var slugs = Enumerable.Range(1, count).Select(i => $"large-{i}").ToList();
        foreach (var slug in slugs)
        {
            await sources.UploadIncomingAsync($"{slug}/lead.png", BinaryData.FromBytes(image));
            await sources.UploadIncomingAsync($"{slug}.md", BinaryData.FromBytes(Encoding.UTF8.GetBytes(
                $"---\ntitle: Large image {slug}\npublished: 2026-12-01T08:00:00Z\nimages:\n  - file: lead.png\n---\nBody.\n")));
        }
        var ingestor = services.GetRequiredService<ArticleIngestor>();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var (rssBefore, _) = Memory();
        var load = Harness.Load();
        var clock = Stopwatch.StartNew();
        var outcomes = await Task.WhenAll(slugs.Select(s => ingestor.IngestSlugAsync(s)));
        clock.Stop();
        var (_, peak) = Memory();

        var renditions = 0;
        foreach (var slug in slugs)
            renditions += (await store.ArticleBySlugAsync(slug))?.Article.Images.FirstOrDefault()?.Renditions?.Count ?? 0;
        var gateType = typeof(ArticleStore).Assembly.GetType("Syndication.Images.DecodeGate");
        var gate = gateType is null ? null : services.GetService(gateType);
        var maxInFlight = gate?.GetType().GetProperty("MaxInFlight")?.GetValue(gate)?.ToString() ?? "no gate";
        var options = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<IngestionOptions>>().Value;
        var slots = options.GetType().GetProperty("MaxConcurrentDecodes")?.GetValue(options)?.ToString() ?? "none";
        Console.WriteLine($"RESULT decode label={label} images={count} peak_mib={Mib(peak)} before_mib={Mib(rssBefore)} seconds={Harness.F(clock.Elapsed.TotalSeconds)} " +
            $"renditions={renditions} results={string.Join(',', outcomes.Select(o => o.Result).Distinct())} max_concurrent_decodes={slots} max_in_flight={maxInFlight} " +
            $"load_before={load.Replace(' ', '/')} load_after={Harness.Load().Replace(' ', '/')}");

        await services.GetRequiredService<TableServiceClient>().DeleteTableAsync(table);
        var blobs = services.GetRequiredService<BlobServiceClient>();
        await blobs.DeleteBlobContainerAsync(incoming);
        await blobs.DeleteBlobContainerAsync(published);
        return 0;
    }

    // The resident set now and its peak since the process started (VmRSS, VmHWM from /proc/self/status), in bytes.
    private static (long Rss, long Peak) Memory()
    {
        long Field(string name) => long.Parse(File.ReadLines("/proc/self/status").First(l => l.StartsWith(name + ":", StringComparison.Ordinal))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;
        return (Field("VmRSS"), Field("VmHWM"));
    }

    private static string Mib(long bytes) => Harness.F(bytes / 1048576.0);
}
