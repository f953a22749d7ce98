using System.Security.Cryptography;
using System.Text;
using Syndication.FunctionsHost.Settings;

namespace Syndication.FunctionsHost.Http;

/// <summary>
/// Key checks as the host's AuthenticationLevelHandler makes them: the key from <c>x-functions-key</c> (which wins) or
/// <c>?code=</c>, compared in constant time. This host has one key, valid as function, system and master key.
/// </summary>
public sealed class HostKeys(HostSettings settings)
{
    /// <summary>Whether a request may call a function of this authLevel ("anonymous" needs no key).</summary>
    public bool Allows(HttpRequest request, string? authLevel) =>
        string.Equals(authLevel, "anonymous", StringComparison.OrdinalIgnoreCase) || HasKey(request);

    /// <summary>Whether the request carries the key.</summary>
    public bool HasKey(HttpRequest request)
    {
        var given = request.Headers["x-functions-key"].ToString() is { Length: > 0 } header ? header : request.Query["code"].ToString();
        return given.Length > 0 && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(settings.Key));
    }
}
