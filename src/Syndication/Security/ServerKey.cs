using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;
using Syndication.Storage;

namespace Syndication.Security;

/// <summary>
/// The server's secret (setting <c>Syndication__ServerKey</c>: base64 of at least 32 random bytes; in Azure a Key Vault
/// reference the Bicep sets), from which each use derives its own key with HKDF-SHA256 (partner credentials, cursors),
/// so no two purposes share a key. <c>Syndication__PreviousServerKey</c> still verifies during a rotation. On the
/// development storage (Azurite) an unset key falls back to a well-known development key, as Azurite's account key is
/// well known; anywhere else an unset or short key stops the app at start with a message naming the setting.
/// </summary>
public sealed class ServerKey
{
    public const string Setting = "Syndication:ServerKey";
    public const string PreviousSetting = "Syndication:PreviousServerKey";

    /// <summary>The key local development uses when none is set: public, like Azurite's account key, so never used in Azure.</summary>
    internal static readonly byte[] Development = SHA256.HashData("syndication development key; not a secret"u8);

    private readonly byte[] current;
    private readonly byte[]? previous;

    public ServerKey(byte[] current, byte[]? previous = null)
    {
        if (current.Length < 32) throw new ArgumentException("a server key has at least 32 bytes", nameof(current));
        this.current = current;
        this.previous = previous is { Length: >= 32 } ? previous : null;
    }

    /// <summary>The key for <paramref name="purpose"/> (e.g. "partner-credentials"), derived from the current server key.</summary>
    public byte[] For(string purpose) => Derive(current, purpose);

    /// <summary>The keys that still verify for <paramref name="purpose"/>: the current one first, then the previous one if set.</summary>
    public IReadOnlyList<byte[]> Verifying(string purpose) =>
        previous is null ? [Derive(current, purpose)] : [Derive(current, purpose), Derive(previous, purpose)];

    /// <summary>Reads the settings; throws naming the setting when it is missing or malformed outside development storage.</summary>
    public static ServerKey FromConfiguration(IConfiguration configuration)
    {
        var text = configuration[Setting];
        if (string.IsNullOrWhiteSpace(text))
        {
            if (StorageClients.IsDevelopmentStorage(configuration)) return new ServerKey(Development);
            throw new InvalidOperationException(
                $"{Setting.Replace(":", "__")} is not set: it must be base64 of at least 32 random bytes (e.g. `openssl rand -base64 32`); in Azure the Bicep sets it as a Key Vault reference.");
        }
        return new ServerKey(Parse(text, Setting), configuration[PreviousSetting] is { Length: > 0 } old ? Parse(old, PreviousSetting) : null);
    }

    private static byte[] Parse(string text, string setting)
    {
        var bytes = new byte[text.Length];
        if (!Convert.TryFromBase64String(text.Trim(), bytes, out var n) || n < 32)
            throw new InvalidOperationException($"{setting.Replace(":", "__")} must be base64 of at least 32 random bytes (e.g. `openssl rand -base64 32`).");
        return bytes[..n];
    }

    private static byte[] Derive(byte[] key, string purpose) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, key, 32, salt: [], info: Encoding.UTF8.GetBytes("syndication/" + purpose));
}
