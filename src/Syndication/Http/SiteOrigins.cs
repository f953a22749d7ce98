using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Syndication.Feeds;

namespace Syndication.Http;

/// <summary>
/// The site's URLs for a request: from the configured public base URL, else the request's origin. One
/// <see cref="SiteUrls"/> per origin seen (a few), not a parsed Uri per request; at most 64 kept, so made-up Host
/// headers cost nothing but the parse. Every handler that writes absolute URLs asks here.
/// </summary>
public sealed class SiteOrigins(IOptions<FeedOptions> options) : IDisposable
{
    /// <summary>How many origins are kept.</summary>
    public const int Capacity = 64;

    private readonly MemoryCache origins = new(new MemoryCacheOptions { SizeLimit = Capacity });

    /// <summary>The URLs for this request's scheme and host (or the public base URL when one is configured).</summary>
    public SiteUrls For(HttpRequest request)
    {
        var key = (request.Scheme, request.Host.Value ?? "localhost");
        if (origins.TryGetValue(key, out SiteUrls? urls)) return urls!;
        urls = SiteUrls.For(options.Value, key.Item1, key.Item2);
        using (var entry = origins.CreateEntry(key)) entry.SetValue(urls).SetSize(1);
        return urls;
    }

    /// <summary>How many origins are kept now (at most <see cref="Capacity"/>).</summary>
    internal int Count => origins.Count;

    public void Dispose() => origins.Dispose();
}
