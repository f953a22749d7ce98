using System.Collections.Concurrent;

namespace Syndication.Http;

/// <summary>A rendered representation (feed, page, OPML) with its validators; each encoding is compressed once, on first ask.</summary>
public sealed class Rendered(byte[] body, string contentType, DateTimeOffset? lastModified, string? link = null, string? contentSecurityPolicy = null)
{
    private readonly ConcurrentDictionary<string, (byte[] Body, string ETag)> variants = new();

    public byte[] Body { get; } = body;
    public string ContentType { get; } = contentType;
    public string ETag { get; } = Conditional.ETagOf(body);
    public DateTimeOffset? LastModified { get; } = lastModified;
    /// <summary>The HTTP Link header (self and hub) for feeds.</summary>
    public string? Link { get; } = link;
    public string? ContentSecurityPolicy { get; } = contentSecurityPolicy;

    /// <summary>The body and strong ETag in an encoding ("br", "gzip") or as is (null).</summary>
    public (byte[] Body, string ETag) Variant(string? encoding) => encoding is null
        ? (Body, ETag)
        : variants.GetOrAdd(encoding, e => (Compression.Encode(Body, e), ETag[..^1] + "-" + e + "\""));
}
