using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Syndication.Http;

/// <summary>
/// The client a request comes from, from sources we trust only (<see cref="NetworkOptions"/>): behind our Front Door,
/// its X-Azure-ClientIP; from a trusted proxy, the X-Forwarded-For entry that proxy appended (the rightmost; every
/// entry left of it is whatever the client wrote); else the connection's address. Failed partner checks count against it.
/// </summary>
public sealed class ClientAddress
{
    private const string FrontDoorIdHeader = "X-Azure-FDID";
    private const string FrontDoorClientHeader = "X-Azure-ClientIP";
    private const string ForwardedForHeader = "X-Forwarded-For";

    private readonly string? frontDoorId;
    private readonly List<IPNetwork> proxies;

    public ClientAddress(IOptions<NetworkOptions> options)
    {
        frontDoorId = string.IsNullOrWhiteSpace(options.Value.FrontDoorId) ? null : options.Value.FrontDoorId.Trim();
        if (!NetworkOptions.TryParseProxies(options.Value.TrustedProxies, out proxies))
            throw new InvalidOperationException(TrustedProxiesRule);
    }

    /// <summary>What a malformed TrustedProxies setting is told.</summary>
    public const string TrustedProxiesRule =
        "Syndication__Network__TrustedProxies must be IP addresses or CIDR ranges separated by commas, e.g. \"127.0.0.0/8,::1,10.0.0.0/16\"";

    /// <summary>The client's address as text ("203.0.113.7", "2001:db8::1"), or "unknown" when the connection has none.</summary>
    public string Of(HttpRequest request)
    {
        var headers = request.Headers;
        if (frontDoorId is not null && string.Equals(headers[FrontDoorIdHeader].ToString().Trim(), frontDoorId, StringComparison.OrdinalIgnoreCase)
            && Parse(headers[FrontDoorClientHeader].ToString()) is { } viaFrontDoor)
            return viaFrontDoor.ToString();
        var peer = Normal(request.HttpContext.Connection.RemoteIpAddress);
        if (peer is not null && proxies.Exists(n => n.Contains(peer)) && Rightmost(headers[ForwardedForHeader]) is { } forwarded)
            return forwarded.ToString();
        return peer?.ToString() ?? "unknown";
    }

    /// <summary>
    /// Appends the connection's address to the request's X-Forwarded-For, as the platform's front end does: what a
    /// host without a proxy in front (the local runner) runs first, so the rightmost entry is never the client's text.
    /// </summary>
    public static void AppendPeer(HttpContext context)
    {
        if (Normal(context.Connection.RemoteIpAddress) is not { } peer) return;
        var incoming = context.Request.Headers[ForwardedForHeader].Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim());
        context.Request.Headers[ForwardedForHeader] = string.Join(", ", incoming.Append(peer.ToString()));
    }

    // Several header lines are one list (RFC 9110 5.3): the last line's last entry is the nearest proxy's.
    private static IPAddress? Rightmost(Microsoft.Extensions.Primitives.StringValues values)
    {
        if (values.Count == 0 || values[^1] is not { } last) return null;
        var comma = last.LastIndexOf(',');
        return Parse(comma < 0 ? last : last[(comma + 1)..]);
    }

    // "1.2.3.4", "1.2.3.4:5678", "2001:db8::1", "[2001:db8::1]:443" (App Service writes ports).
    private static IPAddress? Parse(string entry)
    {
        entry = entry.Trim();
        if (entry.Length == 0) return null;
        if (IPAddress.TryParse(entry, out var ip)) return Normal(ip);
        return IPEndPoint.TryParse(entry, out var endpoint) ? Normal(endpoint.Address) : null;
    }

    private static IPAddress? Normal(IPAddress? ip) => ip is { IsIPv4MappedToIPv6: true } ? ip.MapToIPv4() : ip;
}
