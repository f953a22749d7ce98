using BenchmarkDotNet.Running;
using Syndication.Benchmarks;

// `ingest` and `scale` time the store and the runner against an Azurite the calling script started; anything else
// goes to BenchmarkDotNet (e.g. --filter '*Render*').
return args.FirstOrDefault() switch
{
    "ingest" => await IngestHarness.RunAsync(args[1..]),
    "scale" => await ScaleHarness.RunAsync(args[1..]),
    _ => Run(args),
};

static int Run(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(RenderBenchmarks).Assembly).Run(args);
    return 0;
}
