using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Options;

namespace Syndication.Storage;

/// <summary>
/// The one table and the two containers every store works in, created once per process; each store holds its own
/// partitions and documents their keys at its top:
/// <list type="bullet">
/// <item>partition "feed": articles, the timeline, the feeds' index and name rows and the feed version
/// (<see cref="ArticleStore"/>), and the tombstones of withdrawn articles (<see cref="ScheduleStore"/>), in the same
/// partition so one transaction removes an article and leaves its tombstone;</item>
/// <item>"schedule": when embargoes lift and articles expire (<see cref="ScheduleStore"/>);</item>
/// <item>"rejected": the blobs we could not publish (<see cref="RejectionStore"/>);</item>
/// <item>"partner" and "pulls": partners and their pull counts (<see cref="PartnerStore"/>);</item>
/// <item>"listing": what reconciliation last saw in the incoming container (<see cref="IncomingStore"/>).</item>
/// <item>"follower", "inbox", "seen", "claim", "fediverse": the fediverse's followers and delivery state (<see cref="FollowerStore"/>).</item>
/// </list>
/// The incoming container holds what publishers drop (<see cref="IncomingStore"/>); the published container the
/// bodies, images and renditions we serve (<see cref="ArticleStore"/>).
/// </summary>
public sealed class StorageAccount
{
    private readonly bool createIfMissing;
    private readonly Lock creating = new();
    private Task? created;

    public StorageAccount(TableServiceClient tables, BlobServiceClient blobs, IOptions<StorageOptions> options)
    {
        Table = tables.GetTableClient(options.Value.Table);
        Incoming = blobs.GetBlobContainerClient(options.Value.ArticlesContainer);
        Published = blobs.GetBlobContainerClient(options.Value.PublishedContainer);
        createIfMissing = options.Value.CreateIfMissing;
    }

    internal TableClient Table { get; }
    internal BlobContainerClient Incoming { get; }
    internal BlobContainerClient Published { get; }

    /// <summary>
    /// Creates the table and containers once per process (unless <see cref="StorageOptions.CreateIfMissing"/> is off).
    /// Concurrent callers share one attempt; a failed attempt is forgotten, so the next call tries again (right after a
    /// deployment, role assignments may not have propagated yet).
    /// </summary>
    public Task EnsureCreatedAsync()
    {
        if (!createIfMissing) return Task.CompletedTask;
        // Every store call comes through here: once creation has succeeded, no lock.
        if (Volatile.Read(ref created) is { IsCompletedSuccessfully: true } done) return done;
        lock (creating)
        {
            if (created is null || created.IsFaulted || created.IsCanceled) created = CreateAsync();
            return created;
        }
    }

    private async Task CreateAsync()
    {
        await Table.CreateIfNotExistsAsync();
        await Incoming.CreateIfNotExistsAsync();
        await Published.CreateIfNotExistsAsync();
    }

    /// <summary>Reads one row of the table and the properties of both containers; throws when storage does not answer.</summary>
    public async Task ProbeAsync(CancellationToken ct)
    {
        await EnsureCreatedAsync().WaitAsync(ct);
        await Table.QueryAsync<TableEntity>(maxPerPage: 1, select: ["PartitionKey"], cancellationToken: ct).AsPages().FirstAsync(ct);
        await Incoming.GetPropertiesAsync(cancellationToken: ct);
        await Published.GetPropertiesAsync(cancellationToken: ct);
    }

    /// <summary>One row, or null when there is none.</summary>
    internal async Task<TableEntity?> RowAsync(string partition, string rowKey, IEnumerable<string>? select = null, CancellationToken ct = default)
    {
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(partition, rowKey, select, ct);
        return row.HasValue ? row.Value : null;
    }

    /// <summary>Removes one row whatever its ETag, ignoring one already gone.</summary>
    internal async Task DeleteRowAsync(string partition, string rowKey, CancellationToken ct)
    {
        try
        {
            await Table.DeleteEntityAsync(partition, rowKey, ETag.All, ct);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
        }
    }
}
