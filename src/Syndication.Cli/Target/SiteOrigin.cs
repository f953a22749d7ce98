using Syndication.Feeds;

namespace Syndication.Cli.Target;

/// <summary>The site's public address, for the links a command prints: --base-url, else Syndication__PublicBaseUrl, else the local runner's.</summary>
internal static class SiteOrigin
{
    /// <summary>Where the local runner and <c>func start</c> serve.</summary>
    public const string LocalBaseUrl = "http://127.0.0.1:7071";

    /// <summary>The site's URLs; a usage error when the address is missing (an Azure target) or not http(s).</summary>
    public static SiteUrls Urls(string? baseUrl, StorageTarget target)
    {
        var origin = baseUrl ?? target.Configuration["Syndication:PublicBaseUrl"] ?? (target.IsLocal ? LocalBaseUrl : null)
            ?? throw new UsageException("give --base-url, the site's public address (azd up prints it), or set Syndication__PublicBaseUrl");
        if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            throw new UsageException($"--base-url '{origin}' is not an http(s) URL");
        return new SiteUrls(new Uri(uri.GetLeftPart(UriPartial.Authority)));
    }
}
