using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Syndication.Partners;

/// <summary>
/// Generated partner passwords and their hashes: 192 random bits, URL-safe base64; stored as PBKDF2-HMAC-SHA256 with a
/// 128-bit salt in the text "pbkdf2-sha256${iterations}${salt}${hash}"; compared in constant time.
/// </summary>
public static class PartnerPassword
{
    /// <summary>OWASP's figure for PBKDF2-HMAC-SHA256.</summary>
    public const int MinIterations = 600_000;
    private const string Scheme = "pbkdf2-sha256";

    /// <summary>A new password: 24 random bytes, URL-safe base64 (32 characters, no padding).</summary>
    public static string Generate() => Base64Url(RandomNumberGenerator.GetBytes(24));

    /// <summary>The text to store for a password.</summary>
    public static string Hash(string password, int iterations)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        var hash = Derive(password, salt, iterations);
        return string.Create(CultureInfo.InvariantCulture, $"{Scheme}${iterations}${Base64Url(salt)}${Base64Url(hash)}");
    }

    /// <summary>Whether the password matches the stored text (a malformed text matches nothing, after as much work).</summary>
    public static bool Verify(string password, string stored)
    {
        var parts = stored.Split('$');
        if (parts is not [Scheme, var count, var saltText, var hashText]
            || !int.TryParse(count, NumberStyles.None, CultureInfo.InvariantCulture, out var iterations) || iterations < 1
            || !TryBase64Url(saltText, out var salt) || !TryBase64Url(hashText, out var expected))
        {
            Derive(password, new byte[16], MinIterations);
            return false;
        }
        return CryptographicOperations.FixedTimeEquals(Derive(password, salt, iterations), expected);
    }

    private static byte[] Derive(string password, byte[] salt, int iterations) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, 32);

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static bool TryBase64Url(string text, out byte[] bytes)
    {
        var b64 = text.Replace('-', '+').Replace('_', '/');
        b64 += new string('=', (4 - b64.Length % 4) % 4);
        bytes = new byte[b64.Length];
        if (!Convert.TryFromBase64String(b64, bytes, out var written)) return false;
        bytes = bytes[..written];
        return true;
    }
}
