using BenchmarkDotNet.Running;
using Syndication.Benchmarks;

// `ingest` and `scale` time the store and the runner against an Azurite the calling script started; anything else
// goes to BenchmarkDotNet (e.g. --filter '*Render*').
return args.FirstOrDefault() switch
{
    "ingest" => await IngestHarness.RunAsync(args[1..]),
    "scale" => await ScaleHarness.RunAsync(args[1..]),
    "sizes" => Sizes(),
    _ => Run(args),
};

// The rendered size of each format, one JSON line each, for bench/node/compare.mjs.
static int Sizes()
{
    foreach (var format in new[] { "Rss", "Atom", "Json" })
        Console.WriteLine($"{{\"format\":\"{format.ToLowerInvariant()}\",\"outputBytes\":{RenderBenchmarks.OutputBytes(format)}}}");
    return 0;
}

static int Run(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(RenderBenchmarks).Assembly).Run(args);
    return 0;
}
