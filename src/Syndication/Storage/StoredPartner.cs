namespace Syndication.Storage;

/// <summary>
/// A partner as stored: its id (also its user name), display name, the feeds it may read ("all", or feed paths such as
/// "category/politics"), its item limit, what its password is checked against ("hmac-sha256$…" under the server key, or a legacy
/// "pbkdf2-sha256$…"; never the password) and the version that every rotation of the row replaces.
/// </summary>
public sealed record StoredPartner(string Id, string Name, IReadOnlyList<string> Feeds, int Limit, string PasswordHash,
    string Version, DateTimeOffset Created)
{
    /// <summary>The partner profile its RSS is shaped by ("standard", "msn", …); a row from before profiles has none: standard.</summary>
    public string Profile { get; init; } = "standard";
}

/// <summary>How often one partner pulled on one day (UTC), summed over instances, and its latest pull that day.</summary>
public sealed record PartnerPulls(string PartnerId, DateOnly Day, long Count, DateTimeOffset LastPull);
