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
    private readonly Lock gate = new();
    private Task<string>? version;
    private DateTimeOffset versionReadAt = DateTimeOffset.MinValue;
    private long commitsSeen = -1;
    private string? known;

    /// <summary>The cached representation for the key at the current version, or a fresh render (null renders are not kept).</summary>
    public async Task<Rendered?> GetOrRenderAsync(string key, Func<Task<Rendered?>> render, CancellationToken ct = default)
    {
        var current = await VersionAsync(ct);
        if (entries.TryGetValue(key, out var entry) && entry.Version == current) return entry.Rendered;
        var rendered = await render();
        if (rendered is null) return null;
        if (entries.Count >= MaxEntries) entries.Clear();
        entries[key] = (current, rendered);
        return rendered;
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
