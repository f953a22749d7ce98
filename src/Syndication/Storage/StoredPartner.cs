namespace Syndication.Storage;

/// <summary>
/// A partner as stored: its id (also its user name), display name, the feeds it may read ("all", or feed paths such as
/// "category/politics"), its item limit, what its password is checked against ("hmac-sha256$…" under the server key, or a legacy
/// "pbkdf2-sha256$…"; never the password) and the version that every rotation of the row replaces.
/// </summary>
public sealed record StoredPartner(string Id, string Name, IReadOnlyList<string> Feeds, int Limit, string PasswordHash,
    string Version, DateTimeOffset Created)
{
    /// <summary>The profile of a partner that names none (a row from before profiles): the public feeds' RSS. Feeds' profile table names its row with this.</summary>
    public const string DefaultProfile = "standard";

    /// <summary>The partner profile its RSS is shaped by (<see cref="DefaultProfile"/>, "msn", …).</summary>
    public string Profile { get; init; } = DefaultProfile;
}

/// <summary>How often one partner pulled on one day (UTC), summed over instances, and its latest pull that day.</summary>
public sealed record PartnerPulls(string PartnerId, DateOnly Day, long Count, DateTimeOffset LastPull);
