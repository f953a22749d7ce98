using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Syndication.Storage;

namespace Syndication.Fediverse;

/// <summary>
/// The actor's RSA key pair, which signs every delivery and signed fetch and whose public half the actor shows:
/// <see cref="FediverseOptions.PrivateKey"/> (in Azure a Key Vault reference the Bicep sets, made by the postprovision
/// hook); on Azurite, when unset, a 2048-bit key made once and kept in the table, so every local instance signs alike.
/// Anywhere else an unset key leaves the fediverse off (its routes answer 404).
/// </summary>
public sealed class ActorKey(IOptions<FediverseOptions> options, IConfiguration configuration, FollowerStore store)
{
    private Task<RSA?>? loading;

    /// <summary>The key, or null when the fediverse is off; a failed load is tried again at the next call.</summary>
    public Task<RSA?> GetAsync(CancellationToken ct = default)
    {
        var current = loading;
        if (current is null || current.IsFaulted || current.IsCanceled) loading = current = LoadAsync(ct);
        return current;
    }

    /// <summary>The public key as PEM (SubjectPublicKeyInfo), as the actor document carries it.</summary>
    public static string PublicPem(RSA key) => key.ExportSubjectPublicKeyInfoPem();

    private async Task<RSA?> LoadAsync(CancellationToken ct)
    {
        var pem = options.Value.PrivateKey;
        // An unresolved Key Vault reference (the secret not made yet) is no key: the fediverse stays off until it is.
        if (string.IsNullOrWhiteSpace(pem) || pem.StartsWith("@Microsoft.KeyVault(", StringComparison.Ordinal))
        {
            if (!StorageClients.IsDevelopmentStorage(configuration)) return null;
            pem = await store.DevelopmentKeyAsync(() =>
            {
                using var made = RSA.Create(2048);
                return made.ExportPkcs8PrivateKeyPem();
            }, ct);
        }
        var key = RSA.Create();
        try
        {
            key.ImportFromPem(pem.Replace("\\n", "\n"));
        }
        catch (ArgumentException e)
        {
            key.Dispose();
            throw new InvalidOperationException("Syndication__Fediverse__PrivateKey is not an RSA private key in PEM (e.g. `openssl genrsa 2048`)", e);
        }
        if (key.KeySize < 2048) throw new InvalidOperationException("Syndication__Fediverse__PrivateKey must be an RSA key of at least 2048 bits");
        return key;
    }
}
