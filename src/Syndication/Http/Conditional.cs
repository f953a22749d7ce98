using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Syndication.Http;

/// <summary>Conditional GET in one place: strong ETags, If-None-Match (lists, "*", weak tags) and If-Modified-Since.</summary>
public static partial class Conditional
{
    /// <summary>A strong ETag for a representation's bytes.</summary>
    public static string ETagOf(ReadOnlySpan<byte> body) =>
        "\"" + Convert.ToBase64String(SHA256.HashData(body).AsSpan(0, 15)).Replace('+', '-').Replace('/', '_') + "\"";

    /// <summary>Adds ETag, Last-Modified and Cache-Control to a reply.</summary>
    public static Reply Validators(Reply reply, string etag, DateTimeOffset? lastModified, string cacheControl)
    {
        reply.With(HeaderNames.ETag, etag).With(HeaderNames.CacheControl, cacheControl);
        if (lastModified is { } lm) reply.With(HeaderNames.LastModified, lm.ToUniversalTime().ToString("r"));
        return reply;
    }

    /// <summary>
    /// "public, max-age=N"; when S &gt; 0, "s-maxage=S" (how long a CDN keeps it, browsers ignore it); when M &gt; 0,
    /// "stale-while-revalidate=M": a CDN or browser may serve the copy it has for M seconds more while it revalidates
    /// with the ETag. Nothing is ever "immutable": a withdrawal must reach every cache. Callers build it once.
    /// </summary>
    public static string CacheControl(int maxAgeSeconds, int staleWhileRevalidateSeconds = 0, int sharedMaxAgeSeconds = 0) =>
        $"public, max-age={maxAgeSeconds}"
        + (sharedMaxAgeSeconds > 0 ? $", s-maxage={sharedMaxAgeSeconds}" : "")
        + (staleWhileRevalidateSeconds > 0 ? $", stale-while-revalidate={staleWhileRevalidateSeconds}" : "");

    /// <summary>
    /// The request's If-None-Match when it is exactly one tag of the shape storage gives blobs ("0x8DC…", the tag we
    /// served), else null: lists, "*", weak tags and anything else are compared by <see cref="IsNotModified"/>, never
    /// passed on to storage (a stranger's header must not become a storage request that fails).
    /// </summary>
    public static string? SingleStrongTag(HttpRequest request) =>
        request.Headers.IfNoneMatch is { Count: 1 } values && values[0] is { } value && StorageTag().IsMatch(value) ? value : null;

    [GeneratedRegex(@"\A""0x[0-9A-F]{1,32}""\z")]
    private static partial Regex StorageTag();

    /// <summary>RFC 9110: If-None-Match wins over If-Modified-Since; weak comparison for If-None-Match.</summary>
    public static bool IsNotModified(HttpRequest request, string etag, DateTimeOffset? lastModified)
    {
        var ifNoneMatch = request.Headers.IfNoneMatch;
        if (ifNoneMatch.Count == 1 && string.Equals(ifNoneMatch[0], etag, StringComparison.Ordinal)) return true;
        if (ifNoneMatch.Count > 0)
        {
            var current = EntityTagHeaderValue.Parse(etag);
            return EntityTagHeaderValue.TryParseList(ifNoneMatch, out var tags)
                && tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(current, useStrongComparison: false));
        }
        var ifModifiedSince = request.GetTypedHeaders().IfModifiedSince;
        return lastModified is { } lm && ifModifiedSince is { } since
            && DateTimeOffset.FromUnixTimeSeconds(lm.ToUnixTimeSeconds()) <= since;
    }

    /// <summary>A rendered representation in the best encoding the client accepts, with its validators, or 304 when the client has that one already.</summary>
    public static Reply Respond(HttpRequest request, Rendered rendered, string cacheControl, string vary = "Accept-Encoding")
    {
        var encoding = Compression.Negotiate(request);
        var (body, etag) = rendered.Variant(encoding);
        var reply = IsNotModified(request, etag, rendered.LastModified) ? Reply.NotModified() : Reply.Bytes(200, rendered.ContentType, body);
        if (encoding is not null && reply.Status == 200) reply.With(HeaderNames.ContentEncoding, encoding);
        reply.With(HeaderNames.Vary, vary);
        if (rendered.Link is { } link) reply.With(HeaderNames.Link, link);
        if (rendered.ContentSecurityPolicy is { } csp) reply.With(HeaderNames.ContentSecurityPolicy, csp);
        return Validators(reply, etag, rendered.LastModified, cacheControl);
    }
}
