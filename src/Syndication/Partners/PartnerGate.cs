using System.Net;
using System.Net.Sockets;
using Azure;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Syndication.Feeds;
using Syndication.Security;
using Syndication.Storage;
using Syndication.Articles;

namespace Syndication.Partners;

/// <summary>
/// What checking a partner's credentials decided: the partner, or the status to answer (401 or 429, with Retry-After);
/// <paramref name="Bearer"/> when the request carried an access token (a 401 then says invalid_token, RFC 6750 §3).
/// </summary>
public sealed record PartnerCheck(StoredPartner? Partner, int Status, TimeSpan RetryAfter = default, bool Bearer = false)
{
    public bool Passed => Partner is not null;
}

/// <summary>
/// HTTP Basic authentication of partners (RFC 7617; user name = partner id) in front of every partner feed request, and
/// of the token route (partners/token), whose Bearer tokens the gate also checks (<see cref="PartnerGate.CheckTokenAsync"/>). A
/// check is one HMAC per server key (<see cref="PartnerPassword"/>), so it costs about what a feed read costs; an
/// unknown partner is checked against a decoy the same way and answered the same 401. Right credentials pass before
/// any limit is consulted; failures are counted per client only (an IPv6 client as its /64; <see cref="PartnerOptions.MaxFailures"/> within
/// <see cref="PartnerOptions.LockoutSeconds"/>, then 429 until the window ends), so nobody can lock a partner out.
/// A legacy PBKDF2 row is verified once (after the client's limit) and re-stored in the keyed form, as is a row signed
/// by the previous server key. Per instance, in memory: every partner row (the list re-read at most every
/// <see cref="FeedOptions.VersionCheckSeconds"/>, and at once on the instance that changed one, so an unknown id costs no
/// storage read) and failure counts per client (a MemoryCache with a size limit).
/// </summary>
public sealed partial class PartnerGate(PartnerStore store, ServerKey serverKey, PartnerTokens tokens, IOptions<PartnerOptions> options,
    IOptions<FeedOptions> feeds, TimeProvider time, ILogger<PartnerGate> logger) : IDisposable
{
    private readonly byte[] signing = serverKey.For(PartnerPassword.Purpose);
    private readonly IReadOnlyList<byte[]> verifying = serverKey.Verifying(PartnerPassword.Purpose);
    /// <summary>What an unknown partner's password is checked against, so a 401 costs the same whoever asks.</summary>
    private readonly string decoy = PartnerPassword.Sign("", PartnerPassword.Generate(), serverKey.For(PartnerPassword.Purpose));

    /// <summary>What to store for a partner's new password: its keyed form under the current server key.</summary>
    public string Sign(string id, string password) => PartnerPassword.Sign(id, password, signing);
    private readonly SemaphoreSlim reading = new(1, 1);
    private volatile Snapshot? snapshot;
    private readonly MemoryCache failures = new(new MemoryCacheOptions { SizeLimit = 100_000 });
    private long hmacs;
    private long pbkdf2s;
    private long reads;

    /// <summary>Every partner row as read at one time: an unknown id is a dictionary miss, never a storage read.</summary>
    private sealed record Snapshot(Dictionary<string, StoredPartner> Partners, DateTimeOffset ReadAt);

    /// <summary>The challenge a 401 carries.</summary>
    public const string Challenge = "Basic realm=\"partner feeds\", charset=\"UTF-8\"";

    /// <summary>HMACs computed so far (one per verifying key and check): the tests' measure of a check's cost.</summary>
    internal long Hmacs => Interlocked.Read(ref hmacs);
    /// <summary>Legacy PBKDF2 hashes verified so far.</summary>
    internal long Pbkdf2s => Interlocked.Read(ref pbkdf2s);
    /// <summary>Reads of the partner list so far.</summary>
    internal long Reads => Interlocked.Read(ref reads);

    /// <summary>Checks the Authorization header (Basic or Bearer) of a request for partner <paramref name="id"/> from <paramref name="client"/>.</summary>
    public async Task<PartnerCheck> CheckAsync(string id, string? authorization, string client, CancellationToken ct = default)
    {
        client = Bucket(client);
        if (BearerToken(authorization) is { } token) return await CheckTokenAsync(id, token, client, ct);
        if (!TryBasic(authorization, out var user, out var password)) return Refused(client);
        return await VerifyAsync(user == id ? id : null, user, password, client, ct);
    }

    /// <summary>
    /// Checks a partner's id and password as the token route receives them (Basic, or form fields): the same cost, the
    /// same decoy for an unknown id and the same failure count per client as a feed request with Basic.
    /// </summary>
    public Task<PartnerCheck> CheckSecretAsync(string user, string password, string client, CancellationToken ct = default) =>
        VerifyAsync(user, user, password, Bucket(client), ct);

    /// <summary>What a request with no credentials gets: 401, or 429 while the client is over its limit.</summary>
    public PartnerCheck Refused(string client) => Locked(Bucket(client)) is { } wait ? new PartnerCheck(null, 429, wait) : new PartnerCheck(null, 401);

    // The password checked against partner id's row (a decoy when id is null or unknown); a wrong one counts against the client.
    private async Task<PartnerCheck> VerifyAsync(string? id, string user, string password, string client, CancellationToken ct)
    {
        var partner = id is not null && PartnerId.IsValid(id) ? await PartnerAsync(id, ct) : null;
        var stored = partner?.PasswordHash ?? decoy;
        if (PartnerPassword.IsKeyed(stored))
        {
            Interlocked.Add(ref hmacs, verifying.Count);
            var key = PartnerPassword.VerifyKeyed(user, password, stored, verifying);
            if (key >= 0 && partner is not null)
            {
                if (key > 0) await RestoreAsync(partner, password, ct); // signed by the previous server key
                return new PartnerCheck(partner, 200);
            }
        }
        else if (Locked(client) is null)
        {
            // A legacy row: PBKDF2 is costly, so only within the client's limit, and once: a success re-stores it keyed.
            Interlocked.Increment(ref pbkdf2s);
            if (PartnerPassword.VerifyLegacy(password, stored))
            {
                await RestoreAsync(partner!, password, ct);
                return new PartnerCheck(partner, 200);
            }
        }
        if (Locked(client) is { } clientWait) return new PartnerCheck(null, 429, clientWait);
        Fail(client);
        return new PartnerCheck(null, 401);
    }

    /// <summary>Forgets the partner list this instance holds (after a creation, rotation or deletion here: effective at once).</summary>
    public void Forget() => snapshot = null;

    /// <summary>Whether the partner may read the feed: it has "all", or that feed's path.</summary>
    public static bool Allows(StoredPartner partner, FeedKey key) => partner.Feeds.Contains("all") || partner.Feeds.Contains(key.Path);

    // The partner list, read again at most every VersionCheckSeconds (one query for all partners, by one caller at a
    // time). Partners are an administrator's list, so holding all of them is bounded by the table, not by the guessers.
    private async Task<StoredPartner?> PartnerAsync(string id, CancellationToken ct)
    {
        if (snapshot is not { } known || Stale(known))
        {
            await reading.WaitAsync(ct);
            try
            {
                if (snapshot is not { } again || Stale(again))
                {
                    Interlocked.Increment(ref reads);
                    snapshot = again = new Snapshot((await store.PartnersAsync(ct)).ToDictionary(p => p.Id, StringComparer.Ordinal), time.GetUtcNow());
                }
                known = again;
            }
            finally
            {
                reading.Release();
            }
        }
        return known.Partners.GetValueOrDefault(id);
    }

    private bool Stale(Snapshot known) => time.GetUtcNow() - known.ReadAt >= TimeSpan.FromSeconds(Math.Max(0.05, feeds.Value.VersionCheckSeconds));

    // The same password, stored in the keyed form under the current key, unless the row changed meanwhile (a rotation wins).
    // A failure here costs only the next check's PBKDF2 again: the credentials were right, so they pass anyway.
    private async Task RestoreAsync(StoredPartner partner, string password, CancellationToken ct)
    {
        var hash = Sign(partner.Id, password);
        try
        {
            await store.ReplacePartnerHashAsync(partner, hash, ct);
            Forget();
        }
        catch (RequestFailedException e)
        {
            LogRestoreFailed(e, partner.Id);
        }
    }

    // An IPv6 client counts as its /64: one host holds a whole /64 (RFC 7421), and would otherwise change address per guess.
    private static string Bucket(string client)
    {
        if (!IPAddress.TryParse(client, out var ip) || ip.AddressFamily != AddressFamily.InterNetworkV6 || ip.IsIPv4MappedToIPv6) return client;
        var bytes = ip.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    private sealed class Failures
    {
        public int Count;
        public DateTimeOffset Until;
    }

    private TimeSpan? Locked(string client)
    {
        if (!failures.TryGetValue(client, out Failures? f) || f!.Count < options.Value.MaxFailures) return null;
        var left = f.Until - time.GetUtcNow();
        return left > TimeSpan.Zero ? left : null;
    }

    private void Fail(string client)
    {
        var window = TimeSpan.FromSeconds(options.Value.LockoutSeconds);
        var f = failures.GetOrCreate(client, e =>
        {
            e.SetSize(1).SetAbsoluteExpiration(window);
            return new Failures { Until = time.GetUtcNow() + window };
        })!;
        if (Interlocked.Increment(ref f.Count) != options.Value.MaxFailures) return;
        // The limit reached: locked for a whole window from now, and kept that long.
        f.Until = time.GetUtcNow() + window;
        failures.Set(client, f, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpiration = f.Until });
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Re-storing partner {PartnerId}'s password hash in the keyed form failed; the next check tries again")]
    private partial void LogRestoreFailed(Exception e, string partnerId);

    public void Dispose()
    {
        reading.Dispose();
        failures.Dispose();
    }
}
