using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Syndication.Partners;
using Syndication.Security;
using Syndication.Storage;
using Syndication.Tests.Support;

namespace Syndication.Tests.Partners;

/// <summary>The token codec alone, nothing running: what a token says, when it expires, and the forgeries it refuses.</summary>
public sealed class PartnerTokensTests
{
    private static readonly StoredPartner Acme = new("acme", "Acme", ["all"], 0, "", "version-1", DateTimeOffset.UnixEpoch);
    private static readonly byte[] Raw = RandomNumberGenerator.GetBytes(32);
    private static readonly ServerKey Key = new(Raw);

    private static PartnerTokens Tokens(TimeProvider time, ServerKey? key = null, int seconds = 600) =>
        new(key ?? Key, Options.Create(new PartnerOptions { TokenSeconds = seconds }), time);

    // A token as the handler would make it, with any header, claims or key a forger might choose.
    private static string Make(ManualClock clock, byte[] key, string type = "at+jwt",
        string issuer = PartnerTokens.Issuer, string audience = PartnerTokens.Audience, string sub = "acme", string version = "version-1") =>
        new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            TokenType = type,
            Subject = new ClaimsIdentity([new Claim("sub", sub), new Claim(PartnerTokens.VersionClaim, version)]),
            IssuedAt = clock.GetUtcNow().UtcDateTime,
            Expires = clock.GetUtcNow().UtcDateTime.AddMinutes(10),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(key), SecurityAlgorithms.HmacSha256),
        });

    private static string Base64Url(string json) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(json));

    // Header and payload signed by hand with HMAC-SHA512 (the library will not make HS512 with a 256-bit key).
    private static string Signed(string headerAndPayload, byte[] key) =>
        headerAndPayload + "." + Base64UrlEncoder.Encode(HMACSHA512.HashData(key, Encoding.ASCII.GetBytes(headerAndPayload)));

    [Fact]
    public async Task AnIssuedTokenIsAnHs256AccessJwtWithIssuerAudienceSubjectVersionAndTenMinutes()
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 12, 4, 12, 0, 0, TimeSpan.Zero));
        using var tokens = Tokens(clock);
        var text = tokens.Issue(Acme);
        var jwt = new JsonWebToken(text);
        Assert.Equal("HS256", jwt.Alg);
        Assert.Equal("at+jwt", jwt.Typ);
        Assert.Equal(PartnerTokens.Issuer, jwt.Issuer);
        Assert.Equal(PartnerTokens.Audience, Assert.Single(jwt.Audiences));
        Assert.Equal("acme", jwt.Subject);
        Assert.Equal("version-1", jwt.GetPayloadValue<string>(PartnerTokens.VersionClaim));
        Assert.Equal(clock.GetUtcNow().UtcDateTime, jwt.IssuedAt);
        Assert.Equal(clock.GetUtcNow().UtcDateTime.AddMinutes(10), jwt.ValidTo);
        var (verdict, token) = await tokens.ReadAsync(text);
        Assert.Equal(TokenVerdict.Valid, verdict);
        Assert.Equal(new PartnerToken("acme", "version-1", clock.GetUtcNow().AddMinutes(10)), token);
    }

    [Fact]
    public async Task ATokenIsValidUntilItsExpiryByTheHandDrivenClockAndExpiredFromThatSecond()
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 12, 4, 12, 0, 0, TimeSpan.Zero));
        using var tokens = Tokens(clock, seconds: 120);
        var text = tokens.Issue(Acme);
        clock.Advance(TimeSpan.FromSeconds(119));
        Assert.Equal(TokenVerdict.Valid, (await tokens.ReadAsync(text)).Verdict);
        clock.Advance(TimeSpan.FromSeconds(1));
        var expired = await tokens.ReadAsync(text);
        Assert.Equal(TokenVerdict.Expired, expired.Verdict);
        Assert.Null(expired.Token);
        // Read for the first time only after its expiry (no cached verdict): still expired, not valid.
        using var other = Tokens(clock, seconds: 120);
        Assert.Equal(TokenVerdict.Expired, (await other.ReadAsync(text)).Verdict);
    }

    [Fact]
    public async Task ForgedTokensAreInvalidAndTextThatIsNoJwtIsMalformed()
    {
        var clock = new ManualClock();
        using var tokens = Tokens(clock);
        var genuine = tokens.Issue(Acme);
        var ours = Key.For(PartnerTokens.Purpose);
        var parts = genuine.Split('.');
        var flipped = parts[2][..^2] + (parts[2][^2] == 'A' ? 'B' : 'A') + parts[2][^1];
        var payload = Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(parts[1]));
        var forgeries = new Dictionary<string, string>
        {
            ["a changed signature"] = $"{parts[0]}.{parts[1]}.{flipped}",
            ["another partner in the payload, the signature kept"] = $"{parts[0]}.{Base64Url(payload.Replace("\"acme\"", "\"beta\""))}.{parts[2]}",
            ["alg none, no signature"] = $"{Base64Url("""{"alg":"none","typ":"at+jwt"}""")}.{parts[1]}.",
            ["alg none, the genuine signature"] = $"{Base64Url("""{"alg":"none","typ":"at+jwt"}""")}.{parts[1]}.{parts[2]}",
            ["another key"] = Make(clock, RandomNumberGenerator.GetBytes(32)),
            ["the server key itself, not its token key"] = Make(clock, Raw),
            ["the partner-credentials key"] = Make(clock, Key.For(PartnerPassword.Purpose)),
            ["HS512 under our key"] = Signed($"{Base64Url("""{"alg":"HS512","typ":"at+jwt"}""")}.{parts[1]}", ours),
            ["typ JWT, not an access token"] = Make(clock, ours, type: "JWT"),
            ["another issuer"] = Make(clock, ours, issuer: "someone-else"),
            ["another audience"] = Make(clock, ours, audience: "syndication/manage"),
            ["a sub that is no partner id"] = Make(clock, ours, sub: "../acme"),
        };
        foreach (var (what, forged) in forgeries)
            Assert.True((await tokens.ReadAsync(forged)).Verdict == TokenVerdict.Invalid, what);
        Assert.Equal(TokenVerdict.Valid, (await tokens.ReadAsync(Make(clock, ours))).Verdict); // the control: our key, our claims
        foreach (var malformed in new[] { "", "x", "a.b", "a.b.c.d", new string('a', 3000) + ".b.c" })
            Assert.Equal(TokenVerdict.Malformed, (await tokens.ReadAsync(malformed)).Verdict);
    }

    [Fact]
    public async Task ATokenSignedUnderThePreviousServerKeyStillReadsDuringARotationAndNotAfter()
    {
        var clock = new ManualClock();
        var old = RandomNumberGenerator.GetBytes(32);
        using var before = Tokens(clock, new ServerKey(old));
        var text = before.Issue(Acme);
        using var during = Tokens(clock, new ServerKey(RandomNumberGenerator.GetBytes(32), previous: old));
        Assert.Equal(TokenVerdict.Valid, (await during.ReadAsync(text)).Verdict);
        Assert.Equal(TokenVerdict.Valid, (await during.ReadAsync(during.Issue(Acme))).Verdict);
        using var after = Tokens(clock, new ServerKey(RandomNumberGenerator.GetBytes(32)));
        Assert.Equal(TokenVerdict.Invalid, (await after.ReadAsync(text)).Verdict);
    }

    [Fact]
    public async Task AValidTokenIsVerifiedOnceAndAForgedOneEveryTime()
    {
        using var tokens = Tokens(new ManualClock());
        var text = tokens.Issue(Acme);
        for (var i = 0; i < 3; i++) Assert.Equal(TokenVerdict.Valid, (await tokens.ReadAsync(text)).Verdict);
        Assert.Equal(1, tokens.Verifications);
        var forged = text[..^3] + (text[^3] == 'A' ? "BAA" : "AAA");
        for (var i = 0; i < 3; i++) Assert.Equal(TokenVerdict.Invalid, (await tokens.ReadAsync(forged)).Verdict);
        Assert.Equal(4, tokens.Verifications);
    }
}
