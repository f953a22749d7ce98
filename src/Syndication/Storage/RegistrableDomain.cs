using System.Net;
using System.Net.Sockets;

namespace Syndication.Storage;

/// <summary>
/// The registrable domain (eTLD+1) of a URL's host, as the follower caps count it: a.evil.example and b.evil.example are
/// both evil.example. NuGet serves no public-suffix library here, so this approximates the Public Suffix List: the
/// last two labels, or three under a country code from a short list of those that register names under generic second
/// levels (example.co.uk, example.com.au, example.ne.jp; under any other TLD, x.co.de and y.co.de are both co.de).
/// Hosts the URL parser calls Basic (an underscore, a label over 63 characters) are split into labels the same way.
/// Hosting suffixes the list names privately (github.io and the like) count as one domain: a stranger there can fill
/// that domain's cap, never the total. An IPv4 address counts as its /24 and an IPv6 address as its /64 (an IPv4-mapped
/// one as its IPv4 /24): one machine or one customer's prefix is one domain, however many addresses it has.
/// </summary>
public static class RegistrableDomain
{
    private static readonly HashSet<string> GenericSecondLevels = new(StringComparer.Ordinal)
    {
        "ac", "co", "com", "ed", "edu", "gen", "go", "gob", "gov", "gr", "info", "lg", "ltd", "mil", "ne", "net", "nic", "nom", "or", "org", "plc", "sch",
    };

    // Country codes whose registries (or the PSL) register names under generic second levels; others count two labels.
    private static readonly HashSet<string> SecondLevelCountries = new(StringComparer.Ordinal)
    {
        "ae", "ar", "au", "bd", "bo", "br", "cn", "co", "cy", "ec", "eg", "gh", "hk", "id", "il", "in", "jp", "ke", "kr", "lk", "mt", "mx",
        "my", "ng", "np", "nz", "pe", "ph", "pk", "py", "sa", "sg", "th", "tr", "tw", "tz", "ua", "ug", "uk", "uy", "ve", "vn", "za", "zw",
    };

    /// <summary>The registrable domain of an absolute URL's host (lower case, IDN as punycode, an address as its network); the text itself when it is no URL.</summary>
    public static string Of(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var parsed)) return url;
        if (parsed.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6 && IPAddress.TryParse(parsed.DnsSafeHost, out var address))
            return Network(address);
        var labels = parsed.IdnHost.ToLowerInvariant().TrimEnd('.').Split('.');
        var take = labels.Length > 2 && SecondLevelCountries.Contains(labels[^1]) && GenericSecondLevels.Contains(labels[^2]) ? 3 : 2;
        return string.Join('.', labels[^Math.Min(take, labels.Length)..]);
    }

    // An address as the network one holder typically has: IPv4 /24, IPv6 /64.
    private static string Network(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        var bytes = address.GetAddressBytes();
        var prefix = address.AddressFamily == AddressFamily.InterNetwork ? 3 : 8;
        Array.Clear(bytes, prefix, bytes.Length - prefix);
        return $"{new IPAddress(bytes)}/{prefix * 8}";
    }
}
