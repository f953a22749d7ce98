using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using Syndication.Partners;
using Syndication.Security;
using Syndication.Storage;
using Syndication.Tests.Support;

namespace Syndication.Tests.Partners;

/// <summary>
/// OAuth 2.0 client credentials through the local runner (issue 25): a token for the password, the token on the feeds,
/// forgeries, the token route's refusals and its share of the client's failure count, revocation on two instances.
/// </summary>
public sealed partial class PartnerFeedTests
{
    private const string ClientCredentials = "grant_type=client_credentials";

    // POST partners/token with a form body, Basic credentials when a password is given with no form fields for them.
    private async Task<HttpResponseMessage> TokenAsync(HttpClient http, string form, string? user = null, string? password = null,
        string contentType = "application/x-www-form-urlencoded")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "partners/token") { Content = new StringContent(form, Encoding.UTF8) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (user is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
        var response = await http.SendAsync(request);
        output.WriteLine($"POST /api/partners/token ({(user is null ? "form" : "Basic " + user)}) -> {(int)response.StatusCode}; " +
            $"WWW-Authenticate: {response.Headers.WwwAuthenticate}; {await response.Content.ReadAsStringAsync()}");
        return response;
    }

    private async Task<string> AccessTokenAsync(HttpClient http, string id, string password) =>
        (await (await TokenAsync(http, ClientCredentials, id, password)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;

    private Task<HttpResponseMessage> BearerAsync(HttpClient http, string path, string token, string? etag = null) =>
        SendAsPartnerAsync(http, path, new AuthenticationHeaderValue("Bearer", token), etag);

    private static void AssertInvalidToken(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var challenge = Assert.Single(response.Headers.WwwAuthenticate);
        Assert.Equal("Bearer", challenge.Scheme);
        Assert.Contains("error=\"invalid_token\"", challenge.Parameter);
    }

    private static async Task<(string Error, string Description)> ErrorOf(HttpResponseMessage response)
    {
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("error").GetString()!, body.GetProperty("error_description").GetString()!);
    }

    [Fact]
    public async Task APartnerTradesItsPasswordForATokenThatOpensItsOwnFeedsWith200Then304AndNoOtherPartners()
    {
        var (app, admin, reader) = await StartAsync();
        await using var _ = app;
        var password = await PasswordOf(await admin.PostAsync("manage/partners", new StringContent("""{"id":"acme","feeds":["category/harbour"]}""")));
        var other = await PasswordOf(await admin.PostAsync("manage/partners", new StringContent("""{"id":"beta","feeds":["all"]}""")));

        var issued = await TokenAsync(reader, ClientCredentials, "acme", password);
        Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
        Assert.True(issued.Headers.CacheControl?.NoStore, "RFC 6749 5.1: Cache-Control: no-store");
        Assert.Contains("no-cache", issued.Headers.Pragma.Select(p => p.Name));
        Assert.Equal("application/json", issued.Content.Headers.ContentType?.MediaType);
        var body = await issued.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Bearer", body.GetProperty("token_type").GetString());
        Assert.Equal(600, body.GetProperty("expires_in").GetInt32());
        Assert.Equal("category/harbour", body.GetProperty("scope").GetString());
        var token = body.GetProperty("access_token").GetString()!;
        var viaForm = await TokenAsync(reader, $"{ClientCredentials}&client_id=acme&client_secret={Uri.EscapeDataString(password)}");
        Assert.Equal(HttpStatusCode.OK, viaForm.StatusCode);

        // The feed: the partner's own representation, as with Basic (the same ETag), then 304 on revalidation.
        var feed = await BearerAsync(reader, "partners/acme/feeds/category/harbour.atom", token);
        Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
        Assert.Contains("Authorization", feed.Headers.Vary);
        Assert.True(feed.Headers.CacheControl is { Private: true, Public: false }, feed.Headers.CacheControl?.ToString());
        var document = FeedParsers.Document(await feed.Content.ReadAsByteArrayAsync());
        Assert.EndsWith("/api/partners/acme/feeds/category/harbour.atom", FeedParsers.Link(document, "self")!.AbsoluteUri);
        Assert.Contains("Story harbour", document.ToString());
        var etag = feed.Headers.ETag!.ToString();
        Assert.Equal(etag, (await PullAsync(reader, "partners/acme/feeds/category/harbour.atom", "acme", password)).Headers.ETag!.ToString());
        Assert.Equal(HttpStatusCode.NotModified, (await BearerAsync(reader, "partners/acme/feeds/category/harbour.atom", token, etag)).StatusCode);
        Assert.Equal(1, app.Services.GetRequiredService<PartnerTokens>().Verifications); // one signature check, then the cache

        // Its scope holds (403), and another partner's feeds are not its own (401, as Basic with another id).
        Assert.Equal(HttpStatusCode.Forbidden, (await BearerAsync(reader, "partners/acme/feeds/all.rss", token)).StatusCode);
        AssertInvalidToken(await BearerAsync(reader, "partners/beta/feeds/all.rss", token));
        Assert.Equal(HttpStatusCode.OK, (await BearerAsync(reader, "partners/beta/feeds/all.rss", await AccessTokenAsync(reader, "beta", other))).StatusCode);
    }

    [Fact]
    public async Task ForgedTokensAre401InvalidTokenAndCountTowardTheClientsLimitWhileTheRightTokenStillPasses()
    {
        var (app, admin, reader) = await StartAsync("--Syndication:Partners:MaxFailures", "3");
        await using var _ = app;
        var password = await PasswordOf(await admin.PostAsync("manage/partners", new StringContent("""{"id":"acme","feeds":["all"]}""")));
        var token = await AccessTokenAsync(reader, "acme", password);
        var parts = token.Split('.');
        var anotherKey = new ServerKey(RandomNumberGenerator.GetBytes(32));
        using var elsewhere = new PartnerTokens(anotherKey, Options.Create(new PartnerOptions()), TimeProvider.System);
        var forged = new[]
        {
            $"{parts[0]}.{parts[1]}.{(parts[2][0] == 'A' ? 'B' : 'A')}{parts[2][1..]}", // a wrong signature
            $"{Base64UrlEncoder.Encode("""{"alg":"none","typ":"at+jwt"}""")}.{parts[1]}.", // alg none
            elsewhere.Issue(new StoredPartner("acme", "Acme", ["all"], 0, "", "any", DateTimeOffset.UnixEpoch)), // another server's key
        };
        foreach (var text in forged) AssertInvalidToken(await BearerAsync(reader, "partners/acme/feeds/all.rss", text));
        var locked = await BearerAsync(reader, "partners/acme/feeds/all.rss", forged[0]);
        Assert.Equal((HttpStatusCode)429, locked.StatusCode);
        Assert.NotNull(locked.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.OK, (await BearerAsync(reader, "partners/acme/feeds/all.rss", token)).StatusCode);
    }

    [Fact]
    public async Task TokenRequestsThatAreNotClientCredentialsAre400SayingWhy()
    {
        var (app, admin, reader) = await StartAsync();
        await using var _ = app;
        var password = await PasswordOf(await admin.PostAsync("manage/partners", new StringContent("""{"id":"acme","feeds":["all"]}""")));
        var wrongGrant = await TokenAsync(reader, "grant_type=password&username=acme&password=x", "acme", password);
        Assert.Equal(HttpStatusCode.BadRequest, wrongGrant.StatusCode);
        var (error, description) = await ErrorOf(wrongGrant);
        Assert.Equal("unsupported_grant_type", error);
        Assert.Contains("grant_type 'password' is not supported", description);
        Assert.Contains("client_credentials", description);

        var cases = new (string Form, string? User, string ContentType, string Reason)[]
        {
            ("", "acme", "application/x-www-form-urlencoded", "grant_type is missing"),
            ("""{"grant_type":"client_credentials"}""", "acme", "application/json", "must be application/x-www-form-urlencoded"),
            (ClientCredentials + "&grant_type=client_credentials", "acme", "application/x-www-form-urlencoded", "repeats a parameter"),
            (ClientCredentials + "&client_secret=" + password, "acme", "application/x-www-form-urlencoded", "not both"),
            (ClientCredentials + "&pad=" + new string('x', 5000), "acme", "application/x-www-form-urlencoded", "over 4096 bytes"),
        };
        foreach (var (form, user, type, reason) in cases)
        {
            var response = await TokenAsync(reader, form, user, password, type);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var (e, d) = await ErrorOf(response);
            Assert.Equal("invalid_request", e);
            Assert.Contains(reason, d);
            Assert.True(d.All(c => c is >= ' ' and <= '~' and not ('"' or '\\')), $"error_description outside RFC 6749's characters: {d}");
        }
    }

    [Fact]
    public async Task AWrongSecretAtTheTokenRouteIs401InvalidClientAndCountsWithBasicFailuresOnTheFeeds()
    {
        var (app, admin, reader) = await StartAsync("--Syndication:Partners:MaxFailures", "3");
        await using var _ = app;
        var password = await PasswordOf(await admin.PostAsync("manage/partners", new StringContent("""{"id":"acme","feeds":["all"]}""")));

        var gate = app.Services.GetRequiredService<PartnerGate>();
        var hmacs = gate.Hmacs;
        var viaForm = await TokenAsync(reader, ClientCredentials + "&client_id=acme&client_secret=guess-1");
        Assert.Equal(HttpStatusCode.Unauthorized, viaForm.StatusCode);
        Assert.Empty(viaForm.Headers.WwwAuthenticate);
        var viaBasic = await TokenAsync(reader, ClientCredentials, "acme", "guess-2");
        Assert.Equal(HttpStatusCode.Unauthorized, viaBasic.StatusCode);
        Assert.Equal("Basic", Assert.Single(viaBasic.Headers.WwwAuthenticate).Scheme);
        var unknown = await TokenAsync(reader, ClientCredentials, "nobody", password);
        var refused = await ErrorOf(unknown);
        Assert.Equal(await ErrorOf(viaBasic), refused); // an unknown id: the same answer
        Assert.Equal("invalid_client", refused.Error);
        Assert.Equal(hmacs + 3, gate.Hmacs); // each: one HMAC, the unknown id against the decoy, as Basic on a feed

        // Three failures (two here, one unknown id): the feeds and the token route answer this client 429 alike.
        Assert.Equal((HttpStatusCode)429, (await PullAsync(reader, "partners/acme/feeds/all.rss", "acme", "guess-3")).StatusCode);
        var throttled = await TokenAsync(reader, ClientCredentials + "&client_id=acme&client_secret=guess-4");
        Assert.Equal((HttpStatusCode)429, throttled.StatusCode);
        Assert.Equal("invalid_client", (await ErrorOf(throttled)).Error);
        Assert.InRange(throttled.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, 300);
        Assert.Equal(HttpStatusCode.OK, (await TokenAsync(reader, ClientCredentials, "acme", password)).StatusCode); // right credentials pass
    }

    [Fact]
    public async Task RotatingOrDeletingAPartnerRevokesItsTokensAtOnceHereAndWithinTheVersionCheckOnAnotherInstance()
    {
        const double versionCheck = 1;
        var storage = Guid.NewGuid().ToString("N")[..12];
        string[] settings = ["--Syndication:VersionCheckSeconds", "1", "--Syndication:ServerKey", Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))];
        var (a, adminA, readerA) = await StartOnAsync(storage, settings);
        await using var _ = a;
        var (b, adminB, readerB) = await StartOnAsync(storage, settings);
        await using var __ = b;
        var password = await PasswordOf(await adminA.PostAsync("manage/partners", new StringContent("""{"id":"acme","feeds":["all"]}""")));
        var token = await AccessTokenAsync(readerA, "acme", password);
        Assert.Equal(HttpStatusCode.OK, (await BearerAsync(readerB, "partners/acme/feeds/all.rss", token)).StatusCode); // B reads A's token

        var newPassword = await PasswordOf(await adminA.PostAsync("manage/partners/acme/rotate", null));
        AssertInvalidToken(await BearerAsync(readerA, "partners/acme/feeds/all.rss", token)); // at once where it was rotated
        var revoked = await UntilRefusedAsync(readerB, token);
        output.WriteLine($"B refused the token {revoked.TotalSeconds:F2} s after A's rotation returned");
        Assert.True(revoked < TimeSpan.FromSeconds(versionCheck + 1.5), $"B refused it after {revoked.TotalSeconds:F2} s");

        var renewed = await AccessTokenAsync(readerB, "acme", newPassword);
        Assert.Equal(HttpStatusCode.OK, (await BearerAsync(readerA, "partners/acme/feeds/all.rss", renewed)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await adminB.DeleteAsync("manage/partners/acme")).StatusCode);
        AssertInvalidToken(await BearerAsync(readerB, "partners/acme/feeds/all.rss", renewed));
        var deleted = await UntilRefusedAsync(readerA, renewed);
        output.WriteLine($"A refused the token {deleted.TotalSeconds:F2} s after B's deletion returned");
        Assert.True(deleted < TimeSpan.FromSeconds(versionCheck + 1.5), $"A refused it after {deleted.TotalSeconds:F2} s");
    }

    // How long until this instance refuses the token (polled every 20 ms, for at most 30 s); then it must stay refused.
    private async Task<TimeSpan> UntilRefusedAsync(HttpClient reader, string token)
    {
        var clock = Stopwatch.StartNew();
        while ((await BearerAsync(reader, "partners/acme/feeds/all.rss", token)).StatusCode == HttpStatusCode.OK && clock.Elapsed < TimeSpan.FromSeconds(30))
            await Task.Delay(20);
        var elapsed = clock.Elapsed;
        AssertInvalidToken(await BearerAsync(reader, "partners/acme/feeds/all.rss", token));
        return elapsed;
    }
}
