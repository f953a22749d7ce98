using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Syndication.LocalRunner;
using Syndication.Tests.Support;
using Xunit.Abstractions;

namespace Syndication.Tests.Partners;

/// <summary>Partners over HTTP through the local runner: created, pulling, refused, rotated, deleted; throttled; bad input.</summary>
[Collection(AzuriteCollection.Name)]
public sealed partial class PartnerFeedTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private const string Key = "test-admin-key-0123456789";

    private Task<(WebApplication App, HttpClient Admin, HttpClient Reader)> StartAsync(params string[] extra) =>
        StartOnAsync(Guid.NewGuid().ToString("N")[..12], extra);

    // A runner on the storage names of "id": two runners on one id are two instances of one app.
    private async Task<(WebApplication App, HttpClient Admin, HttpClient Reader)> StartOnAsync(string id, string[] extra)
    {
        string[] args =
        [
            "--urls", "http://127.0.0.1:0", "--AzureWebJobsStorage", azurite.ConnectionString,
            "--Syndication:Storage:ArticlesContainer", $"articles-{id}", "--Syndication:Storage:PublishedContainer", $"published-{id}",
            "--Syndication:Storage:Table", $"articles{id}", "--Syndication:WatchIntervalSeconds", "3600", "--Syndication:AdminKey", Key,
            .. extra,
        ];
        var app = RunnerApp.Build(args);
        await app.StartAsync();
        var address = new Uri(app.Urls.First() + "/api/");
        var admin = new HttpClient { BaseAddress = address };
        admin.DefaultRequestHeaders.Add("x-functions-key", Key);
        foreach (var (slug, category) in new[] { ("harbour", "Harbour"), ("council", "Politics") })
            await admin.PutAsync($"manage/blobs/{slug}.md", new StringContent($"---\ntitle: Story {slug}\ncategories: [{category}]\n---\nBody.\n"));
        return (app, admin, new HttpClient { BaseAddress = address });
    }

    private Task<HttpResponseMessage> PullAsync(HttpClient http, string path, string? user, string? password, string? etag = null) =>
        SendAsPartnerAsync(http, path, user is null ? null : new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}"))), etag);

    // A GET with these credentials (Basic or Bearer), logged with the headers that matter here.
    private async Task<HttpResponseMessage> SendAsPartnerAsync(HttpClient http, string path, AuthenticationHeaderValue? credentials, string? etag = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = credentials;
        if (etag is not null) request.Headers.TryAddWithoutValidation("If-None-Match", etag);
        var response = await http.SendAsync(request);
        output.WriteLine($"GET /api/{path} ({credentials?.Scheme ?? "no credentials"}{(etag is null ? "" : ", If-None-Match")}) -> " +
            $"{(int)response.StatusCode} {response.StatusCode}; {string.Join("; ", response.Headers.Concat(response.Content.Headers)
                .Where(h => h.Key is "Cache-Control" or "Vary" or "ETag" or "WWW-Authenticate" or "Retry-After").Select(h => $"{h.Key}: {string.Join(", ", h.Value)}"))}");
        return response;
    }

    private static async Task<string> PasswordOf(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("password").GetString()!;

    [Fact]
    public async Task APartnerIsCreatedPullsIsRefusedIsRotatedAndIsDeleted()
    {
        var (app, admin, reader) = await StartAsync();
        await using var _ = app;

        var created = await admin.PostAsync("manage/partners", new StringContent("""{"id":"acme","name":"Acme News","feeds":["category/harbour"],"limit":5}"""));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("acme", body.GetProperty("username").GetString());
        var password = body.GetProperty("password").GetString()!;
        Assert.True(password.Length >= 22 && password.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'), password);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsync("manage/partners", new StringContent("""{"id":"acme","feeds":["all"]}"""))).StatusCode);

        // Pulling: the public feed's bytes but the partner's own self link, private caching, conditional GET.
        var feed = await PullAsync(reader, "partners/acme/feeds/category/harbour.atom", "acme", password);
        Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
        Assert.True(feed.Headers.CacheControl is { Private: true, Public: false } control && control.MaxAge == TimeSpan.FromSeconds(60), feed.Headers.CacheControl?.ToString());
        Assert.Contains("Authorization", feed.Headers.Vary);
        var document = FeedParsers.Document(await feed.Content.ReadAsByteArrayAsync());
        Assert.EndsWith("/api/partners/acme/feeds/category/harbour.atom", FeedParsers.Link(document, "self")!.AbsoluteUri);
        Assert.Null(FeedParsers.Link(document, "hub"));
        Assert.Contains("Story harbour", document.ToString());
        Assert.DoesNotContain("Story council", document.ToString());
        var etag = feed.Headers.ETag!.ToString();
        Assert.Equal(HttpStatusCode.NotModified, (await PullAsync(reader, "partners/acme/feeds/category/harbour.atom", "acme", password, etag)).StatusCode);
        Assert.NotEqual(etag, (await reader.GetAsync("feeds/category/harbour.atom")).Headers.ETag!.ToString()); // its own representation

        // Refused: no credentials, a wrong password, an unknown partner (the same 401), a feed not allowed (403).
        var none = await PullAsync(reader, "partners/acme/feeds/category/harbour.rss", null, null);
        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.StartsWith("Basic realm=", none.Headers.WwwAuthenticate.ToString());
        // Both schemes the feeds take, as .NET's own header parser reads them: Basic first, then Bearer without an error.
        Assert.Equal(["Basic", "Bearer"], none.Headers.WwwAuthenticate.Select(c => c.Scheme));
        Assert.Equal("realm=\"partner feeds\"", none.Headers.WwwAuthenticate.Last().Parameter);
        var wrong = await PullAsync(reader, "partners/acme/feeds/category/harbour.rss", "acme", "not-the-password");
        var unknown = await PullAsync(reader, "partners/nobody/feeds/all.rss", "nobody", password);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Equal(await wrong.Content.ReadAsStringAsync(), await unknown.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, (await PullAsync(reader, "partners/acme/feeds/category/harbour.rss", "other", password)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PullAsync(reader, "partners/acme/feeds/all.rss", "acme", password)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PullAsync(reader, "partners/acme/feeds/category/politics.json", "acme", password)).StatusCode);

        var listed = Assert.Single((await admin.GetFromJsonAsync<JsonElement>("manage/partners")).EnumerateArray());
        Assert.Equal("Acme News", listed.GetProperty("name").GetString());
        Assert.Equal(2, listed.GetProperty("pullsPerDay").EnumerateObject().Single().Value.GetInt64());
        Assert.NotEqual(JsonValueKind.Null, listed.GetProperty("lastPull").ValueKind);
        Assert.False(listed.TryGetProperty("password", out var _) || listed.TryGetProperty("passwordHash", out var _));

        // Rotated: the old password stops at once, the new one works.
        var rotated = await admin.PostAsync("manage/partners/acme/rotate", null);
        Assert.Equal(HttpStatusCode.OK, rotated.StatusCode);
        var newPassword = await PasswordOf(rotated);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PullAsync(reader, "partners/acme/feeds/category/harbour.atom", "acme", password)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PullAsync(reader, "partners/acme/feeds/category/harbour.atom", "acme", newPassword)).StatusCode);

        // Deleted: nothing works, and it is gone from the list.
        Assert.Equal(HttpStatusCode.OK, (await admin.DeleteAsync("manage/partners/acme")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PullAsync(reader, "partners/acme/feeds/category/harbour.atom", "acme", newPassword)).StatusCode);
        Assert.Empty((await admin.GetFromJsonAsync<JsonElement>("manage/partners")).EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync("manage/partners/acme")).StatusCode);
    }

    [Fact]
    public async Task RepeatedFailuresAreAnswered429WithRetryAfter()
    {
        var (app, admin, reader) = await StartAsync("--Syndication:Partners:MaxFailures", "3", "--Syndication:Partners:LockoutSeconds", "120");
        await using var _ = app;
        var password = await PasswordOf(await admin.PostAsync("manage/partners", new StringContent("""{"id":"beta","feeds":["all"]}""")));
        Assert.Equal(HttpStatusCode.OK, (await PullAsync(reader, "partners/beta/feeds/all.rss", "beta", password)).StatusCode);
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await PullAsync(reader, "partners/beta/feeds/all.rss", "beta", "guess-" + i)).StatusCode);
        var throttled = await PullAsync(reader, "partners/beta/feeds/all.rss", "beta", "guess-4");
        Assert.Equal((HttpStatusCode)429, throttled.StatusCode);
        Assert.InRange(throttled.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, 120);
        Assert.Equal((HttpStatusCode)429, (await PullAsync(reader, "partners/beta/feeds/all.rss", "beta", "guess-5")).StatusCode); // this client is locked out
        Assert.Equal(HttpStatusCode.OK, (await PullAsync(reader, "partners/beta/feeds/all.rss", "beta", password)).StatusCode); // right credentials pass before any limit
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("feeds/all.rss")).StatusCode); // public feeds are not
    }

    [Theory]
    [InlineData("{nope", "not valid JSON")]
    [InlineData("[1,2]", "must be a JSON object")]
    [InlineData("""{"name":"No id","feeds":["all"]}""", "id is required")]
    [InlineData("""{"id":"Acme News","feeds":["all"]}""", "id must be lower-case letters")]
    [InlineData("""{"id":"acme--x-","feeds":["all"]}""", "id must be lower-case letters")]
    [InlineData("""{"id":"acme"}""", "feeds is required")]
    [InlineData("""{"id":"acme","feeds":["sports"]}""", "feeds must be a list")]
    [InlineData("""{"id":"acme","feeds":["all"],"limit":0}""", "limit must be a whole number")]
    [InlineData("""{"id":"acme","feeds":["all"],"password":"mine"}""", "unknown field 'password'")]
    public async Task MalformedPartnerRequestsAreAnswered400WithTheReason(string json, string reason)
    {
        var (app, admin, _) = await StartAsync();
        await using var __ = app;
        var response = await admin.PostAsync("manage/partners", new StringContent(json));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task OversizedPartnerRequestsAndUnkeyedCallsAreRefused()
    {
        var (app, admin, reader) = await StartAsync();
        await using var _ = app;
        var huge = await admin.PostAsync("manage/partners", new StringContent("{\"id\":\"acme\",\"name\":\"" + new string('x', 20_000) + "\",\"feeds\":[\"all\"]}"));
        Assert.Equal(HttpStatusCode.BadRequest, huge.StatusCode);
        Assert.Contains("over 16384 bytes", await huge.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, (await reader.PostAsync("manage/partners", new StringContent("""{"id":"acme","feeds":["all"]}"""))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await reader.GetAsync("manage/partners")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await reader.DeleteAsync("manage/partners/acme")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsync("manage/partners/Not_A_Slug/rotate", null)).StatusCode);
    }

    [Fact]
    public async Task APartnerFollowsItsOwnPagingLinksAndACursorWeDidNotIssueIs400()
    {
        var (app, admin, reader) = await StartAsync();
        await using var _ = app;
        var password = await PasswordOf(await admin.PostAsync("manage/partners", new StringContent("""{"id":"gamma","feeds":["all"],"limit":1}""")));

        var first = FeedParsers.Document(await (await PullAsync(reader, "partners/gamma/feeds/all.atom", "gamma", password)).Content.ReadAsByteArrayAsync());
        var next = FeedParsers.Link(first, "next")!;
        Assert.Contains("/api/partners/gamma/feeds/all.atom?after=", next.AbsoluteUri);
        var second = await PullAsync(reader, "partners/gamma/feeds/all.atom" + next.Query, "gamma", password);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Single(FeedParsers.Document(await second.Content.ReadAsByteArrayAsync()).Descendants(FeedParsers.Atom + "entry"));

        var madeUp = await PullAsync(reader, "partners/gamma/feeds/all.atom?after=9999999999999999999%7Cz1", "gamma", password);
        Assert.Equal(HttpStatusCode.BadRequest, madeUp.StatusCode);
        Assert.StartsWith("this cursor was not issued by this service", await madeUp.Content.ReadAsStringAsync());
    }
}
