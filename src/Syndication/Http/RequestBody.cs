using Microsoft.AspNetCore.Http;

namespace Syndication.Http;

/// <summary>A request body read into memory up to a limit, never past it (<see cref="BoundedRead"/>).</summary>
public static class RequestBody
{
    /// <summary>The body, or null when it is (or declares itself) larger than <paramref name="max"/> bytes.</summary>
    public static async Task<BinaryData?> ReadAsync(HttpRequest request, long max, CancellationToken ct) =>
        await BoundedRead.ReadAsync(request.Body, request.ContentLength, max, ct) is { } body ? new BinaryData(body) : null;
}
