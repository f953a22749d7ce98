using Syndication.Articles;

namespace Syndication.Feeds;

/// <summary>Absolute URLs of everything we serve, from the configured public base URL or the request's origin.</summary>
public sealed class SiteUrls(Uri origin, string feeds = "feeds")
{
    /// <summary>The HTTP route prefix, the same as host.json's "routePrefix".</summary>
    public const string RoutePrefix = "api";

    public Uri Origin { get; } = origin;

    public static SiteUrls For(FeedOptions options, string scheme, string host) =>
        new(Uri.TryCreate(options.PublicBaseUrl, UriKind.Absolute, out var configured) ? configured : new Uri($"{scheme}://{host}"));

    public Uri Home() => Api("");
    public Uri Feed(string name, FeedFormat format) => Api($"{feeds}/{name}.{format.Extension}");
    public Uri Feed(FeedKey key, FeedFormat format, string? query = null) =>
        Api($"{feeds}/{key.Path}.{format.Extension}{(string.IsNullOrEmpty(query) ? "" : "?" + query)}");
    /// <summary>A feed's preview page for people; always the public path, never a partner's (partners get no preview).</summary>
    public Uri FeedPreview(FeedKey key) => Api($"feeds/{key.Path}.{FeedFormats.PreviewExtension}");
    /// <summary>The same site with its feed URLs under one partner's path (partners/{id}/feeds/...).</summary>
    public SiteUrls ForPartner(string partnerId) => new(Origin, $"partners/{Uri.EscapeDataString(partnerId)}/feeds");
    /// <summary>Where feed URLs start below the route prefix ("feeds", or a partner's path).</summary>
    public string FeedsPath => feeds;
    public Uri Withdrawn() => Api("feeds/withdrawn.json");
    public Uri Stylesheet() => Api("feeds/feed.xsl");
    /// <summary>The logo we serve ourselves when none is configured (<paramref name="dark"/>: for dark backgrounds).</summary>
    public Uri Logo(bool dark = false) => Api(dark ? "feeds/logo-dark.png" : "feeds/logo.png");
    public Uri Opml() => Api("feeds.opml");
    public Uri Article(string slug) => Api($"articles/{Uri.EscapeDataString(slug)}");
    /// <summary>An image's URL; with its version (<see cref="Storage.StoredImage.Version"/>) the URL names those bytes only, so caches keep it forever.</summary>
    public Uri Image(string slug, string file, string? version = null) =>
        Api($"images/{Uri.EscapeDataString(slug)}/{Uri.EscapeDataString(file)}{(version is null ? "" : "?v=" + version)}");

    /// <summary>A rendition's URL: its name is content-addressed, so the URL's bytes never change.</summary>
    public Uri Rendition(string slug, string name) => Api($"images/{Uri.EscapeDataString(slug)}/renditions/{Uri.EscapeDataString(name)}");
    /// <summary>The news sitemap and the sitemap of every article page (or its index).</summary>
    public Uri Sitemap(string file, string? query = null) => Api($"sitemaps/{file}{(string.IsNullOrEmpty(query) ? "" : "?" + query)}");

    private Uri Api(string path) => new(Origin, $"{Origin.AbsolutePath.TrimEnd('/')}/{RoutePrefix}/{path}");
}
