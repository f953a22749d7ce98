using System.Net;
using System.Net.Sockets;

namespace Syndication.Http;

/// <summary>
/// Where requests come from (section "Syndication:Network"), for <see cref="ClientAddress"/>: which headers name the
/// client, and which peers may write them. A header from anyone else is the client's own text and names nobody.
/// </summary>
public sealed class NetworkOptions
{
    public const string Section = "Syndication:Network";
    /// <summary>What <see cref="TrustedProxies"/> holds by default: loopback, where the Functions host reaches the worker.</summary>
    public const string Loopback = "127.0.0.0/8,::1";

    /// <summary>
    /// The Azure Front Door profile's id (its "Front Door ID", a GUID; app setting Syndication__Network__FrontDoorId).
    /// When set, a request whose X-Azure-FDID header equals it came through that Front Door, and its X-Azure-ClientIP
    /// header is the client. Unset (the default): the Front Door headers are ignored.
    /// </summary>
    public string? FrontDoorId { get; set; }

    /// <summary>
    /// The proxies that append the peer they saw to X-Forwarded-For, as IP addresses or CIDR ranges separated by commas
    /// (app setting Syndication__Network__TrustedProxies; default "127.0.0.0/8,::1": the Functions host forwards to the
    /// worker over loopback, and the local runner appends the peer itself). From one of these, the client is the
    /// rightmost X-Forwarded-For entry; from any other peer, the connection's own address. Empty trusts no proxy.
    /// </summary>
    public string TrustedProxies { get; set; } = Loopback;

    /// <summary>The networks <see cref="TrustedProxies"/> names, or false when an entry is neither an address nor a CIDR range.</summary>
    public static bool TryParseProxies(string? text, out List<IPNetwork> networks)
    {
        networks = [];
        foreach (var entry in (text ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (IPNetwork.TryParse(entry, out var network)) networks.Add(network);
            else if (IPAddress.TryParse(entry, out var ip)) networks.Add(new IPNetwork(ip, ip.AddressFamily == AddressFamily.InterNetwork ? 32 : 128));
            else return false;
        }
        return true;
    }

    /// <summary>The rules checked at start: proxies that parse, and a Front Door id that is a GUID when set.</summary>
    public static void Check(NetworkOptions o, SettingRules rules) => rules
        .Rule(TryParseProxies(o.TrustedProxies, out _), ClientAddress.TrustedProxiesRule)
        .Rule(string.IsNullOrWhiteSpace(o.FrontDoorId) || Guid.TryParse(o.FrontDoorId.Trim(), out _),
            $"{rules.Setting(nameof(FrontDoorId))} must be the Front Door profile's id, a GUID (it is \"{o.FrontDoorId}\")");
}
