using Microsoft.AspNetCore.Http;

namespace Syndication.Http;

/// <summary>A request body read into memory up to a limit, never past it (a declared or chunked body alike).</summary>
public static class RequestBody
{
    /// <summary>The body, or null when it is (or declares itself) larger than <paramref name="max"/> bytes.</summary>
    public static async Task<BinaryData?> ReadAsync(HttpRequest request, long max, CancellationToken ct)
    {
        if (request.ContentLength > max) return null;
        using var body = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(buffer, ct)) > 0)
        {
            if (body.Length + read > max) return null;
            body.Write(buffer, 0, read);
        }
        return new BinaryData(body.GetBuffer().AsMemory(0, (int)body.Length));
    }
}
