using System.Collections.Concurrent;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Syndication.Feeds;
using Syndication.Storage;

namespace Syndication.Http;

/// <summary>
/// Rendered feeds and pages kept in memory (at most <see cref="FeedOptions.RenderCacheBytes"/>, least recently used
/// first out; compressed copies are made on demand, counted as much again), each at the store's feed version it was rendered at, which every article transaction replaces. A repeat
/// request costs a lookup; the version is read at most once per <see cref="FeedOptions.VersionCheckSeconds"/>
/// (<see cref="ArticleStore.RecentFeedVersionAsync"/>), so a change shows on every instance within that time, at once
/// on the instance that made it, and an instance never serves a representation older than the version it last read.
/// </summary>
public sealed class RenderCache(ArticleStore store, IOptions<FeedOptions> options) : IDisposable
{
    // What an entry holds besides its body: the key, the headers, the cache's bookkeeping, roughly, for the bound.
    private const int EntryOverhead = 1024;

    private readonly MemoryCache entries = new(new MemoryCacheOptions { SizeLimit = Math.Max(0, options.Value.RenderCacheBytes) });
    private readonly ConcurrentDictionary<(string, string), Lazy<Task<Rendered?>>> inflight = new();
    private long renders;

    /// <summary>How many renders this cache ran (a test and a trace can see that concurrent misses share one).</summary>
    public long Renders => Interlocked.Read(ref renders);

    /// <summary>
    /// The cached representation for the key at the current version, or a fresh render (null renders are not kept).
    /// Concurrent misses for one key and version share one render (single flight), so a burst of readers after a
    /// publish costs one query and one render, not one per reader.
    /// </summary>
    public async Task<Rendered?> GetOrRenderAsync(string key, Func<Task<Rendered?>> render, CancellationToken ct = default)
    {
        var current = await store.RecentFeedVersionAsync(TimeSpan.FromSeconds(options.Value.VersionCheckSeconds), ct);
        while (true)
        {
            if (entries.TryGetValue(key, out (string Version, Rendered Rendered) entry) && entry.Version == current) return entry.Rendered;
            var flight = inflight.GetOrAdd((key, current), k => new Lazy<Task<Rendered?>>(() => RenderAndKeepAsync(k, render)));
            try
            {
                return await flight.Value.WaitAsync(ct);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                // The request whose render this was went away; this one is still waiting, so it renders itself.
            }
        }
    }

    private async Task<Rendered?> RenderAndKeepAsync((string Key, string Version) flight, Func<Task<Rendered?>> render)
    {
        try
        {
            Interlocked.Increment(ref renders);
            var rendered = await render();
            if (rendered is null) return null;
            using (var entry = entries.CreateEntry(flight.Key))
            {
                entry.Value = (flight.Version, rendered);
                entry.Size = EntryOverhead + 2L * flight.Key.Length + 2L * rendered.Body.Length;
            }
            return rendered;
        }
        finally
        {
            inflight.TryRemove(flight, out _);
        }
    }

    public void Dispose() => entries.Dispose();
}
