using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Syndication.Fediverse;

/// <summary>A parsed draft-cavage-12 <c>Signature</c> header: who signed, which headers in which order, the signature bytes.</summary>
public sealed record SignatureHeader(string KeyId, string Algorithm, IReadOnlyList<string> Headers, byte[] Signature);

/// <summary>
/// HTTP Signatures as Mastodon sends and verifies them (draft-cavage-http-signatures-12, rsa-sha256 or hs2019 with an
/// RSA key): the signing string from the <c>headers=</c> list in its order, the <c>Digest: SHA-256=</c> of the body,
/// RSASSA-PKCS1-v1_5 over SHA-256.
/// </summary>
public static partial class HttpSignature
{
    /// <summary>The headers we sign on a POST, and what a POST to our inbox must have signed.</summary>
    public static readonly IReadOnlyList<string> PostHeaders = ["(request-target)", "host", "date", "digest", "content-type"];
    public static readonly IReadOnlyList<string> GetHeaders = ["(request-target)", "host", "date", "accept"];
    private static readonly string[] Required = ["(request-target)", "host", "date", "digest"];

    /// <summary>The header parsed, or null with the reason it cannot be used.</summary>
    public static SignatureHeader? Parse(string? header, out string problem)
    {
        problem = "";
        if (string.IsNullOrWhiteSpace(header) || header.Length > 8192) return Fail("no Signature header", out problem);
        var fields = new Dictionary<string, string>();
        foreach (Match m in Fields().Matches(header))
            if (!fields.TryAdd(m.Groups[1].Value.ToLowerInvariant(), m.Groups[2].Value)) return Fail("the Signature header repeats a parameter", out problem);
        if (!fields.TryGetValue("keyid", out var keyId) || !fields.TryGetValue("signature", out var signature))
            return Fail("the Signature header has no keyId or signature", out problem);
        var algorithm = fields.GetValueOrDefault("algorithm", "hs2019").ToLowerInvariant();
        if (algorithm is not ("rsa-sha256" or "hs2019")) return Fail("unsupported signature algorithm (only rsa-sha256 and hs2019 are supported)", out problem);
        var headers = fields.GetValueOrDefault("headers", "date").ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (Required.FirstOrDefault(h => !headers.Contains(h)) is { } missing) return Fail($"the signature does not cover {missing}", out problem);
        var bytes = new byte[signature.Length];
        if (!Convert.TryFromBase64String(signature, bytes, out var n)) return Fail("the signature is not base64", out problem);
        return new SignatureHeader(keyId, algorithm, headers, bytes[..n]);
    }

    /// <summary>The string that was signed: one "name: value" line per signed header, in the header's order.</summary>
    public static string SigningString(IReadOnlyList<string> headers, string method, string pathAndQuery, Func<string, string?> header)
    {
        var lines = headers.Select(h => h == "(request-target)" ? $"{h}: {method.ToLowerInvariant()} {pathAndQuery}" : $"{h}: {header(h)?.Trim()}");
        return string.Join('\n', lines);
    }

    /// <summary>Whether <paramref name="signature"/> signs <paramref name="signingString"/> with the public key.</summary>
    public static bool Verify(RSA key, string signingString, byte[] signature) =>
        key.VerifyData(Encoding.UTF8.GetBytes(signingString), signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);

    /// <summary>The value of a Signature header for these headers, signed with our key.</summary>
    public static string Sign(RSA key, string keyId, IReadOnlyList<string> headers, string signingString) =>
        $"keyId=\"{keyId}\",algorithm=\"rsa-sha256\",headers=\"{string.Join(' ', headers)}\",signature=\"{Convert.ToBase64String(key.SignData(Encoding.UTF8.GetBytes(signingString), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1))}\"";

    /// <summary>
    /// Signs an outgoing request as Mastodon does: a POST of <paramref name="body"/> over (request-target) host date digest
    /// content-type, a GET over (request-target) host date accept; adds the Date (and Digest) it signed.
    /// </summary>
    public static void SignRequest(HttpRequestMessage request, byte[]? body, RSA key, string keyId, DateTimeOffset now)
    {
        var uri = request.RequestUri!;
        var values = new Dictionary<string, string?>
        {
            ["host"] = uri.IsDefaultPort ? uri.Host : uri.Authority,
            ["date"] = now.ToString("r"),
            ["digest"] = body is null ? null : Digest(body),
            ["content-type"] = request.Content?.Headers.ContentType?.ToString(),
            ["accept"] = request.Headers.Accept.ToString(),
        };
        request.Headers.TryAddWithoutValidation("Date", values["date"]);
        if (values["digest"] is { } digest) request.Headers.TryAddWithoutValidation("Digest", digest);
        var headers = body is null ? GetHeaders : PostHeaders;
        var signing = SigningString(headers, request.Method.Method, uri.PathAndQuery, h => values.GetValueOrDefault(h));
        request.Headers.TryAddWithoutValidation("Signature", Sign(key, keyId, headers, signing));
    }

    /// <summary>The Digest header of a body: "SHA-256=" and the base64 of its hash.</summary>
    public static string Digest(ReadOnlySpan<byte> body) => "SHA-256=" + Convert.ToBase64String(SHA256.HashData(body));

    /// <summary>Whether a Digest header (a list, any case of "SHA-256") holds the body's SHA-256.</summary>
    public static bool DigestMatches(string? header, ReadOnlySpan<byte> body)
    {
        if (string.IsNullOrEmpty(header)) return false;
        var expected = Convert.ToBase64String(SHA256.HashData(body));
        foreach (var part in header.Split(','))
        {
            var eq = part.IndexOf('=');
            if (eq > 0 && part[..eq].Trim().Equals("sha-256", StringComparison.OrdinalIgnoreCase) && part[(eq + 1)..].Trim() == expected) return true;
        }
        return false;
    }

    /// <summary>A Date header's time (RFC 7231 HTTP-date), or null.</summary>
    public static DateTimeOffset? Date(string? header) =>
        DateTimeOffset.TryParseExact(header, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date) ? date : null;

    private static SignatureHeader? Fail(string why, out string problem)
    {
        problem = why;
        return null;
    }

    [GeneratedRegex(@"([A-Za-z]+)=""([^""]*)""")]
    private static partial Regex Fields();
}
