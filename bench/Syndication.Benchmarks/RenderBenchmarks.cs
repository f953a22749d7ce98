using BenchmarkDotNet.Attributes;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Syndication.Feeds;
using Syndication.Storage;

namespace Syndication.Benchmarks;

/// <summary>
/// Building a 50-item feed, per format. Cold: from stored metadata and bodies (FeedService.ToItem, then the format's
/// writer), no rendered-item cache. Warm: the render after one publish, as FeedService does it: 49 items found in the
/// rendered-item cache (ItemFragments) and copied, the new one rendered from its body and kept, header and footer
/// written around them. The reference is bench/node/render.mjs (npm feed) on the same items; bench/render.sh runs both and prints the ratios.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(OutputColumns))]
public class RenderBenchmarks
{
    private List<(StoredArticle Article, string Body)> items = null!;
    private SiteUrls urls = null!;
    private ItemFragments fragments = null!;
    private List<(StoredArticle Article, string Body)> reread = null!;

    [GlobalSetup]
    public void Setup()
    {
        (items, urls) = Fixture.Items();
        fragments = new ItemFragments(Options.Create(new FeedOptions()));
        foreach (var format in FeedFormats.All)
            foreach (var (article, body) in items.Skip(1)) fragments.Render(format, urls, article, body);
        // The rows the next query returns: equal to the cached ones but other instances, as storage deserializes
        // them, so each lookup pays the full comparison of the row.
        reread = items.Select(i => (JsonSerializer.Deserialize<StoredArticle>(JsonSerializer.Serialize(i.Article))!, i.Body)).ToList();
        foreach (var format in FeedFormats.All)
        {
            if (reread.Skip(1).Any(i => fragments.Find(format, urls, i.Article) is null))
                throw new InvalidOperationException($"bench: the re-read rows miss the cached {format} items");
            if (!Warm(format).AsSpan().SequenceEqual(FeedFormats.Write(Fixture.BuildFeed(items, urls, format), format)))
                throw new InvalidOperationException($"bench: the warm {format} feed differs from the cold one");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => fragments.Dispose();

    [Benchmark(Description = "rss")]
    public byte[] Rss() => RssWriter.Write(Fixture.BuildFeed(items, urls, FeedFormat.Rss));

    [Benchmark(Description = "atom")]
    public byte[] Atom() => AtomWriter.Write(Fixture.BuildFeed(items, urls, FeedFormat.Atom));

    [Benchmark(Description = "json")]
    public byte[] Json() => JsonFeedWriter.Write(Fixture.BuildFeed(items, urls, FeedFormat.Json));

    [Benchmark(Description = "rss-warm")]
    public byte[] RssWarm() => Warm(FeedFormat.Rss);

    [Benchmark(Description = "atom-warm")]
    public byte[] AtomWarm() => Warm(FeedFormat.Atom);

    [Benchmark(Description = "json-warm")]
    public byte[] JsonWarm() => Warm(FeedFormat.Json);

    // FeedService.PageAsync's work after the storage calls: every item looked up, the missing (newest) one rendered
    // and kept, the feed composed. The new item is then forgotten, so every invocation is the render after a publish.
    private byte[] Warm(FeedFormat format)
    {
        var rendered = new byte[reread.Count][];
        for (var i = 0; i < reread.Count; i++)
            rendered[i] = fragments.Find(format, urls, reread[i].Article) ?? fragments.Render(format, urls, reread[i].Article, reread[i].Body);
        var bytes = FeedFormats.Write(Fixture.Header(reread, urls, format), format, rendered);
        fragments.Forget(format, urls, reread[0].Article);
        return bytes;
    }

    /// <summary>The benchmarks' names, as BenchmarkDotNet reports them.</summary>
    public static readonly string[] Methods = [nameof(Rss), nameof(Atom), nameof(Json), nameof(RssWarm), nameof(AtomWarm), nameof(JsonWarm)];

    /// <summary>The output size of a benchmark, for the allocated/output ratio.</summary>
    public static int OutputBytes(string method)
    {
        var b = new RenderBenchmarks();
        b.Setup();
        using var _ = b.fragments;
        return method switch
        {
            nameof(Rss) => b.Rss().Length,
            nameof(Atom) => b.Atom().Length,
            nameof(Json) => b.Json().Length,
            nameof(RssWarm) => b.RssWarm().Length,
            nameof(AtomWarm) => b.AtomWarm().Length,
            _ => b.JsonWarm().Length,
        };
    }
}
