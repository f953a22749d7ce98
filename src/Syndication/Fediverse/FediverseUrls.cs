using Syndication.Feeds;

namespace Syndication.Fediverse;

/// <summary>The actor's addresses on one origin (the configured public base URL, or the request's scheme and host:port).</summary>
public sealed class FediverseUrls(SiteUrls site, string handle)
{
    public SiteUrls Site { get; } = site;
    public string Handle { get; } = handle;
    public Uri Actor => new(Site.Home(), "fediverse/actor");
    public Uri Inbox => new(Site.Home(), "fediverse/inbox");
    public Uri Outbox => new(Site.Home(), "fediverse/outbox");
    public Uri Followers => new(Site.Home(), "fediverse/followers");
    /// <summary>The key id the actor document names and every signature we make carries.</summary>
    public string KeyId => Actor.AbsoluteUri + "#main-key";
    /// <summary>"acct:news@host" (with a port only when it is not the scheme's default).</summary>
    public string Acct => $"acct:{Handle}@{Site.Origin.Authority}";
    /// <summary>An outbox page: the first, or the one after a signed cursor.</summary>
    public Uri OutboxPage(string? cursor) => new(Outbox.AbsoluteUri + (cursor is null ? "?page=true" : "?after=" + Uri.EscapeDataString(cursor)));
}
