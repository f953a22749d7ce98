using Azure.Data.Tables;

namespace Syndication.Storage;

// The feed version, RK "v|site" in the feed partition, replaced in every article transaction; and the version as caches
// need it: recent enough, read rarely, never older than this process's own commits.
public sealed partial class ArticleStore
{
    private const string VersionKey = "v|site";
    private long localCommits;
    private readonly Lock versionGate = new();
    private Task<string>? versionRead;
    private DateTimeOffset versionReadAt = DateTimeOffset.MinValue;
    private long commitsAtRead = -1;
    private string? lastVersion;

    /// <summary>
    /// The feed version: changes in the same transaction as any article, so a cache keyed on it can never serve a
    /// feed older than the version it read.
    /// </summary>
    public async Task<string> FeedVersionAsync(CancellationToken ct = default)
    {
        await account.EnsureCreatedAsync();
        return await account.RowAsync(FeedPartition, VersionKey, ["Version"], ct) is { } e ? e.GetString("Version") ?? "" : "";
    }

    /// <summary>How many transactions the saves of this instance took (fewer than saves when they were grouped).</summary>
    internal long SaveTransactions => commits.Transactions;

    /// <summary>The version row's new value, in every article transaction.</summary>
    internal static TableTransactionAction VersionStamp() =>
        new(TableTransactionActionType.UpsertReplace, new TableEntity(FeedPartition, VersionKey) { ["Version"] = Guid.NewGuid().ToString("N") });

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
