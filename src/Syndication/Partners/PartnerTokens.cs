using System.Security.Claims;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Syndication.Security;
using Syndication.Storage;

namespace Syndication.Partners;

/// <summary>
/// What reading an access token decided: ours and current; ours but past its expiry; shaped like a JWT but not ours
/// (a forgery, another key, "alg":"none", another issuer or audience); or not even shaped like one.
/// </summary>
public enum TokenVerdict { Valid, Expired, Invalid, Malformed }

/// <summary>The claims of a valid partner token: whose (sub), the partner row's Version it was issued against (ver), and its expiry.</summary>
public sealed record PartnerToken(string PartnerId, string Version, DateTimeOffset Expires);

/// <summary>
/// Partner access tokens (OAuth 2.0 client credentials, RFC 6749 §4.4): JWTs (RFC 9068 type "at+jwt") signed with
/// HS256 under the server key's "partner-tokens" key (<see cref="ServerKey"/>; the previous server key still verifies
/// during a rotation), with issuer, audience, sub = the partner id, iat, exp and "ver" = the partner row's Version, so
/// a rotation or deletion of the partner revokes them (the gate compares "ver" with the row it holds). Reading a token
/// checks its signature once: valid tokens are kept by their text until they expire (a bounded cache that only
/// tokens we issued can enter), so a Bearer request after the first costs a dictionary lookup, not a signature check.
/// </summary>
public sealed class PartnerTokens : IDisposable
{
    /// <summary>The server key's purpose for signing partner tokens.</summary>
    public const string Purpose = "partner-tokens";
    public const string Issuer = "syndication";
    public const string Audience = "syndication/partner-feeds";
    /// <summary>The claim holding the partner row's Version the token was issued against.</summary>
    public const string VersionClaim = "ver";
    private const string Type = "at+jwt";
    /// <summary>The longest token read; ours are about 330 characters.</summary>
    public const int MaxLength = 2048;

    private readonly JsonWebTokenHandler handler = new() { MaximumTokenSizeInBytes = MaxLength, SetDefaultTimesOnTokenCreation = false };
    private readonly SigningCredentials signing;
    private readonly TokenValidationParameters validation;
    private readonly IOptions<PartnerOptions> options;
    private readonly TimeProvider time;
    /// <summary>How many verified tokens are kept at most; past it the least recently read go first (a few hundred at a time).</summary>
    internal const int CacheCapacity = 10_000;

    private readonly MemoryCache valid = new(new MemoryCacheOptions { SizeLimit = CacheCapacity });
    private long verifications;

    /// <summary>Signature checks so far (a token read from the cache needs none): the tests' measure of a read's cost.</summary>
    internal long Verifications => Interlocked.Read(ref verifications);

    /// <summary>How many verified tokens are kept now (at most <see cref="CacheCapacity"/>).</summary>
    internal int Cached => valid.Count;

    public PartnerTokens(ServerKey serverKey, IOptions<PartnerOptions> options, TimeProvider time)
    {
        this.options = options;
        this.time = time;
        signing = new SigningCredentials(new SymmetricSecurityKey(serverKey.For(Purpose)), SecurityAlgorithms.HmacSha256);
        validation = new TokenValidationParameters
        {
            ValidIssuer = Issuer,
            ValidAudience = Audience,
            ValidTypes = [Type],
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            IssuerSigningKeys = serverKey.Verifying(Purpose).Select(k => new SymmetricSecurityKey(k)).ToArray(),
            RequireSignedTokens = true,
            // The expiry is checked below against our TimeProvider (a test moves it by hand), to the second, no skew.
            ValidateLifetime = false,
        };
    }

    /// <summary>How long a token lasts (<see cref="PartnerOptions.TokenSeconds"/>).</summary>
    public TimeSpan Lifetime => TimeSpan.FromSeconds(options.Value.TokenSeconds);

    /// <summary>A new token for the partner, valid for <see cref="Lifetime"/> from now.</summary>
    public string Issue(StoredPartner partner)
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(time.GetUtcNow().ToUnixTimeSeconds()).UtcDateTime;
        return handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            TokenType = Type,
            Subject = new ClaimsIdentity([new Claim(JwtRegisteredClaimNames.Sub, partner.Id), new Claim(VersionClaim, partner.Version)]),
            IssuedAt = now,
            Expires = now + Lifetime,
            SigningCredentials = signing,
        });
    }

    /// <summary>Reads a token: its claims when we signed it and it has not expired; else why not (<see cref="TokenVerdict"/>).</summary>
    public async ValueTask<(TokenVerdict Verdict, PartnerToken? Token)> ReadAsync(string token)
    {
        if (token.Length > MaxLength) return (TokenVerdict.Malformed, null);
        if (!valid.TryGetValue(token, out PartnerToken? known))
        {
            if (token.AsSpan().Count('.') != 2) return (TokenVerdict.Malformed, null);
            Interlocked.Increment(ref verifications);
            var result = await handler.ValidateTokenAsync(token, validation);
            if (!result.IsValid || result.SecurityToken is not JsonWebToken jwt || !jwt.TryGetPayloadValue(JwtRegisteredClaimNames.Exp, out long _)
                || !jwt.TryGetPayloadValue(JwtRegisteredClaimNames.Sub, out string id) || !PartnerId.IsValid(id)
                || !jwt.TryGetPayloadValue(VersionClaim, out string version)) return (TokenVerdict.Invalid, null);
            known = new PartnerToken(id, version, new DateTimeOffset(jwt.ValidTo, TimeSpan.Zero));
            // Kept for the token's remaining life (by our clock), never longer; an expired one is not kept at all.
            if (known.Expires - time.GetUtcNow() is { Ticks: > 0 } left)
                valid.Set(token, known, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = left });
        }
        return time.GetUtcNow() < known!.Expires ? (TokenVerdict.Valid, known) : (TokenVerdict.Expired, null);
    }

    public void Dispose() => valid.Dispose();
}
