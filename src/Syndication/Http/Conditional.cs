using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Syndication.Http;

/// <summary>Conditional GET in one place: strong ETags, If-None-Match (lists, "*", weak tags) and If-Modified-Since.</summary>
public static class Conditional
{
    /// <summary>A strong ETag for a representation's bytes.</summary>
    public static string ETagOf(ReadOnlySpan<byte> body) =>
        "\"" + Convert.ToBase64String(SHA256.HashData(body).AsSpan(0, 15)).Replace('+', '-').Replace('/', '_') + "\"";

    /// <summary>A cacheable response: 304 when the client already has it, else the bytes with validators.</summary>
    public static Reply Cacheable(HttpRequest request, string contentType, ReadOnlyMemory<byte> body, string etag,
        DateTimeOffset? lastModified, int maxAgeSeconds)
    {
        var reply = IsNotModified(request, etag, lastModified) ? Reply.NotModified() : Reply.Bytes(200, contentType, body);
        return Validators(reply, etag, lastModified, maxAgeSeconds);
    }

    /// <summary>Adds ETag, Last-Modified and Cache-Control to a reply.</summary>
    public static Reply Validators(Reply reply, string etag, DateTimeOffset? lastModified, int maxAgeSeconds)
    {
        reply.With(HeaderNames.ETag, etag).With(HeaderNames.CacheControl, CacheControl(maxAgeSeconds));
        if (lastModified is { } lm) reply.With(HeaderNames.LastModified, lm.ToUniversalTime().ToString("r"));
        return reply;
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<int, string> CacheControls = new();

    // The header value per max-age (a few: feeds, pages, images), built once rather than per response.
    private static string CacheControl(int maxAgeSeconds) =>
        CacheControls.GetOrAdd(maxAgeSeconds, static s => $"public, max-age={s}");

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
}
