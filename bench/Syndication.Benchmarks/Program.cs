using BenchmarkDotNet.Running;
using Syndication.Benchmarks;

// `ingest` and `scale` time the store and the runner, and `decode` measures the peak memory of large images ingested
// at once, against an Azurite the calling script started; `chart` draws figures as SVG (docs/charts); anything else
// goes to BenchmarkDotNet (e.g. --filter '*Render*').
return args.FirstOrDefault() switch
{
    "ingest" => await IngestHarness.RunAsync(args[1..]),
    "scale" => await ScaleHarness.RunAsync(args[1..]),
    "fanout" => await FanoutHarness.RunAsync(args[1..]),
    "sizes" => Sizes(),
    "chart" => Charts.Run(args[1..]),
    "renditions" => RenditionBenchmarks.Peak(args[1..]),
    "decode-image" => DecodeHarness.Image(args[1..]),
    "decode" => await DecodeHarness.RunAsync(args[1..]),
    _ => Run(args),
};

// The rendered size of each render benchmark (cold and warm), one JSON line each, for bench/node/compare.mjs.
static int Sizes()
{
    foreach (var method in RenderBenchmarks.Methods)
        Console.WriteLine($"{{\"method\":\"{method}\",\"outputBytes\":{RenderBenchmarks.OutputBytes(method)}}}");
    return 0;
}

static int Run(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(RenderBenchmarks).Assembly).Run(args);
    return 0;
}
