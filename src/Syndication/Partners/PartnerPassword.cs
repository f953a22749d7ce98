using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Syndication.Partners;

/// <summary>
/// Generated partner passwords (192 random bits, URL-safe base64) and what is stored for them. A generated secret needs
/// no password hash: "hmac-sha256$&lt;base64url&gt;" is HMAC-SHA256 of "id:password" under the server's partner-credentials
/// key (<see cref="Security.ServerKey"/>), a microsecond to check, useless without the key. Rows from before,
/// "pbkdf2-sha256$iterations$salt$hash", still verify (and are re-stored in the keyed form by the gate). Compared in
/// constant time.
/// </summary>
public static class PartnerPassword
{
    /// <summary>The server key's purpose for partner credentials.</summary>
    public const string Purpose = "partner-credentials";
    private const string Keyed = "hmac-sha256$";
    private const string Legacy = "pbkdf2-sha256";

    /// <summary>A new password: 24 random bytes, URL-safe base64 (32 characters, no padding).</summary>
    public static string Generate() => Base64Url(RandomNumberGenerator.GetBytes(24));

    /// <summary>The text to store for a partner's password, signed with <paramref name="key"/> (the current key).</summary>
    public static string Sign(string id, string password, byte[] key) => Keyed + Base64Url(Mac(key, id, password));

    /// <summary>Whether the stored text is in the keyed form (else a legacy PBKDF2 hash, or malformed).</summary>
    public static bool IsKeyed(string stored) => stored.StartsWith(Keyed, StringComparison.Ordinal);

    /// <summary>
    /// The index of the key in <paramref name="keys"/> (current first, then previous) that signed the stored text for
    /// these credentials, or -1. Every key is tried whatever the answer, so a miss costs what a match costs.
    /// </summary>
    public static int VerifyKeyed(string id, string password, string stored, IReadOnlyList<byte[]> keys)
    {
        var expected = IsKeyed(stored) && TryBase64Url(stored[Keyed.Length..], out var bytes) ? bytes : new byte[32];
        var match = -1;
        for (var i = keys.Count - 1; i >= 0; i--)
            if (CryptographicOperations.FixedTimeEquals(Mac(keys[i], id, password), expected)) match = i;
        return match;
    }

    /// <summary>Whether the password matches a legacy PBKDF2 text (a malformed text matches nothing).</summary>
    public static bool VerifyLegacy(string password, string stored)
    {
        var parts = stored.Split('$');
        if (parts is not [Legacy, var count, var saltText, var hashText]
            || !int.TryParse(count, NumberStyles.None, CultureInfo.InvariantCulture, out var iterations) || iterations < 1
            || !TryBase64Url(saltText, out var salt) || !TryBase64Url(hashText, out var expected)) return false;
        return CryptographicOperations.FixedTimeEquals(Derive(password, salt, iterations), expected);
    }

    // "id:password": the id has no colon, and a stored text copied onto another partner's row proves nothing there.
    private static byte[] Mac(byte[] key, string id, string password) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(id + ":" + password));

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
