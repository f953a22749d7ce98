namespace Syndication.Benchmarks;

internal static class ScaleHarness
{
    public static Task<int> RunAsync(string[] args) => Task.FromResult(args.Length);
}
