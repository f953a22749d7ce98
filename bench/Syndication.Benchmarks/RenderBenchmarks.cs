using BenchmarkDotNet.Attributes;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Syndication.Feeds;
using Syndication.Storage;

namespace Syndication.Benchmarks;

/// <summary>
/// Building a 50-item feed, per format. Cold: from stored metadata and bodies (ItemContent.Item, then the format's
/// pure writer), no item cache. Warm: the render after one publish, as FeedService does it: 49 items found in the
/// ItemCache with their bytes, the new one made from its body and written, the feed written around them. The
/// reference is bench/node/render.mjs (npm feed) on the same items; bench/render.sh runs both and prints the ratios.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(OutputColumns))]
public class RenderBenchmarks
{
    private List<(StoredArticle Article, string Body)> items = null!;
    private SiteUrls urls = null!;
    private ItemCache cache = null!;
    private List<(StoredArticle Article, string Body)> reread = null!;

    [GlobalSetup]
    public void Setup()
    {
        (items, urls) = Fixture.Items();
        cache = new ItemCache(Options.Create(new FeedOptions()));
        foreach (var (article, body) in items.Skip(1)) cache.Keep(ItemContent.Item(article, body, urls));
        // The rows the next query returns: equal to the kept ones but other instances, as storage deserializes them.
        reread = items.Select(i => (JsonSerializer.Deserialize<StoredArticle>(JsonSerializer.Serialize(i.Article))!, i.Body)).ToList();
        foreach (var format in FeedFormats.All)
        {
            if (reread.Skip(1).Any(i => cache.Find(urls.Article(i.Article.Slug), ItemContent.Revision(i.Article)!) is null))
                throw new InvalidOperationException($"bench: the re-read rows miss the kept {format} items");
            if (!Warm(format).AsSpan().SequenceEqual(format.Write(Fixture.BuildFeed(items, urls, format))))
                throw new InvalidOperationException($"bench: the warm {format} feed differs from the cold one");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => cache.Dispose();

    [Benchmark(Description = "rss")]
    public byte[] Rss() => FeedFormats.Rss.Write(Fixture.BuildFeed(items, urls, FeedFormats.Rss));

    [Benchmark(Description = "atom")]
    public byte[] Atom() => FeedFormats.Atom.Write(Fixture.BuildFeed(items, urls, FeedFormats.Atom));

    [Benchmark(Description = "json")]
    public byte[] Json() => FeedFormats.Json.Write(Fixture.BuildFeed(items, urls, FeedFormats.Json));

    [Benchmark(Description = "rss-warm")]
    public byte[] RssWarm() => Warm(FeedFormats.Rss);

    [Benchmark(Description = "atom-warm")]
    public byte[] AtomWarm() => Warm(FeedFormats.Atom);

    [Benchmark(Description = "json-warm")]
    public byte[] JsonWarm() => Warm(FeedFormats.Json);

    // FeedService's work after the storage calls: every item looked up, the missing (newest) one made from its body,
    // the feed written through the cache. The newest is never kept here, so every invocation is the render after a publish.
    private byte[] Warm(FeedFormat format)
    {
        var feedItems = new FeedItem[reread.Count];
        for (var i = 0; i < reread.Count; i++)
        {
            var (article, body) = reread[i];
            feedItems[i] = cache.Find(urls.Article(article.Slug), ItemContent.Revision(article)!) ?? ItemContent.Item(article, body, urls);
        }
        return cache.Write(Fixture.Header(reread, urls, format) with { Items = feedItems }, format);
    }

    /// <summary>The benchmarks' names, as BenchmarkDotNet reports them.</summary>
    public static readonly string[] Methods = [nameof(Rss), nameof(Atom), nameof(Json), nameof(RssWarm), nameof(AtomWarm), nameof(JsonWarm)];

    /// <summary>The output size of a benchmark, for the allocated/output ratio.</summary>
    public static int OutputBytes(string method)
    {
        var b = new RenderBenchmarks();
        b.Setup();
        using var _ = b.cache;
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
