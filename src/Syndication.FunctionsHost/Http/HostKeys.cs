using System.Security.Cryptography;
using System.Text;
using Syndication.FunctionsHost.Settings;

namespace Syndication.FunctionsHost.Http;

/// <summary>
/// Key checks as the host's AuthenticationLevelHandler makes them: the key from <c>x-functions-key</c> (which wins) or
/// <c>?code=</c>, compared in constant time. The master key opens everything; a host function key opens every
/// <c>function</c>-level function; a function's own key opens only that function; a system key opens only its
/// extension's webhook. Only the master key opens <c>admin</c>-level functions and the admin API.
/// </summary>
public sealed class HostKeys(HostSettings settings)
{
    private KeySettings Keys => settings.Keys;

    /// <summary>Whether a request may call this function at its authLevel ("anonymous" needs no key, "admin" the master key).</summary>
    public bool Allows(HttpRequest request, string functionName, string? authLevel)
    {
        if (string.Equals(authLevel, "anonymous", StringComparison.OrdinalIgnoreCase)) return true;
        var given = Given(request);
        if (given.Length == 0) return false;
        if (Matches(given, Keys.Master)) return true;
        if (string.Equals(authLevel, "admin", StringComparison.OrdinalIgnoreCase)) return false;
        // "function" (the default) and "system" levels: host function keys, or this function's own keys.
        return Keys.HostKeys.Values.Any(k => Matches(given, k))
            || (Keys.FunctionKeys.TryGetValue(functionName, out var own) && own.Values.Any(k => Matches(given, k)));
    }

    /// <summary>Whether the request carries the master key (the admin API).</summary>
    public bool IsMaster(HttpRequest request) => Matches(Given(request), Keys.Master);

    /// <summary>Whether the request carries the master key or the named system key (an extension's webhook).</summary>
    public bool AllowsSystem(HttpRequest request, string systemKeyName)
    {
        var given = Given(request);
        return Matches(given, Keys.Master) || (Keys.SystemKeys.TryGetValue(systemKeyName, out var key) && Matches(given, key));
    }

    private static string Given(HttpRequest request) =>
        request.Headers["x-functions-key"].ToString() is { Length: > 0 } header ? header : request.Query["code"].ToString();

    private static bool Matches(string given, string key) =>
        given.Length > 0 && key.Length > 0 && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(key));
}
