using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Syndication.Feeds;
using Syndication.Storage;

namespace Syndication.Http;

/// <summary>
/// Rendered feeds and pages kept in memory, keyed on the store's feed version (which every article transaction
/// replaces). A repeat request costs a dictionary lookup; the version is read at most once per
/// <see cref="FeedOptions.VersionCheckSeconds"/>, so a change shows on every instance within that time, and an
/// instance never serves a representation older than the version it last read. Commits made by this process are
/// seen at once. When storage cannot answer (throttled, down), the last version read stands, so what was rendered at
/// it is still served, and the version is read again after the interval, not on every request.
/// </summary>
public sealed class RenderCache(ArticleStore store, TimeProvider time, IOptions<FeedOptions> options)
{
    private const int MaxEntries = 1024;
    private readonly ConcurrentDictionary<string, (string Version, Rendered Rendered)> entries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string, string), Lazy<Task<Rendered?>>> inflight = new();
    private readonly Lock gate = new();
    private long renders;
    private Task<string>? version;
    private DateTimeOffset versionReadAt = DateTimeOffset.MinValue;
    private long commitsSeen = -1;
    private string? known;

    /// <summary>How many renders this cache ran (a test and a trace can see that concurrent misses share one).</summary>
    public long Renders => Interlocked.Read(ref renders);

    /// <summary>
    /// The cached representation for the key at the current version, or a fresh render (null renders are not kept).
    /// Concurrent misses for one key and version share one render (single flight), so a burst of readers after a
    /// publish costs one query and one render, not one per reader.
    /// </summary>
    public async Task<Rendered?> GetOrRenderAsync(string key, Func<Task<Rendered?>> render, CancellationToken ct = default)
    {
        var current = await VersionAsync(ct);
        while (true)
        {
            if (entries.TryGetValue(key, out var entry) && entry.Version == current) return entry.Rendered;
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
            if (entries.Count >= MaxEntries) entries.Clear();
            entries[flight.Key] = (flight.Version, rendered);
            return rendered;
        }
        finally
        {
            inflight.TryRemove(flight, out _);
        }
    }

    // One read of the version row in flight at a time, reused for VersionCheckSeconds; the last one read if it fails.
    private async Task<string> VersionAsync(CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        try
        {
            var current = await SharedVersion();
            Volatile.Write(ref known, current);
            return current;
        }
        catch (Exception) when (Volatile.Read(ref known) is { } last)
        {
            return last;
        }
    }

    private Task<string> SharedVersion()
    {
        lock (gate)
        {
            var now = time.GetUtcNow();
            var commits = store.LocalCommits;
            if (version is null || (version.IsFaulted && known is null) || commits != commitsSeen
                || now - versionReadAt > TimeSpan.FromSeconds(options.Value.VersionCheckSeconds))
            {
                commitsSeen = commits;
                version = store.FeedVersionAsync(CancellationToken.None);
                versionReadAt = now;
            }
            return version;
        }
    }
}
