using System.Globalization;
using Azure;
using Azure.Data.Tables;

namespace Syndication.Storage;

/// <summary>
/// Partners and how often they pull, in the shared table.
/// <para>Partners: PK "partner", RK "{id}" (Name, Feeds joined by '\n', Limit, PasswordHash, Version, Created, Profile). A
/// rotation replaces the row (and its Version) on the condition of the ETag it read, reading again when another write
/// came between (a profile change merges that column alone); re-storing the same password in a new form (a legacy PBKDF2
/// hash, or the previous server key's HMAC, after a success) merges only PasswordHash, on the condition of the row's
/// ETag and Version.</para>
/// <para>Pulls: PK "pulls", RK "{id}|{yyyy-MM-dd}|{instance}" (Count, LastPull): each instance counts in memory and
/// replaces only its own row, at most once a minute, so no two writers contend and a count is one upsert.</para>
/// </summary>
public sealed class PartnerStore(StorageAccount account)
{
    private const string PartnerPartition = "partner";
    private const string PullsPartition = "pulls";

    /// <summary>Adds a partner; false when one with that id exists.</summary>
    public async Task<bool> AddPartnerAsync(StoredPartner partner, CancellationToken ct = default)
    {
        await account.EnsureCreatedAsync();
        try
        {
            await account.Table.AddEntityAsync(PartnerRow(partner), ct);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    /// <summary>
    /// Rotates a partner's row: <paramref name="rotate"/> makes the new row from the row as read, which it replaces only
    /// while the row is still as read (ETag-conditional). A write in between (a PATCH of the profile) makes it read the
    /// row again and rotate that, so neither change is lost; after <see cref="RotateAttempts"/> such races the 412 is
    /// thrown. The new row, or null when the partner does not exist (or was deleted meanwhile).
    /// </summary>
    public async Task<StoredPartner?> RotatePartnerAsync(string id, Func<StoredPartner, StoredPartner> rotate, CancellationToken ct = default)
    {
        await account.EnsureCreatedAsync();
        for (var attempt = 1; ; attempt++)
        {
            if (await account.RowAsync(PartnerPartition, id, ct: ct) is not { } e) return null;
            var rotated = rotate(ToPartner(e));
            try
            {
                await account.Table.UpdateEntityAsync(PartnerRow(rotated), e.ETag, TableUpdateMode.Replace, ct);
                return rotated;
            }
            catch (RequestFailedException x) when (x.Status == 404)
            {
                return null;
            }
            catch (RequestFailedException x) when (x.Status == 412 && attempt < RotateAttempts)
            {
                // Changed since read: read it again.
            }
        }
    }

    /// <summary>How many times a rotation reads the row again when another write keeps coming between its read and its write.</summary>
    public const int RotateAttempts = 5;

    /// <summary>
    /// Stores the same password in a new form (<paramref name="hash"/>) on the row <paramref name="seen"/> was read from,
    /// only while it still holds that hash and version (ETag-conditional): a rotation in between wins. False when it changed or is gone.
    /// </summary>
    public async Task<bool> ReplacePartnerHashAsync(StoredPartner seen, string hash, CancellationToken ct = default)
    {
        await account.EnsureCreatedAsync();
        var e = await account.RowAsync(PartnerPartition, seen.Id, ct: ct);
        if (e is null || e.GetString("Version") != seen.Version || e.GetString("PasswordHash") != seen.PasswordHash) return false;
        try
        {
            await account.Table.UpdateEntityAsync(new TableEntity(PartnerPartition, seen.Id) { ["PasswordHash"] = hash }, e.ETag, TableUpdateMode.Merge, ct);
            return true;
        }
        catch (RequestFailedException x) when (x.Status is 404 or 412)
        {
            return false;
        }
    }

    /// <summary>Sets a partner's profile, merging that column alone (a rotation meanwhile keeps its password); false when it does not exist.</summary>
    public async Task<bool> SetPartnerProfileAsync(string id, string profile, CancellationToken ct = default)
    {
        await account.EnsureCreatedAsync();
        try
        {
            await account.Table.UpdateEntityAsync(new TableEntity(PartnerPartition, id) { ["Profile"] = profile }, ETag.All, TableUpdateMode.Merge, ct);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return false;
        }
    }

    /// <summary>Removes a partner; false when there was none.</summary>
    public async Task<bool> DeletePartnerAsync(string id, CancellationToken ct = default)
    {
        // Read first: Azurite answers a delete of a missing entity with success.
        if (await PartnerAsync(id, ct) is null) return false;
        try
        {
            await account.Table.DeleteEntityAsync(PartnerPartition, id, ETag.All, ct);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return false;
        }
    }

    /// <summary>The partner with this id, or null.</summary>
    public async Task<StoredPartner?> PartnerAsync(string id, CancellationToken ct = default)
    {
        await account.EnsureCreatedAsync();
        return await account.RowAsync(PartnerPartition, id, ct: ct) is { } e ? ToPartner(e) : null;
    }

    /// <summary>Every partner, by id.</summary>
    public async Task<List<StoredPartner>> PartnersAsync(CancellationToken ct = default)
    {
        await account.EnsureCreatedAsync();
        var list = new List<StoredPartner>();
        await foreach (var e in account.Table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {PartnerPartition}"), cancellationToken: ct))
            list.Add(ToPartner(e));
        return list;
    }

    /// <summary>Replaces this instance's pull count row for a partner and day.</summary>
    public async Task SavePullsAsync(string instance, PartnerPulls pulls, CancellationToken ct = default)
    {
        await account.EnsureCreatedAsync();
        var entity = new TableEntity(PullsPartition, $"{pulls.PartnerId}|{pulls.Day:yyyy-MM-dd}|{instance}")
        {
            ["Count"] = pulls.Count,
            ["LastPull"] = pulls.LastPull,
        };
        await account.Table.UpsertEntityAsync(entity, TableUpdateMode.Replace, ct);
    }

    /// <summary>Pulls per partner and day since <paramref name="from"/>, summed over instances.</summary>
    public async Task<List<PartnerPulls>> PullsAsync(DateOnly from, CancellationToken ct = default)
    {
        await account.EnsureCreatedAsync();
        var sums = new Dictionary<(string, DateOnly), PartnerPulls>();
        await foreach (var e in account.Table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {PullsPartition}"), cancellationToken: ct))
        {
            if (e.RowKey.Split('|') is not [var id, var dayText, _]
                || !DateOnly.TryParseExact(dayText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) || day < from) continue;
            var count = e.GetInt64("Count") ?? 0;
            var last = e.GetDateTimeOffset("LastPull") ?? DateTimeOffset.UnixEpoch;
            sums[(id, day)] = sums.TryGetValue((id, day), out var s)
                ? s with { Count = s.Count + count, LastPull = s.LastPull > last ? s.LastPull : last }
                : new PartnerPulls(id, day, count, last);
        }
        return sums.Values.ToList();
    }

    private static TableEntity PartnerRow(StoredPartner p) => new(PartnerPartition, p.Id)
    {
        ["Name"] = p.Name,
        ["Feeds"] = string.Join('\n', p.Feeds),
        ["Limit"] = p.Limit,
        ["PasswordHash"] = p.PasswordHash,
        ["Version"] = p.Version,
        ["Created"] = p.Created,
        ["Profile"] = p.Profile,
    };

    private static StoredPartner ToPartner(TableEntity e) => new(e.RowKey, e.GetString("Name") ?? e.RowKey,
        (e.GetString("Feeds") ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries), e.GetInt32("Limit") ?? 0,
        e.GetString("PasswordHash") ?? "", e.GetString("Version") ?? "", e.GetDateTimeOffset("Created") ?? DateTimeOffset.UnixEpoch)
    {
        Profile = e.GetString("Profile") ?? StoredPartner.DefaultProfile,
    };
}
