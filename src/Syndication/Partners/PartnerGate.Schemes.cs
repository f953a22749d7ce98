using System.Text;

namespace Syndication.Partners;

/// <summary>The gate's two schemes: the Basic header, and access tokens from POST partners/token (<see cref="PartnerTokens"/>) as Bearer.</summary>
public sealed partial class PartnerGate
{
    /// <summary>
    /// The challenges a 401 for a feed request without a usable credential carries, Basic then Bearer (RFC 9110 §11.6.1,
    /// RFC 6750 §3: no error code when the request had no token), so a client learns both schemes the feeds take.
    /// </summary>
    public const string FeedChallenges = Challenge + ", Bearer realm=\"partner feeds\"";

    /// <summary>The challenge a 401 for a request with an access token carries (RFC 6750 §3): the same whatever was wrong.</summary>
    public const string BearerChallenge = "Bearer realm=\"partner feeds\", error=\"invalid_token\", " +
        "error_description=\"the access token is invalid, expired or revoked, or not this partner's\"";

    /// <summary>
    /// A token opens partner <paramref name="id"/>'s feeds when we signed it, it has not expired, its sub is that id, and
    /// its ver is the Version of the partner row this instance holds (re-read at most every VersionCheckSeconds, at once
    /// here after a rotation or deletion): so rotating or deleting a partner revokes its tokens within that interval on
    /// every instance. A token we did not sign counts as a failure for the client, as a wrong password does; one we did
    /// sign (expired, revoked, another partner's) was not a guess and does not, nor does text not shaped like a JWT (no signature checked).
    /// </summary>
    private async Task<PartnerCheck> CheckTokenAsync(string id, string token, string client, CancellationToken ct)
    {
        var (verdict, claims) = await tokens.ReadAsync(token);
        if (claims is not null && claims.PartnerId == id && await PartnerAsync(id, ct) is { } partner && partner.Version == claims.Version)
            return new PartnerCheck(partner, 200, Bearer: true);
        if (verdict == TokenVerdict.Invalid)
        {
            if (Locked(client) is { } wait) return new PartnerCheck(null, 429, wait, Bearer: true);
            Fail(client);
        }
        return new PartnerCheck(null, 401, Bearer: true);
    }

    // RFC 6750 §2.1: "Bearer " then a b64token (letters, digits, -._~+/ then any '='); anything else is not a bearer request.
    private static string? BearerToken(string? header)
    {
        if (header is null || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return null;
        var token = header.AsSpan(7).Trim();
        var end = token.TrimEnd('=').Length;
        if (token.Length == 0 || end == 0) return "";
        foreach (var c in token[..end])
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('-' or '.' or '_' or '~' or '+' or '/')) return "";
        return token.ToString();
    }

    /// <summary>RFC 7617: "Basic " then base64 of "user-id:password" (UTF-8); the user id has no colon.</summary>
    public static bool TryBasic(string? header, out string user, out string password)
    {
        user = password = "";
        if (header is null || !header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase) || header.Length > 1024) return false;
        var bytes = new byte[header.Length];
        if (!Convert.TryFromBase64String(header[6..].Trim(), bytes, out var written)) return false;
        string text;
        try
        {
            text = new UTF8Encoding(false, true).GetString(bytes, 0, written);
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
        var colon = text.IndexOf(':');
        if (colon <= 0) return false;
        (user, password) = (text[..colon], text[(colon + 1)..]);
        return true;
    }
}
