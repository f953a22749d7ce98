using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using Syndication.Partners;

namespace Syndication.Http;

/// <summary>
/// POST partners/token: OAuth 2.0 client credentials (RFC 6749 §4.4). A partner sends grant_type=client_credentials
/// with its id and password (HTTP Basic, or client_id and client_secret in the form body) and gets a short-lived
/// access token (<see cref="PartnerTokens"/>) for its feeds. The credentials go through the same gate as Basic on the
/// feeds: the same HMAC, decoy and failure count per client, so this route is no cheaper a place to guess.
/// Errors are RFC 6749 §5.2 JSON.
/// </summary>
public sealed class PartnerTokenHandlers(PartnerGate gate, PartnerTokens tokens, ClientAddress clients)
{
    /// <summary>The largest form body read; a token request is under 200 bytes.</summary>
    public const int MaxBodyBytes = 4096;
    private const string FormType = "application/x-www-form-urlencoded";

    /// <summary>POST partners/token grant_type=client_credentials: 200 {"access_token","token_type":"Bearer","expires_in","scope"}.</summary>
    public async Task<Reply> IssueAsync(HttpRequest request, CancellationToken ct = default)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type) || !type.MediaType.Equals(FormType, StringComparison.OrdinalIgnoreCase))
            return Error(400, "invalid_request", $"the body must be {FormType}, e.g. grant_type=client_credentials (RFC 6749 section 4.4.2)");
        if (await RequestBody.ReadAsync(request, MaxBodyBytes, ct) is not { } body)
            return Error(400, "invalid_request", $"the body is over {MaxBodyBytes} bytes; a token request is a few short form fields");
        if (Form(body) is not { } form)
            return Error(400, "invalid_request", "the body is not a UTF-8 form, or it repeats a parameter (RFC 6749 section 3.2)");
        var grant = form.GetValueOrDefault("grant_type");
        if (string.IsNullOrEmpty(grant))
            return Error(400, "invalid_request", "grant_type is missing; partners send grant_type=client_credentials");
        if (grant != "client_credentials")
            return Error(400, "unsupported_grant_type", $"grant_type '{Shorten(grant)}' is not supported; partners send grant_type=client_credentials (RFC 6749 section 4.4)");

        var authorization = request.Headers.Authorization.ToString();
        var basic = authorization.Length > 0;
        if (basic && (form.ContainsKey("client_id") || form.ContainsKey("client_secret")))
            return Error(400, "invalid_request", "send the partner's id and password once: HTTP Basic, or client_id and client_secret in the body, not both (RFC 6749 section 2.3)");
        var client = clients.Of(request);
        var check = Credentials(authorization, form) is var (id, secret) ? await gate.CheckSecretAsync(id, secret, client, ct) : gate.Refused(client);
        if (check.Status == 429)
            return Error(429, "invalid_client", "too many failed attempts from this client; try again later")
                .With(HeaderNames.RetryAfter, Math.Ceiling(check.RetryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture));
        if (check.Partner is not { } partner)
        {
            var refused = Error(401, "invalid_client", "the partner id and password are required and must be right: HTTP Basic, or client_id and client_secret");
            return basic ? refused.With(HeaderNames.WWWAuthenticate, PartnerGate.Challenge) : refused;
        }
        return Json(200, new Dictionary<string, object>
        {
            ["access_token"] = tokens.Issue(partner),
            ["token_type"] = "Bearer",
            ["expires_in"] = (int)tokens.Lifetime.TotalSeconds,
            ["scope"] = string.Join(' ', partner.Feeds),
        });
    }

    // RFC 6749 §2.3.1: Basic with the id and password each form-encoded first, or the two form fields.
    private static (string Id, string Secret)? Credentials(string authorization, Dictionary<string, string> form)
    {
        if (PartnerGate.TryBasic(authorization, out var user, out var password)) return (WebUtility.UrlDecode(user), WebUtility.UrlDecode(password));
        return authorization.Length == 0 && form.GetValueOrDefault("client_id") is { Length: > 0 } id && form.GetValueOrDefault("client_secret") is { } secret
            ? (id, secret) : null;
    }

    // The form's fields, each at most once (a field without a value counts as absent), or null.
    private static Dictionary<string, string>? Form(BinaryData body)
    {
        try
        {
            var text = new UTF8Encoding(false, true).GetString(body.ToMemory().Span);
            var fields = new FormReader(text) { ValueCountLimit = 32 }.ReadForm();
            if (fields.Values.Any(v => v.Count > 1)) return null;
            return fields.Where(f => !string.IsNullOrEmpty(f.Value)).ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal);
        }
        catch (Exception e) when (e is DecoderFallbackException or InvalidDataException)
        {
            return null;
        }
    }

    // What the client sent, quoted back in an error_description: at most 40 characters of the ASCII it allows (RFC 6749 §5.2).
    private static string Shorten(string text) =>
        new(text.Take(40).Select(c => c is >= ' ' and <= '~' and not ('"' or '\\') ? c : '?').Concat(text.Length > 40 ? "..." : "").ToArray());

    private static Reply Error(int status, string error, string description) =>
        Json(status, new Dictionary<string, object> { ["error"] = error, ["error_description"] = description });

    // Quotes and apostrophes as themselves: the reply is application/json with nosniff, never HTML.
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    // RFC 6749 §5.1: a token response is not stored by any cache (Reply.Json's no-store, and Pragma for HTTP/1.0 ones).
    private static Reply Json(int status, Dictionary<string, object> value) => Reply.Json(status, value, Options).With(HeaderNames.Pragma, "no-cache");
}
