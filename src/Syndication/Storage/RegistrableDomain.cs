namespace Syndication.Storage;

/// <summary>
/// The registrable domain (eTLD+1) of a URL's host, as the follower caps count it: a.evil.example and b.evil.example are
/// both evil.example. NuGet serves no public-suffix library here, so this approximates the Public Suffix List: the
/// last two labels, or three under a two-letter country code whose second level is a generic one (example.co.uk,
/// example.com.au, example.ne.jp). Hosting suffixes the list names privately (github.io and the like) count as one
/// domain: a stranger there can fill that domain's cap, never the total. An IP address is its own domain.
/// </summary>
public static class RegistrableDomain
{
    private static readonly HashSet<string> GenericSecondLevels = new(StringComparer.Ordinal)
    {
        "ac", "co", "com", "ed", "edu", "gen", "go", "gob", "gov", "gr", "info", "lg", "ltd", "mil", "ne", "net", "nic", "nom", "or", "org", "plc", "sch",
    };

    /// <summary>The registrable domain of an absolute URL's host (lower case, IDN as punycode); the text itself when it is no URL.</summary>
    public static string Of(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var parsed)) return url;
        var host = parsed.IdnHost.ToLowerInvariant().TrimEnd('.');
        if (parsed.HostNameType is not UriHostNameType.Dns) return host;
        var labels = host.Split('.');
        if (labels.Length <= 2) return host;
        var take = labels[^1].Length == 2 && GenericSecondLevels.Contains(labels[^2]) ? 3 : 2;
        return string.Join('.', labels[^Math.Min(take, labels.Length)..]);
    }
}
