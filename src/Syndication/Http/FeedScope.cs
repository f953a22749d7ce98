namespace Syndication.Http;

/// <summary>A feed served to one partner: its URLs (partners/{id}/feeds/...), its item limit and private caching.</summary>
public sealed record FeedScope(string PartnerId, int Limit, string CacheControl)
{
    /// <summary>A partner's feed differs by credentials as well as by encoding.</summary>
    public const string Vary = "Accept-Encoding, Authorization";
}
