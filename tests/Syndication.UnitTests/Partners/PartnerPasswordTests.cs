using System.Security.Cryptography;
using System.Text;
using Syndication.Partners;

namespace Syndication.Tests.Partners;

/// <summary>Partner credentials alone: generated passwords, the keyed form stored for them, and the legacy PBKDF2 rows.</summary>
public sealed class PartnerPasswordTests
{
    private static readonly byte[] Current = RandomNumberGenerator.GetBytes(32);
    private static readonly byte[] Previous = RandomNumberGenerator.GetBytes(32);

    [Fact]
    public void AGeneratedPasswordIs32UrlSafeCharactersAndNeverRepeats()
    {
        var passwords = Enumerable.Range(0, 100).Select(_ => PartnerPassword.Generate()).ToList();
        Assert.All(passwords, p => Assert.Matches(@"\A[A-Za-z0-9_-]{32}\z", p));
        Assert.Equal(passwords.Count, passwords.Distinct().Count());
    }

    [Fact]
    public void TheStoredTextIsKeyedAndReadsBackUnderTheKeyThatSignedIt()
    {
        var password = PartnerPassword.Generate();
        var stored = PartnerPassword.Sign("acme", password, Current);

        Assert.True(PartnerPassword.IsKeyed(stored));
        Assert.StartsWith("hmac-sha256$", stored);
        Assert.DoesNotContain(password, stored);
        Assert.Equal(0, PartnerPassword.VerifyKeyed("acme", password, stored, [Current, Previous]));
        Assert.Equal(1, PartnerPassword.VerifyKeyed("acme", password, PartnerPassword.Sign("acme", password, Previous), [Current, Previous]));
        Assert.Equal(-1, PartnerPassword.VerifyKeyed("acme", password, stored, [Previous]));
    }

    [Fact]
    public void AWrongPasswordOrAnotherPartnersIdDoesNotVerify()
    {
        var password = PartnerPassword.Generate();
        var stored = PartnerPassword.Sign("acme", password, Current);

        Assert.Equal(-1, PartnerPassword.VerifyKeyed("acme", PartnerPassword.Generate(), stored, [Current]));
        Assert.Equal(-1, PartnerPassword.VerifyKeyed("acme", password.ToUpperInvariant(), stored, [Current]));
        Assert.Equal(-1, PartnerPassword.VerifyKeyed("globex", password, stored, [Current])); // a row's text copied onto another row
        Assert.Equal(-1, PartnerPassword.VerifyKeyed("acme:" + password[..4], password[4..], stored, [Current]));
    }

    [Theory]
    [InlineData("")]
    [InlineData("hmac-sha256$")]
    [InlineData("hmac-sha256$!!!not-base64!!!")]
    [InlineData("hmac-sha256$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("HMAC-SHA256$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("pbkdf2-sha256$1000$c2FsdA$aGFzaA")]
    public void AMalformedOrForeignStoredTextVerifiesNothing(string stored) =>
        Assert.Equal(-1, PartnerPassword.VerifyKeyed("acme", "guess", stored, [Current, Previous]));

    [Fact]
    public void ALegacyPbkdf2RowStillVerifiesItsPasswordOnly()
    {
        var stored = Legacy("old-password", iterations: 1000);

        Assert.False(PartnerPassword.IsKeyed(stored));
        Assert.True(PartnerPassword.VerifyLegacy("old-password", stored));
        Assert.False(PartnerPassword.VerifyLegacy("old-passworD", stored));
        Assert.False(PartnerPassword.VerifyLegacy("", stored));
    }

    [Theory]
    [InlineData("pbkdf2-sha256$0$c2FsdA$aGFzaA")]
    [InlineData("pbkdf2-sha256$-5$c2FsdA$aGFzaA")]
    [InlineData("pbkdf2-sha256$many$c2FsdA$aGFzaA")]
    [InlineData("pbkdf2-sha256$1000$c2FsdA")]
    [InlineData("pbkdf2-sha256$1000$c2FsdA$aGFzaA$extra")]
    [InlineData("pbkdf2-sha256$1000$!!$aGFzaA")]
    [InlineData("pbkdf2-sha512$1000$c2FsdA$aGFzaA")]
    [InlineData("")]
    public void AMalformedLegacyRowMatchesNothing(string stored) => Assert.False(PartnerPassword.VerifyLegacy("old-password", stored));

    // A row as the gate stored it before keyed hashes: "pbkdf2-sha256$iterations$salt$hash", URL-safe base64.
    private static string Legacy(string password, int iterations)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        var hash = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, 32);
        return $"pbkdf2-sha256${iterations}${Base64Url(salt)}${Base64Url(hash)}";
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
