using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Syndication.Feeds;
using Syndication.Storage;

namespace Syndication.Partners;

/// <summary>What checking a partner's credentials decided: the partner, or the status to answer (401 or 429, with Retry-After).</summary>
public sealed record PartnerCheck(StoredPartner? Partner, int Status, TimeSpan RetryAfter = default)
{
    public bool Passed => Partner is not null;
}

/// <summary>
/// HTTP Basic authentication of partners (RFC 7617; user name = partner id), cheap enough to sit in front of every
/// partner feed request. A PBKDF2 check costs a fraction of a second, so three bounded in-memory caches, per instance:
/// partner rows (re-read at most every <see cref="FeedOptions.VersionCheckSeconds"/>, and at once on the instance that
/// changed one), credentials already verified (keyed by a SHA-256 of "id:password", valid while the row keeps its
/// version, at most <see cref="PartnerOptions.VerifiedSeconds"/>), and failure counts per partner and per client
/// (<see cref="PartnerOptions.MaxFailures"/> within <see cref="PartnerOptions.LockoutSeconds"/>: 429 until the window
/// ends). An unknown partner is hashed against as a known one is, so its 401 looks and takes the same.
/// </summary>
public sealed class PartnerGate(ArticleStore store, IOptions<PartnerOptions> options, IOptions<FeedOptions> feeds, TimeProvider time) : IDisposable
{
    /// <summary>The hash an unknown partner's password is checked against, so a 401 costs the same whoever asks.</summary>
    private readonly Lazy<string> decoy = new(() => PartnerPassword.Hash(PartnerPassword.Generate(), Math.Max(1, options.Value.HashIterations)));
    private readonly MemoryCache partners = new(new MemoryCacheOptions { SizeLimit = 10_000 });
    private readonly MemoryCache verified = new(new MemoryCacheOptions { SizeLimit = 10_000 });
    private readonly MemoryCache failures = new(new MemoryCacheOptions { SizeLimit = 100_000 });

    /// <summary>The challenge a 401 carries.</summary>
    public const string Challenge = "Basic realm=\"partner feeds\", charset=\"UTF-8\"";

    /// <summary>Checks the Authorization header of a request for partner <paramref name="id"/> from <paramref name="client"/>.</summary>
    public async Task<PartnerCheck> CheckAsync(string id, string? authorization, string client, CancellationToken ct = default)
    {
        if (Locked("c|" + client) is { } clientWait) return new PartnerCheck(null, 429, clientWait);
        if (!TryBasic(authorization, out var user, out var password)) return new PartnerCheck(null, 401);
        var partner = user == id && PartnerId.IsValid(id) ? await PartnerAsync(id, ct) : null;
        var key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(user + ":" + password)));
        // Proven credentials pass even while others' failures lock the partner: guessing must not lock the partner out.
        if (partner is not null && verified.TryGetValue(key, out string? version) && version == partner.Version) return new PartnerCheck(partner, 200);
        if (Locked("p|" + id) is { } partnerWait) return new PartnerCheck(null, 429, partnerWait);
        var ok = PartnerPassword.Verify(password, partner?.PasswordHash ?? decoy.Value) && partner is not null;
        if (ok)
        {
            using var entry = verified.CreateEntry(key);
            entry.SetValue(partner!.Version).SetSize(1).SetAbsoluteExpiration(TimeSpan.FromSeconds(options.Value.VerifiedSeconds));
            return new PartnerCheck(partner, 200);
        }
        Fail("c|" + client);
        Fail("p|" + id);
        return new PartnerCheck(null, 401);
    }

    /// <summary>Forgets what this instance knows of a partner (after a rotation or deletion here: effective at once).</summary>
    public void Forget(string id) => partners.Remove(id);

    /// <summary>Whether the partner may read the feed: it has "all", or that feed's path.</summary>
    public static bool Allows(StoredPartner partner, FeedKey key) => partner.Feeds.Contains("all") || partner.Feeds.Contains(key.Path);

    private async Task<StoredPartner?> PartnerAsync(string id, CancellationToken ct)
    {
        if (partners.TryGetValue(id, out StoredPartner? known)) return known;
        var read = await store.PartnerAsync(id, ct);
        using var entry = partners.CreateEntry(id);
        entry.SetValue(read).SetSize(1).SetAbsoluteExpiration(TimeSpan.FromSeconds(Math.Max(0.05, feeds.Value.VersionCheckSeconds)));
        return read;
    }

    private sealed class Failures
    {
        public int Count;
        public DateTimeOffset Until;
    }

    private TimeSpan? Locked(string key)
    {
        if (!failures.TryGetValue(key, out Failures? f) || f!.Count < options.Value.MaxFailures) return null;
        var left = f.Until - time.GetUtcNow();
        return left > TimeSpan.Zero ? left : null;
    }

    private void Fail(string key)
    {
        var window = TimeSpan.FromSeconds(options.Value.LockoutSeconds);
        var f = failures.GetOrCreate(key, e =>
        {
            e.SetSize(1).SetAbsoluteExpiration(window);
            return new Failures { Until = time.GetUtcNow() + window };
        })!;
        if (Interlocked.Increment(ref f.Count) != options.Value.MaxFailures) return;
        // The limit reached: locked for a whole window from now, and kept that long.
        f.Until = time.GetUtcNow() + window;
        failures.Set(key, f, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpiration = f.Until });
    }

    // RFC 7617: "Basic " then base64 of "user-id:password" (UTF-8); the user id has no colon.
    private static bool TryBasic(string? header, out string user, out string password)
    {
        user = password = "";
        if (header is null || !header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase) || header.Length > 1024) return false;
        var bytes = new byte[header.Length];
        if (!Convert.TryFromBase64String(header[6..].Trim(), bytes, out var written)) return false;
        string text;
        try
        {
            text = new UTF8Encoding(false, true).GetString(bytes, 0, written);
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
        var colon = text.IndexOf(':');
        if (colon <= 0) return false;
        (user, password) = (text[..colon], text[(colon + 1)..]);
        return true;
    }

    public void Dispose()
    {
        partners.Dispose();
        verified.Dispose();
        failures.Dispose();
    }
}
