namespace Syndication;

/// <summary>A stream read into memory up to a limit, never past it (a declared or chunked length alike): request bodies and the answers of servers strangers name.</summary>
public static class BoundedRead
{
    /// <summary>The bytes, or null when the stream holds (or <paramref name="declared"/> says it holds) more than <paramref name="max"/>.</summary>
    public static async Task<ReadOnlyMemory<byte>?> ReadAsync(Stream stream, long? declared, long max, CancellationToken ct)
    {
        if (declared > max) return null;
        using var body = new MemoryStream();
        var buffer = new byte[16384];
        int read;
        while ((read = await stream.ReadAsync(buffer, ct)) > 0)
        {
            if (body.Length + read > max) return null;
            body.Write(buffer, 0, read);
        }
        return body.GetBuffer().AsMemory(0, (int)body.Length);
    }
}
