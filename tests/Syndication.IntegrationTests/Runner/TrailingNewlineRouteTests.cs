using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Syndication.LocalRunner;
using Syndication.Tests.Support;

namespace Syndication.Tests.Runner;

/// <summary>
/// A name with a trailing newline (%0A, which routing decodes into the route value) is never the name without it: every
/// route that takes a slug, file, rendition, feed or partner name answers 400 or 404 for it, over HTTP through the
/// local runner, while the same name without the newline answers 200.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class TrailingNewlineRouteTests(AzuriteFixture azurite)
{
    private const string Key = "test-admin-key-0123456789";

    [Fact]
    public async Task ANameWithATrailingNewlineAnswers400Or404OnEveryRouteThatTakesOne()
    {
        var id = Guid.NewGuid().ToString("N")[..12];
        await using var app = RunnerApp.Build(
        [
            "--urls", "http://127.0.0.1:0", "--AzureWebJobsStorage", azurite.ConnectionString,
            "--Syndication:Storage:ArticlesContainer", $"articles-{id}", "--Syndication:Storage:PublishedContainer", $"published-{id}",
            "--Syndication:Storage:Table", $"articles{id}", "--Syndication:WatchIntervalSeconds", "3600", "--Syndication:AdminKey", Key,
        ]);
        await app.StartAsync();
        var address = new Uri(app.Urls.First() + "/api/");
        using var admin = new HttpClient { BaseAddress = address };
        admin.DefaultRequestHeaders.Add("x-functions-key", Key);
        using var reader = new HttpClient { BaseAddress = address };
        var image = await File.ReadAllBytesAsync(Repo.Samples(Repo.SampleSlug, "photo-1.jpg"));
        Assert.Equal(HttpStatusCode.Created, (await admin.PutAsync("manage/blobs/harbour/lead.jpg", new ByteArrayContent(image))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await admin.PutAsync("manage/blobs/harbour.md",
            new StringContent("---\ntitle: Harbour\ncategories: [Harbour]\nimages:\n  - file: lead.jpg\n    caption: Boats\n---\nBody.\n"))).StatusCode);
        var created = await admin.PostAsync("manage/partners", new StringContent("""{"id":"acme","feeds":["all"]}"""));
        var password = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("password").GetString()!;
        var basic = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("acme:" + password)));
        var feed = JsonDocument.Parse(await reader.GetByteArrayAsync("feeds/all.json")).RootElement;
        var rendition = new Uri(feed.GetProperty("items")[0].GetProperty("image").GetString()!).AbsolutePath.Split('/')[^1];

        async Task<HttpStatusCode> SendAsync(HttpClient http, HttpMethod method, string path, bool partner = false)
        {
            using var request = new HttpRequestMessage(method, path);
            if (partner) request.Headers.Authorization = basic;
            if (method == HttpMethod.Put) request.Content = new StringContent("---\ntitle: Harbour\n---\nBody.\n");
            return (await http.SendAsync(request)).StatusCode;
        }

        // A partner id with a newline is not the partner whose credentials are sent: refused as unknown, never served.
        Assert.Equal(HttpStatusCode.Unauthorized, await SendAsync(reader, HttpMethod.Get, "partners/acme%0A/feeds/all.rss", partner: true));

        // Each route: the name that exists (200, 201 for a put), after the same name with "\n" after one of its parts: 400 where
        // a pattern checks the name (before any storage call), 404 where it names no feed or file format we have.
        (HttpClient Http, HttpMethod Method, string Good, (string Path, int Status)[] Bad, bool Partner)[] routes =
        [
            (reader, HttpMethod.Get, "articles/harbour", [("articles/harbour%0A", 400)], false),
            (reader, HttpMethod.Get, "images/harbour/lead.jpg", [("images/harbour%0A/lead.jpg", 400), ("images/harbour/lead.jpg%0A", 400)], false),
            (reader, HttpMethod.Get, $"images/harbour/renditions/{rendition}",
                [($"images/harbour%0A/renditions/{rendition}", 400), ($"images/harbour/renditions/{rendition}%0A", 400)], false),
            (reader, HttpMethod.Get, "feeds/all.rss", [("feeds/all.rss%0A", 404)], false),
            (reader, HttpMethod.Get, "feeds/category/harbour.rss",
                [("feeds/category/harbour.rss%0A", 404), ("feeds/category/harbour%0A.rss", 400), ("feeds/category%0A/harbour.rss", 404)], false),
            (reader, HttpMethod.Get, "sitemaps/articles.xml", [("sitemaps/articles.xml%0A", 404)], false),
            (reader, HttpMethod.Get, "partners/acme/feeds/all.rss", [("partners/acme/feeds/all.rss%0A", 404)], true),
            (reader, HttpMethod.Get, "partners/acme/feeds/category/harbour.rss",
                [("partners/acme/feeds/category/harbour.rss%0A", 404), ("partners/acme/feeds/category/harbour%0A.rss", 404)], true),
            (admin, HttpMethod.Post, "manage/partners/acme/rotate", [("manage/partners/acme%0A/rotate", 400)], false),
            (admin, HttpMethod.Delete, "manage/partners/acme", [("manage/partners/acme%0A", 400)], false),
            (admin, HttpMethod.Delete, "manage/articles/harbour", [("manage/articles/harbour%0A", 400)], false),
            (admin, HttpMethod.Put, "manage/blobs/harbour.md", [("manage/blobs/harbour.md%0A", 400), ("manage/blobs/harbour%0A.md", 400)], false),
        ];
        foreach (var (http, method, good, bad, partner) in routes)
        {
            foreach (var (path, status) in bad)
                Assert.True((int)await SendAsync(http, method, path, partner) == status, $"{method} {path}: not {status}");
            Assert.True((await SendAsync(http, method, good, partner)) is HttpStatusCode.OK or HttpStatusCode.Created, $"{method} {good}");
        }
    }
}
