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

    /// <summary>
    /// The 401 for a request without the key this function's level needs: a short plain-text body naming that key and
    /// where it goes, as the local runner answers (the Functions host's own 401 is empty, which leaves a caller guessing).
    /// </summary>
    public static IResult Refusal(string functionName, string authLevel) => Refused(string.Equals(authLevel, "admin", StringComparison.OrdinalIgnoreCase)
        ? "this route needs the master key (FunctionsHost__Key)"
        : $"this route needs a function key: one of its own (FunctionsHost__FunctionKeys__{functionName}__{{name}}), a host key (FunctionsHost__HostKeys__{{name}}) or the master key (FunctionsHost__Key)");

    /// <summary>The 401 of the admin API: the master key.</summary>
    public static IResult AdminRefusal() => Refused("the admin API needs the master key (FunctionsHost__Key)");

    /// <summary>The 401 of an extension's webhook: its system key or the master key.</summary>
    public static IResult SystemRefusal(string systemKeyName) =>
        Refused($"this webhook needs the {systemKeyName} system key (FunctionsHost__SystemKeys__{systemKeyName}) or the master key (FunctionsHost__Key)");

    private static IResult Refused(string needs) =>
        Results.Text(needs + ", in the x-functions-key header or the code query parameter\n", "text/plain; charset=utf-8", statusCode: StatusCodes.Status401Unauthorized);

    private static string Given(HttpRequest request) =>
        request.Headers["x-functions-key"].ToString() is { Length: > 0 } header ? header : request.Query["code"].ToString();

    private static bool Matches(string given, string key) =>
        given.Length > 0 && key.Length > 0 && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(key));
}
