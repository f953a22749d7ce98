using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using SkiaSharp;
using Syndication.Images;

namespace Syndication.Benchmarks;

/// <summary>All renditions (3 specs × JPEG + WebP) of a 12-megapixel (4000×3000) photographic JPEG. Goal: ≤ 400 ms, ≤ 150 MB peak.</summary>
[MemoryDiagnoser]
public class RenditionBenchmarks
{
    private byte[] source = [];
    private ImageInfo info = null!;

    [GlobalSetup]
    public void Setup() => (source, info) = TwelveMegapixelJpeg();

    [Benchmark]
    public int AllRenditionsOf12MegapixelJpeg() => Renditions.Make(source, info).Count;

    /// <summary>A 4000×3000 JPEG with texture everywhere (so it compresses like a photo, about 3 MB), made once.</summary>
    public static (byte[], ImageInfo) TwelveMegapixelJpeg()
    {
        using var bitmap = new SKBitmap(new SKImageInfo(4000, 3000, SKColorType.Rgba8888, SKAlphaType.Opaque));
        var pixels = bitmap.GetPixelSpan();
        var random = new Random(12);
        for (var i = 0; i < pixels.Length; i += 4)
        {
            var p = i / 4;
            var (x, y) = (p % 4000, p / 4000);
            var n = random.Next(48);
            pixels[i] = (byte)(x * 200 / 4000 + n);
            pixels[i + 1] = (byte)(y * 200 / 3000 + n);
            pixels[i + 2] = (byte)((x + y) % 256 / 2 + n);
            pixels[i + 3] = 255;
        }
        using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, 90);
        var bytes = data.ToArray();
        return (bytes, ImageInspector.Inspect(new MemoryStream(bytes)));
    }

    /// <summary>`renditions` mode: wall time of each of a few runs and the process's peak working set gained while making them.</summary>
    public static int Peak(string[] args)
    {
        var runs = args.Length > 0 ? int.Parse(args[0]) : 5;
        var (bytes, image) = TwelveMegapixelJpeg();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var before = process.WorkingSet64;
        var peakBefore = process.PeakWorkingSet64;
        var times = new List<double>();
        var cpu = new List<double>();
        var count = 0;
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            var cpuBefore = process.TotalProcessorTime;
            var made = Renditions.Make(bytes, image);
            times.Add(watch.Elapsed.TotalMilliseconds);
            process.Refresh();
            cpu.Add((process.TotalProcessorTime - cpuBefore).TotalMilliseconds);
            count = made.Count;
            if (i == 0)
                foreach (var r in made) Console.WriteLine($"{r.Name}: {r.Width}x{r.Height} {r.ContentType} {r.Bytes.Length:N0} B");
        }
        process.Refresh();
        Console.WriteLine($"source: 4000x3000 JPEG, {bytes.Length:N0} B; {count} renditions per run");
        Console.WriteLine($"wall ms per run: {string.Join(", ", times.Select(t => t.ToString("F0")))} (median {times.Order().ElementAt(times.Count / 2):F0})");
        // CPU time: what the work costs when the cores are shared (wall time then mostly measures waiting for a core).
        Console.WriteLine($"process CPU ms per run: {string.Join(", ", cpu.Select(t => t.ToString("F0")))} (median {cpu.Order().ElementAt(cpu.Count / 2):F0})");
        Console.WriteLine($"working set before: {before / 1048576.0:F1} MiB; peak before: {peakBefore / 1048576.0:F1} MiB; peak after: {process.PeakWorkingSet64 / 1048576.0:F1} MiB; " +
            $"peak gained over the working set before: {(process.PeakWorkingSet64 - before) / 1048576.0:F1} MiB");
        return 0;
    }
}
