using System.IO.Compression;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Syndication.Http;

/// <summary>Content-Encoding negotiation for the bodies we build: brotli, then gzip, then none.</summary>
public static class Compression
{
    /// <summary>The best encoding the request accepts ("br", "gzip"), or null for identity.</summary>
    public static string? Negotiate(HttpRequest request)
    {
        if (!StringWithQualityHeaderValue.TryParseList(request.Headers.AcceptEncoding, out var accepted)) return null;
        double Quality(string coding)
        {
            var match = accepted.FirstOrDefault(a => a.Value.Equals(coding, StringComparison.OrdinalIgnoreCase))
                ?? accepted.FirstOrDefault(a => a.Value == "*");
            return match is null ? 0 : match.Quality ?? 1;
        }
        var br = Quality("br");
        var gzip = Quality("gzip");
        if (br > 0 && br >= gzip) return "br";
        return gzip > 0 ? "gzip" : null;
    }

    /// <summary>The body in the encoding.</summary>
    public static byte[] Encode(ReadOnlySpan<byte> body, string encoding)
    {
        using var output = new MemoryStream(body.Length / 4 + 64);
        using (Stream compressor = encoding == "br"
                   ? new BrotliStream(output, CompressionLevel.Optimal, leaveOpen: true)
                   : new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
            compressor.Write(body);
        return output.ToArray();
    }
}
