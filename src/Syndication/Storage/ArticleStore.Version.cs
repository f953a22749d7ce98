namespace Syndication.Storage;

// The feed version as caches need it: recent enough, read rarely, never older than this process's own commits.
public sealed partial class ArticleStore
{
    private readonly Lock versionGate = new();
    private Task<string>? versionRead;
    private DateTimeOffset versionReadAt = DateTimeOffset.MinValue;
    private long commitsAtRead = -1;
    private string? lastVersion;

    /// <summary>
    /// The feed version as of at most <paramref name="maxAge"/> ago: read at most once per <paramref name="maxAge"/>
    /// (concurrent callers share the read), read again at once after this process committed an article, and, when
    /// storage does not answer, the last version read (so what was rendered at it is still served) until the next try.
    /// </summary>
    public async Task<string> RecentFeedVersionAsync(TimeSpan maxAge, CancellationToken ct = default)
    {
        ct.ThrowIfCancellationRequested();
        try
        {
            var current = await SharedVersionRead(maxAge).WaitAsync(ct);
            Volatile.Write(ref lastVersion, current);
            return current;
        }
        catch (Exception) when (!ct.IsCancellationRequested && Volatile.Read(ref lastVersion) is { } last)
        {
            return last;
        }
    }

    private Task<string> SharedVersionRead(TimeSpan maxAge)
    {
        lock (versionGate)
        {
            var now = time.GetUtcNow();
            var commits = Interlocked.Read(ref localCommits);
            if (versionRead is null || (versionRead.IsFaulted && lastVersion is null) || commits != commitsAtRead || now - versionReadAt > maxAge)
            {
                commitsAtRead = commits;
                // Not the caller's token: the read is shared, and one caller leaving must not fail the others.
                versionRead = FeedVersionAsync(CancellationToken.None);
                versionReadAt = now;
            }
            return versionRead;
        }
    }
}
