using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Syndication.Tests.Support;

namespace Syndication.Tests.FunctionsHost;

/// <summary>Every function the Worker SDK generated into functions.metadata runs at least once under our host.</summary>
public sealed class FunctionCoverageTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private readonly HostProcess host = fixture.Host;
    private readonly HttpClient http = new();

    [Fact]
    public async Task EveryFunctionInFunctionsMetadataIsInvokedSuccessfully()
    {
        var functions = (JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(HostProcess.ScriptRoot, "functions.metadata"))) as JsonArray)!
            .Select(f => f!["name"]!.ToString()).ToHashSet();
        const string slug = "coverage";
        var partnerPassword = "";
        var calls = new Dictionary<string, Func<Task>>
        {
            ["IngestArticle"] = async () =>
            {
                await host.Articles.CreateIfNotExistsAsync();
                await host.Articles.GetBlobClient($"{slug}/photo-1.jpg").UploadAsync(Repo.Samples(Repo.SampleSlug, "photo-1.jpg"), overwrite: true);
                await host.Articles.GetBlobClient($"{slug}.md").UploadAsync(BinaryData.FromString("---\ntitle: Coverage\ncategories: [Checks]\n---\nEvery function.\n"), overwrite: true);
                Assert.Equal(HttpStatusCode.Accepted, (await host.PostBlobEventsAsync(http, "Microsoft.Storage.BlobCreated", $"{slug}.md", $"{slug}/photo-1.jpg")).StatusCode);
                await WaitAsync(async () => (await http.GetStringAsync(host.Api("feeds/all.json"))).Contains("Coverage"));
            },
            ["GetFeed"] = () => Get("feeds/all.atom"),
            ["GetFilteredFeed"] = () => Get("feeds/category/checks.rss"),
            ["GetArticlePage"] = () => Get($"articles/{slug}"),
            ["GetImage"] = () => Get($"images/{slug}/photo-1.jpg"),
            ["GetIndex"] = () => Get(""),
            ["GetSitemap"] = () => Get("sitemaps/news.xml"),
            ["GetRendition"] = async () =>
            {
                var feed = System.Text.Json.Nodes.JsonNode.Parse(await http.GetStringAsync(host.Api("feeds/all.json")))!;
                var banner = new Uri((string)feed["items"]!.AsArray().First(i => ((string?)i!["image"])?.Contains("/renditions/") == true)!["image"]!);
                Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(host.Api(banner.AbsolutePath[(banner.AbsolutePath.IndexOf("/api/") + 5)..]))).StatusCode);
            },
            ["GetOpml"] = () => Get("feeds.opml"),
            ["GetHealth"] = () => Get("health"),
            ["CreatePartner"] = async () =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, host.Api("manage/partners"))
                    { Content = new StringContent("""{"id":"coverage","feeds":["all"]}""") };
                request.Headers.Add("x-functions-key", HostProcess.Key);
                var reply = await http.SendAsync(request);
                Assert.Equal(HttpStatusCode.Created, reply.StatusCode);
                partnerPassword = JsonNode.Parse(await reply.Content.ReadAsStringAsync())!["password"]!.ToString();
            },
            ["GetPartnerFeed"] = () => GetAsPartner("partners/coverage/feeds/all.atom", partnerPassword),
            ["UpdatePartner"] = () => Send(HttpMethod.Patch, "manage/partners/coverage", """{"profile":"msn"}"""), // its RSS below is MSN's
            ["GetPartnerFilteredFeed"] = () => GetAsPartner("partners/coverage/feeds/category/checks.rss", partnerPassword),
            ["IssuePartnerToken"] = async () =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, host.Api("partners/token"))
                    { Content = new FormUrlEncodedContent([new("grant_type", "client_credentials"), new("client_id", "coverage"), new("client_secret", partnerPassword)]) };
                var reply = await http.SendAsync(request);
                Assert.True(reply.StatusCode is HttpStatusCode.OK, $"POST partners/token: {(int)reply.StatusCode} {await reply.Content.ReadAsStringAsync()}");
            },
            ["ListPartners"] = () => Get("manage/partners?code=" + HostProcess.Key),
            ["RotatePartner"] = () => Send(HttpMethod.Post, "manage/partners/coverage/rotate", ""),
            ["DeletePartner"] = () => Send(HttpMethod.Delete, "manage/partners/coverage", null),
            ["ListRejections"] = () => Get("manage/rejections?code=" + HostProcess.Key),
            ["PutArticleBlob"] = () => Send(HttpMethod.Put, "manage/blobs/coverage-put.md", "---\ntitle: Put\n---\nBody.\n"),
            ["RetryRejection"] = () => Send(HttpMethod.Post, "manage/rejections/retry?blob=coverage-put.md", ""),
            ["DeleteArticle"] = () => Send(HttpMethod.Delete, "manage/articles/coverage-put", null),
            ["HandleBlobDeleted"] = async () =>
            {
                await host.Articles.DeleteBlobAsync($"{slug}.md");
                var reply = await host.PostEventsAsync(http, host.Api("events/blob-deleted?code=" + HostProcess.Key), "Microsoft.Storage.BlobDeleted", $"{slug}.md");
                Assert.Equal(HttpStatusCode.OK, reply.StatusCode);
            },
            ["GetWebFinger"] = async () => Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri(host.BaseUrl,
                $".well-known/webfinger?resource=acct:news@{host.BaseUrl.Authority}"))).StatusCode), // at the root: host.json's routePrefix is ""
            ["GetActor"] = () => Get("fediverse/actor"),
            ["GetOutbox"] = () => Get("fediverse/outbox?page=true"),
            ["GetFollowers"] = () => Get("fediverse/followers"),
            ["PostInbox"] = async () => Assert.Equal(HttpStatusCode.Unauthorized, (await http.PostAsync(host.Api("fediverse/inbox"),
                new StringContent("""{"type":"Follow"}"""))).StatusCode), // unsigned: refused, and the function ran
            ["DeliverActivity"] = async () => Assert.Equal(HttpStatusCode.Accepted, (await host.InvokeAsync(http, "DeliverActivity",
                """{"Kind":"fanout","Type":"Create","Slug":"coverage","Version":"v"}""")).StatusCode),
            ["ReconcileArticles"] = async () => Assert.Equal(HttpStatusCode.Accepted, (await host.InvokeAsync(http, "ReconcileArticles")).StatusCode),
            ["RecordPoisonBlob"] = async () => Assert.Equal(HttpStatusCode.Accepted, (await host.InvokeAsync(http, "RecordPoisonBlob",
                """{"Type":"BlobTrigger","FunctionId":"Host.Functions.IngestArticle","BlobType":"BlockBlob","ContainerName":"articles","BlobName":"coverage-poison.md","ETag":"\"0x1\""}""")).StatusCode),
        };
        Assert.True(functions.SetEquals(calls.Keys),
            $"functions without a call in this test: {string.Join(", ", functions.Except(calls.Keys))}; calls for functions that do not exist: {string.Join(", ", calls.Keys.Except(functions))}");

        foreach (var call in calls.Values) await call();
        await WaitAsync(() => Task.FromResult(functions.IsSubsetOf(host.Succeeded())));
        var missing = functions.Except(host.Succeeded()).Order().ToArray();
        Assert.True(missing.Length == 0, $"never executed successfully under the host: {string.Join(", ", missing)}");
    }

    private async Task Get(string path)
    {
        var reply = await http.GetAsync(host.Api(path));
        Assert.True(reply.StatusCode is HttpStatusCode.OK, $"GET {path}: {(int)reply.StatusCode}");
    }

    private async Task GetAsPartner(string path, string password)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, host.Api(path));
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("coverage:" + password)));
        var reply = await http.SendAsync(request);
        Assert.True(reply.StatusCode is HttpStatusCode.OK, $"GET {path} as a partner: {(int)reply.StatusCode}");
    }

    private async Task Send(HttpMethod method, string path, string? body)
    {
        using var request = new HttpRequestMessage(method, host.Api(path)) { Content = body is null ? null : new StringContent(body) };
        request.Headers.Add("x-functions-key", HostProcess.Key);
        var reply = await http.SendAsync(request);
        Assert.True(reply.IsSuccessStatusCode, $"{method} {path}: {(int)reply.StatusCode} {await reply.Content.ReadAsStringAsync()}");
    }

    private static async Task WaitAsync(Func<Task<bool>> done)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(30) && !await done()) await Task.Delay(100);
    }
}
