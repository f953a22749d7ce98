using Azure;
using Azure.Data.Tables;

namespace Syndication.Storage;

/// <summary>A time at which a slug must be converged again: its embargo lifts or it expires.</summary>
public sealed record ScheduledSlug(string Slug, DateTimeOffset Due, string RowKey);

// The schedule: partition "schedule", RK "{due UTC ticks, 19 digits}|{slug}", so what is due now is one ranged query
// (RK < now's ticks) however many are pending. A row is removed once its slug was converged after its time; a row
// left behind by a changed embargo only causes one convergence that changes nothing.
public sealed partial class ArticleStore
{
    private const string SchedulePartition = "schedule";

    /// <summary>Records that the slug must be converged again at <paramref name="due"/>.</summary>
    public async Task ScheduleAsync(string slug, DateTimeOffset due, CancellationToken ct = default)
    {
        await account.EnsureCreatedAsync();
        var entity = new TableEntity(SchedulePartition, $"{due.UtcTicks:D19}|{slug}") { ["Slug"] = slug, ["Due"] = due };
        await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, ct);
    }

    /// <summary>Every scheduled slug whose time is at or before <paramref name="now"/>, earliest first.</summary>
    public async Task<List<ScheduledSlug>> DueAsync(DateTimeOffset now, CancellationToken ct = default)
    {
        await account.EnsureCreatedAsync();
        var end = now.UtcTicks.ToString("D19", System.Globalization.CultureInfo.InvariantCulture) + "}";
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {SchedulePartition} and RowKey lt {end}");
        var due = new List<ScheduledSlug>();
        await foreach (var e in table.QueryAsync<TableEntity>(filter, cancellationToken: ct))
            due.Add(new ScheduledSlug(e.GetString("Slug") ?? "", e.GetDateTimeOffset("Due") ?? now, e.RowKey));
        return due;
    }

    /// <summary>Removes a schedule row once its slug was converged after its time.</summary>
    public async Task ClearScheduledAsync(ScheduledSlug scheduled, CancellationToken ct = default)
    {
        try
        {
            await table.DeleteEntityAsync(SchedulePartition, scheduled.RowKey, ETag.All, ct);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
        }
    }
}
