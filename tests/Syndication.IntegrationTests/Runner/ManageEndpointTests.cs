using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Syndication.LocalRunner;
using Syndication.Tests.Support;

namespace Syndication.Tests.Runner;

/// <summary>Publishing, removing, listing and retrying over HTTP need the admin key, the webhook its own key; reading needs none.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ManageEndpointTests(AzuriteFixture azurite)
{
    private const string Key = "test-admin-key-0123456789";
    private const string WebhookKey = "test-webhook-key-0123456789";

    private async Task<(WebApplication App, HttpClient Http)> StartAsync(string? key = Key)
    {
        var id = Guid.NewGuid().ToString("N")[..12];
        string[] args =
        [
            "--urls", "http://127.0.0.1:0", "--AzureWebJobsStorage", azurite.ConnectionString,
            "--Syndication:Storage:ArticlesContainer", $"articles-{id}", "--Syndication:Storage:PublishedContainer", $"published-{id}",
            "--Syndication:Storage:Table", $"articles{id}", "--Syndication:WatchIntervalSeconds", "3600",
            .. key is null ? Array.Empty<string>() : ["--Syndication:AdminKey", key, "--Syndication:WebhookKey", WebhookKey],
        ];
        var app = RunnerApp.Build(args);
        await app.StartAsync();
        var address = app.Urls.First();
        return (app, new HttpClient { BaseAddress = new Uri(address + "/api/") });
    }

    [Fact]
    public async Task PublishingRemovingAndRejectionsNeedTheKeyAndWorkWithIt()
    {
        var (app, http) = await StartAsync();
        await using var _ = app;
        var document = new StringContent("---\ntitle: Over HTTP\npublished: 2024-05-01\n---\nBody.");

        Assert.Equal(HttpStatusCode.Unauthorized, (await http.PutAsync("manage/blobs/over-http.md", document)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.PutAsync("manage/blobs/over-http.md?code=wrong", document)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("manage/rejections")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.DeleteAsync("manage/articles/over-http")).StatusCode);

        http.DefaultRequestHeaders.Add("x-functions-key", Key);
        var put = await http.PutAsync("manage/blobs/over-http.md", document);
        Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        Assert.Equal("Published", (await put.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("result").GetString());
        Assert.Equal("Over HTTP", FeedParsers.Syndication(await http.GetByteArrayAsync("feeds/all.rss")).Items.Single().Title.Text);

        var bad = await http.PutAsync("manage/blobs/broken.json", new StringContent("{nope"));
        Assert.Equal("Rejected", (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("result").GetString());
        var rejections = await http.GetFromJsonAsync<JsonElement>("manage/rejections");
        var rejection = Assert.Single(rejections.EnumerateArray());
        Assert.Equal("broken.json", rejection.GetProperty("blobName").GetString());
        Assert.StartsWith("json:", rejection.GetProperty("reason").GetString());

        await http.PutAsync("manage/blobs/broken.json", new StringContent("{\"title\": \"Fixed\"}"));
        var retry = await http.PostAsync("manage/rejections/retry?blob=broken.json", null);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Empty((await http.GetFromJsonAsync<JsonElement>("manage/rejections")).EnumerateArray());

        Assert.Equal(HttpStatusCode.OK, (await http.DeleteAsync("manage/articles/over-http")).StatusCode);
        Assert.Equal(["Fixed"], FeedParsers.Syndication(await http.GetByteArrayAsync("feeds/all.rss")).Items.Select(i => i.Title.Text));
        Assert.Equal(HttpStatusCode.NotFound, (await http.DeleteAsync("manage/articles/over-http")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await http.PutAsync("manage/blobs/..%2Fescape.md", document)).StatusCode);
    }

    [Fact]
    public async Task TheWebhookKeyOpensOnlyTheWebhookAndTheAdminKeyOpensBoth()
    {
        var (app, http) = await StartAsync();
        await using var _ = app;
        foreach (var (function, method, path, body) in KeyMatrix.ManageRequests)
        {
            foreach (var key in new string?[] { null, "wrong", WebhookKey })
                Assert.True(KeyMatrix.Refused(await KeyMatrix.SendAsync(http, new Uri(http.BaseAddress!, path), method, body, key)), $"{function} opened with key '{key}'");
            var admitted = await KeyMatrix.SendAsync(http, new Uri(http.BaseAddress!, path), method, body, Key);
            Assert.False(KeyMatrix.Refused(admitted), $"{function} refused the admin key: {admitted}");
        }
        var webhook = new Uri(http.BaseAddress!, "events/blob-deleted");
        foreach (var key in new[] { WebhookKey, Key })
            Assert.Equal(HttpStatusCode.OK, await KeyMatrix.SendAsync(http, webhook, HttpMethod.Post, KeyMatrix.Validation, key, "SubscriptionValidation"));
        Assert.Equal(HttpStatusCode.Unauthorized, await KeyMatrix.SendAsync(http, webhook, HttpMethod.Post, KeyMatrix.Validation, "wrong", "SubscriptionValidation"));
    }

    [Fact]
    public async Task WithoutAConfiguredKeyManageEndpointsAreOffButReadingWorks()
    {
        var (app, http) = await StartAsync(key: null);
        await using var _ = app;
        Assert.Equal(HttpStatusCode.Forbidden, (await http.GetAsync("manage/rejections")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("feeds/all.rss")).StatusCode);
    }
}
