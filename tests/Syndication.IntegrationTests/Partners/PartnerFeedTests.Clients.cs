using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Syndication.Partners;
using Syndication.Security;
using Syndication.Storage;
using Syndication.Tests.Support;

namespace Syndication.Tests.Partners;

/// <summary>
/// Who a guess counts against, and what it costs: clients on distinct loopback addresses (127.0.0.2, .3, .4), so the
/// runner sees distinct peers, and X-Forwarded-For written by the client, which names nobody.
/// </summary>
public sealed partial class PartnerFeedTests
{
    private const string Partner = "127.0.0.2";
    private const string Attacker = "127.0.0.3";
    private const string Bystander = "127.0.0.4";

    private static HttpClient From(string local, Uri baseAddress) => LocalAddress.Client(local, baseAddress);

    private static async Task<HttpStatusCode> GuessAsync(HttpClient http, string user, string password, string? forwardedFor = null, string? partner = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"partners/{partner ?? user}/feeds/all.rss");
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
        if (forwardedFor is not null) request.Headers.TryAddWithoutValidation("X-Forwarded-For", forwardedFor);
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }

    [Fact]
    public async Task GuessesWithASpoofedForwardedForCountAgainstTheRealClientAndLockNobodyElse()
    {
        var (app, admin, reader) = await StartAsync("--Syndication:Partners:MaxFailures", "3");
        await using var _ = app;
        var password = await PasswordOf(await admin.PostAsync("manage/partners", new StringContent("""{"id":"acme","feeds":["all"]}""")));
        using var attacker = From(Attacker, reader.BaseAddress!);
        using var bystander = From(Bystander, reader.BaseAddress!);

        for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.Unauthorized, await GuessAsync(attacker, "acme", "guess-" + i, Bystander));
        Assert.Equal((HttpStatusCode)429, await GuessAsync(attacker, "acme", "guess-3", "198.51.100.9, " + Bystander)); // any spoof: still the attacker
        Assert.Equal((HttpStatusCode)429, await GuessAsync(attacker, "acme", "guess-4"));
        Assert.Equal(HttpStatusCode.Unauthorized, await GuessAsync(bystander, "acme", "a-typo")); // counted once, not locked
        Assert.Equal(HttpStatusCode.OK, await GuessAsync(bystander, "acme", password));
    }

    [Fact]
    public async Task RightCredentialsFromThePartnersAddressPassAfterFiftyFailuresSentInItsName()
    {
        var (app, admin, reader) = await StartAsync();
        await using var _ = app;
        var password = await PasswordOf(await admin.PostAsync("manage/partners", new StringContent("""{"id":"acme","feeds":["all"]}""")));
        using var attacker = From(Attacker, reader.BaseAddress!);
        using var partner = From(Partner, reader.BaseAddress!);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 50; i++) statuses.Add(await GuessAsync(attacker, "acme", "guess-" + i, Partner));
        Assert.Equal(10, statuses.Count(s => s == HttpStatusCode.Unauthorized)); // MaxFailures, then 429 for the attacker
        Assert.All(statuses.Skip(10), s => Assert.Equal((HttpStatusCode)429, s));
        Assert.Equal(HttpStatusCode.OK, await GuessAsync(partner, "acme", password));
        Assert.Equal(HttpStatusCode.OK, await GuessAsync(partner, "acme", password, Partner));
    }

    [Fact]
    public async Task AClientThatFailsTooOftenGets429AndRetryAfterWhileThePartnerElsewhereGets200()
    {
        var (app, admin, reader) = await StartAsync("--Syndication:Partners:MaxFailures", "3", "--Syndication:Partners:LockoutSeconds", "120");
        await using var _ = app;
        var password = await PasswordOf(await admin.PostAsync("manage/partners", new StringContent("""{"id":"acme","feeds":["all"]}""")));
        using var attacker = From(Attacker, reader.BaseAddress!);
        using var partner = From(Partner, reader.BaseAddress!);

        for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.Unauthorized, await GuessAsync(attacker, "acme", "guess-" + i));
        var throttled = await PullAsync(attacker, "partners/acme/feeds/all.rss", "acme", "guess-3");
        Assert.Equal((HttpStatusCode)429, throttled.StatusCode);
        Assert.InRange(throttled.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, 120);
        Assert.Equal(HttpStatusCode.OK, await GuessAsync(partner, "acme", password));
        Assert.Equal(HttpStatusCode.Unauthorized, await GuessAsync(partner, "acme", "a-typo")); // the partner is not locked: 401, not 429
        Assert.Equal(HttpStatusCode.OK, await GuessAsync(partner, "acme", password));
    }

    [Fact]
    public async Task AnUnknownIdGuessCostsOneHmacLikeAWrongPasswordAndAboutAFeedRead()
    {
        var (app, admin, reader) = await StartAsync("--Syndication:Partners:MaxFailures", "100000");
        await using var _ = app;
        await PasswordOf(await admin.PostAsync("manage/partners", new StringContent("""{"id":"acme","feeds":["all"]}""")));
        var gate = app.Services.GetRequiredService<PartnerGate>();

        var (hmacs, pbkdf2s) = (gate.Hmacs, gate.Pbkdf2s);
        Assert.Equal(HttpStatusCode.Unauthorized, await GuessAsync(reader, "nobody-" + Guid.NewGuid().ToString("N")[..8], PartnerPassword.Generate()));
        Assert.Equal((hmacs + 1, pbkdf2s), (gate.Hmacs, gate.Pbkdf2s));
        Assert.Equal(HttpStatusCode.Unauthorized, await GuessAsync(reader, "acme", PartnerPassword.Generate()));
        Assert.Equal((hmacs + 2, pbkdf2s), (gate.Hmacs, gate.Pbkdf2s));

        // In one run, alternating: median of 60 unknown-id guesses, wrong passwords and public feed reads.
        var times = new Dictionary<string, List<double>> { ["unknown id"] = [], ["wrong password"] = [], ["feed read"] = [] };
        var (reads, clock) = (gate.Reads, Stopwatch.StartNew());
        for (var i = 0; i < 60; i++)
        {
            times["unknown id"].Add(await TimeAsync(() => GuessAsync(reader, "nobody-" + i, PartnerPassword.Generate())));
            times["wrong password"].Add(await TimeAsync(() => GuessAsync(reader, "acme", PartnerPassword.Generate())));
            times["feed read"].Add(await TimeAsync(async () => (await reader.GetAsync("feeds/all.rss")).StatusCode));
        }
        // Unknown ids are misses in the partner list this instance holds: it is read once a second (VersionCheckSeconds), not per guess.
        Assert.InRange(gate.Reads - reads, 0, 1 + (long)clock.Elapsed.TotalSeconds);
        var median = times.ToDictionary(t => t.Key, t => t.Value.Order().ElementAt(t.Value.Count / 2));
        output.WriteLine(string.Join("; ", median.Select(m => $"{m.Key} {m.Value:F2} ms")) + $"; unknown/feed {median["unknown id"] / median["feed read"]:F2}x");
        Assert.True(median["unknown id"] < 10 * median["feed read"], "an unknown-id guess costs over 10 feed reads");
        Assert.True(median["wrong password"] < 10 * median["feed read"], "a wrong password costs over 10 feed reads");
    }

    private static async Task<double> TimeAsync(Func<Task<HttpStatusCode>> request)
    {
        var watch = Stopwatch.StartNew();
        await request();
        return watch.Elapsed.TotalMilliseconds;
    }

    [Fact]
    public async Task ALegacyPbkdf2RowVerifiesOnceAndIsRestoredInTheKeyedForm()
    {
        var (app, admin, reader) = await StartAsync();
        await using var _ = app;
        var password = await PasswordOf(await admin.PostAsync("manage/partners", new StringContent("""{"id":"legacy","feeds":["all"]}""")));
        var (store, gate) = (app.Services.GetRequiredService<PartnerStore>(), app.Services.GetRequiredService<PartnerGate>());
        var created = (await store.PartnerAsync("legacy"))!;
        var legacy = created with { PasswordHash = Pbkdf2(password, 1000) };
        Assert.NotNull(await store.RotatePartnerAsync(legacy.Id, _ => legacy));
        gate.Forget();

        var pbkdf2s = gate.Pbkdf2s;
        Assert.Equal(HttpStatusCode.Unauthorized, await GuessAsync(reader, "legacy", "wrong"));
        Assert.Equal(HttpStatusCode.OK, await GuessAsync(reader, "legacy", password));
        var restored = (await store.PartnerAsync("legacy"))!;
        Assert.Equal(PartnerPassword.Sign("legacy", password, app.Services.GetRequiredService<ServerKey>().For(PartnerPassword.Purpose)), restored.PasswordHash);
        Assert.StartsWith("hmac-sha256$", restored.PasswordHash);
        Assert.Equal(created.Version, restored.Version);
        Assert.Equal(HttpStatusCode.OK, await GuessAsync(reader, "legacy", password));
        Assert.Equal(pbkdf2s + 2, gate.Pbkdf2s); // the wrong guess and the first success; none since
        Assert.False(await store.ReplacePartnerHashAsync(legacy, "hmac-sha256$stale")); // conditional: the row moved on
        Assert.Equal(restored.PasswordHash, (await store.PartnerAsync("legacy"))!.PasswordHash);
    }

    [Fact]
    public async Task ARowSignedByThePreviousServerKeyPassesAndIsRestoredUnderTheCurrentOne()
    {
        var (current, previous) = (RandomNumberGenerator.GetBytes(32), RandomNumberGenerator.GetBytes(32));
        var (app, admin, reader) = await StartAsync("--Syndication:ServerKey", Convert.ToBase64String(current), "--Syndication:PreviousServerKey", Convert.ToBase64String(previous));
        await using var _ = app;
        var password = await PasswordOf(await admin.PostAsync("manage/partners", new StringContent("""{"id":"rotated","feeds":["all"]}""")));
        var (store, gate) = (app.Services.GetRequiredService<PartnerStore>(), app.Services.GetRequiredService<PartnerGate>());
        var created = (await store.PartnerAsync("rotated"))!;
        Assert.Equal(PartnerPassword.Sign("rotated", password, new ServerKey(current).For(PartnerPassword.Purpose)), created.PasswordHash);
        var signedBefore = created with { PasswordHash = PartnerPassword.Sign("rotated", password, new ServerKey(previous).For(PartnerPassword.Purpose)) };
        Assert.NotNull(await store.RotatePartnerAsync(signedBefore.Id, _ => signedBefore));
        gate.Forget();

        Assert.Equal(HttpStatusCode.OK, await GuessAsync(reader, "rotated", password));
        Assert.Equal(created.PasswordHash, (await store.PartnerAsync("rotated"))!.PasswordHash);
        Assert.Equal(HttpStatusCode.Unauthorized, await GuessAsync(reader, "rotated", "wrong"));
    }

    // The text the partner rows held before keyed hashes: "pbkdf2-sha256$iterations$salt$hash", URL-safe base64.
    private static string Pbkdf2(string password, int iterations)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        var hash = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, 32);
        static string B64(byte[] b) => Convert.ToBase64String(b).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return $"pbkdf2-sha256${iterations}${B64(salt)}${B64(hash)}";
    }
}
