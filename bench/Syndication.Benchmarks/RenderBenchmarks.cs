using BenchmarkDotNet.Attributes;
using Syndication.Feeds;
using Syndication.Storage;

namespace Syndication.Benchmarks;

/// <summary>
/// Building a 50-item feed from stored metadata and bodies (FeedService.ToItem, then the format's writer), per format.
/// The reference is bench/node/render.mjs (npm feed) on the same items; bench/render.sh runs both and prints the ratios.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(OutputColumns))]
public class RenderBenchmarks
{
    private List<(StoredArticle Article, string Body)> items = null!;
    private SiteUrls urls = null!;

    [GlobalSetup]
    public void Setup() => (items, urls) = Fixture.Items();

    [Benchmark(Description = "rss")]
    public byte[] Rss() => RssWriter.Write(Fixture.BuildFeed(items, urls, FeedFormat.Rss));

    [Benchmark(Description = "atom")]
    public byte[] Atom() => AtomWriter.Write(Fixture.BuildFeed(items, urls, FeedFormat.Atom));

    [Benchmark(Description = "json")]
    public byte[] Json() => JsonFeedWriter.Write(Fixture.BuildFeed(items, urls, FeedFormat.Json));

    /// <summary>The output size of a benchmark, for the allocated/output ratio.</summary>
    public static int OutputBytes(string method)
    {
        var b = new RenderBenchmarks();
        b.Setup();
        return method switch { nameof(Rss) => b.Rss().Length, nameof(Atom) => b.Atom().Length, _ => b.Json().Length };
    }
}
