using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Microsoft.AspNetCore.Builder;
using Syndication.LocalRunner;
using Syndication.Tests.Conformance;
using Syndication.Tests.Images;
using Syndication.Tests.Support;
using Xunit.Abstractions;

namespace Syndication.Tests.Partners;

/// <summary>
/// Partner profiles over HTTP through the local runner on Azurite: a partner created with a profile over the manage
/// API, its feed pulled with its credentials and read back element by element (notes: ../shared/notes/partner-specs.md),
/// by the W3C validator's rules and by feedparser; MSN's takedown; a profile changed; unknown profiles refused.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed partial class PartnerProfileTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private const string Key = "test-admin-key-0123456789";
    private static readonly XNamespace Mi = "http://schemas.ingestion.microsoft.com/common/", Dcterms = "http://purl.org/dc/terms/",
        Snf = "http://www.smartnews.be/snf", Content = "http://purl.org/rss/1.0/modules/content/";
    private const string FerryTitle = "Ferries return to every island on the winter timetable from Monday";

    private sealed record Site(WebApplication App, HttpClient Admin, HttpClient Reader) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => App.DisposeAsync();
    }

    // The runner on its own table and containers, with four articles: the harbour sample (a 1600x900 JPEG and a GIF),
    // a ferry story with a short title and a 1600x900 JPEG, a brief without images, and the budget vote (a WebP).
    private async Task<Site> StartAsync()
    {
        var id = Guid.NewGuid().ToString("N")[..12];
        var app = RunnerApp.Build([
            "--urls", "http://127.0.0.1:0", "--AzureWebJobsStorage", azurite.ConnectionString,
            "--Syndication:Storage:ArticlesContainer", $"articles-{id}", "--Syndication:Storage:PublishedContainer", $"published-{id}",
            "--Syndication:Storage:Table", $"articles{id}", "--Syndication:WatchIntervalSeconds", "3600", "--Syndication:AdminKey", Key,
        ]);
        await app.StartAsync();
        var address = new Uri(app.Urls.First() + "/api/");
        var admin = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromMinutes(2) };
        admin.DefaultRequestHeaders.Add("x-functions-key", Key);
        var today = DateTimeOffset.UtcNow.AddHours(-2).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        var uploads = new (string Path, byte[] Bytes)[]
        {
            ("harbour-reopens/boats.jpg", File.ReadAllBytes(Repo.Samples("harbour-reopens", "boats.jpg"))),
            ("harbour-reopens/quay.gif", File.ReadAllBytes(Repo.Samples("harbour-reopens", "quay.gif"))),
            ("harbour-reopens.md", File.ReadAllBytes(Repo.Samples("harbour-reopens.md"))),
            ("city-budget-vote/chamber.webp", File.ReadAllBytes(Repo.Samples("city-budget-vote", "chamber.webp"))),
            ("city-budget-vote.json", File.ReadAllBytes(Repo.Samples("city-budget-vote.json"))),
            ("ferry-timetable/deck.jpg", TestImages.Jpeg(1600, 900)),
            ("ferry-timetable.md", Encoding.UTF8.GetBytes($"---\ntitle: {FerryTitle}\nshortTitle: Ferries return to every island\nauthors: [Ana Lima]\n"
                + $"categories: [Local]\npublished: {today}\nupdated: {today}\n---\n![The deck](deck.jpg)\n\n{string.Concat(Enumerable.Repeat("The winter timetable starts on Monday. ", 20))}\n")),
            ("weather-brief.md", Encoding.UTF8.GetBytes($"---\ntitle: Gales expected overnight\npublished: {today}\n---\nGales of 90 km/h from the west.\n")),
        };
        foreach (var (path, bytes) in uploads)
            Assert.Equal(HttpStatusCode.Created, (await admin.PutAsync($"manage/blobs/{path}", new ByteArrayContent(bytes))).StatusCode);
        return new Site(app, admin, new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromMinutes(2) });
    }

    private static async Task<string> CreateAsync(Site site, string id, string profile)
    {
        var created = await site.Admin.PostAsync("manage/partners", new StringContent($$"""{"id":"{{id}}","feeds":["all"],"profile":"{{profile}}"}"""));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(profile, body.GetProperty("profile").GetString());
        return body.GetProperty("password").GetString()!;
    }

    private async Task<(byte[] Body, string ContentType, XDocument Doc)> PullAsync(Site site, string id, string password, string file = "all.rss")
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"partners/{id}/feeds/{file}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{id}:{password}")));
        using var response = await site.Reader.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsByteArrayAsync();
        output.WriteLine($"GET partners/{id}/feeds/{file}: {body.Length:N0} bytes\n{Encoding.UTF8.GetString(body)}");
        return (body, response.Content.Headers.ContentType!.ToString(), FeedParsers.Document(body));
    }

    private static List<XElement> Items(XDocument doc) => doc.Root!.Element("channel")!.Elements("item").ToList();

    private static XElement Item(XDocument doc, string title) => Items(doc).Single(i => i.Element("title")?.Value == title);

    // The W3C validator's rules: nothing but its UnknownNamespace warning for the platform's own namespace, which it
    // does not know (and whose elements it then accepts unchecked); feedparser reads it without bozo.
    private async Task AssertValidAsync(Site site, string id, (byte[] Body, string ContentType, XDocument Doc) feed, params string[] platformNamespaces)
    {
        var problems = W3cFeedRules.Rss(feed.Doc, new Uri(site.Reader.BaseAddress!, $"partners/{id}/feeds/all.rss").AbsoluteUri);
        Assert.Equal(platformNamespaces.Select(ns => $"UnknownNamespace: {ns}"), problems);
        var parsed = await ExternalValidators.FeedparserAsync(feed.Body, feed.ContentType);
        IndependentParserTests.AssertNoBozo(parsed);
        Assert.Equal("rss20", parsed.GetProperty("version").GetString());
        Assert.Equal(Items(feed.Doc).Count, IndependentParserTests.Entries(parsed).Count);
    }

    [NeedsValidatorsFact]
    public async Task AnMsnPartnersFeedHasEveryElementMsnAsksForAndPassesTheValidatorAndFeedparser()
    {
        await using var site = await StartAsync();
        var password = await CreateAsync(site, "msn-partner", "msn");
        var feed = await PullAsync(site, "msn-partner", password);

        Assert.Equal(Mi.NamespaceName, feed.Doc.Root!.GetNamespaceOfPrefix("mi")?.NamespaceName);
        Assert.Equal(Dcterms.NamespaceName, feed.Doc.Root.GetNamespaceOfPrefix("dcterms")?.NamespaceName);
        Assert.Equal(4, Items(feed.Doc).Count);
        foreach (var item in Items(feed.Doc))
        {
            Assert.StartsWith("urn:uuid:", item.Element("guid")!.Value);
            Assert.NotEmpty(item.Element("title")!.Value);
            DateTimeOffset.Parse(item.Element("pubDate")!.Value, CultureInfo.InvariantCulture);
            Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", item.Element(Dcterms + "modified")!.Value);
            Assert.Empty(item.Descendants(FeedParsers.Media + "group"));
        }
        var ferry = Item(feed.Doc, FerryTitle);
        Assert.Equal("Ferries return to every island", ferry.Element(Mi + "shortTitle")!.Value);
        var html = (ferry.Element(Content + "encoded") ?? ferry.Element("description"))!.Value; // no summary: the body is the description
        Assert.Contains("The winter timetable starts on Monday.", html);
        var lead = ferry.Elements(FeedParsers.Media + "content").Single();
        Assert.Equal(("true", "1600", "900"), ((string)lead.Attribute("isDefault")!, (string)lead.Attribute("width")!, (string)lead.Attribute("height")!));
        Assert.Contains($"<img class=\"type:primaryImage\" src=\"{(string)lead.Attribute("url")!}\"", html);
        Assert.Null(Item(feed.Doc, "Gales expected overnight").Element(Mi + "shortTitle"));
        await AssertValidAsync(site, "msn-partner", feed, $"mi='{Mi.NamespaceName}'");

        var listed = (await site.Admin.GetFromJsonAsync<JsonElement>("manage/partners")).EnumerateArray().Single();
        Assert.Equal("msn", listed.GetProperty("profile").GetString());
    }

    [NeedsValidatorsFact]
    public async Task AnArticleDeletedLeavesTheMsnFeedOnlyAsAnExpiredItemWithANewerModifiedDate()
    {
        await using var site = await StartAsync();
        var password = await CreateAsync(site, "msn-partner", "msn");
        var before = Item((await PullAsync(site, "msn-partner", password)).Doc, FerryTitle);
        var (guid, modified) = (before.Element("guid")!.Value, DateTimeOffset.Parse(before.Element(Dcterms + "modified")!.Value, CultureInfo.InvariantCulture));
        var published = before.Element("pubDate")!.Value;

        Assert.Equal(HttpStatusCode.OK, (await site.Admin.DeleteAsync("manage/articles/ferry-timetable")).StatusCode);
        var after = await PullAsync(site, "msn-partner", password);

        var withdrawn = Items(after.Doc).Single(i => i.Element("guid")!.Value == guid);
        // The title and date it had: MSN requires both of every item, a withdrawn one included.
        Assert.Equal(FerryTitle, withdrawn.Element("title")!.Value);
        Assert.Equal(published, withdrawn.Element("pubDate")!.Value);
        Assert.EndsWith("/api/articles/ferry-timetable", withdrawn.Element("link")!.Value);
        var expires = DateTimeOffset.Parse(withdrawn.Element(Mi + "expirationDate")!.Value, CultureInfo.InvariantCulture);
        var newer = DateTimeOffset.Parse(withdrawn.Element(Dcterms + "modified")!.Value, CultureInfo.InvariantCulture);
        Assert.True(expires <= DateTimeOffset.UtcNow, $"expires {expires:O} is not in the past");
        Assert.True(newer > modified, $"modified {newer:O} is not newer than {modified:O}");
        output.WriteLine($"withdrawn: guid {guid}, dcterms:modified {modified:O} -> {newer:O}, mi:expirationDate {expires:O}");
        Assert.Equal(4, Items(after.Doc).Count); // three live, one withdrawn
        await AssertValidAsync(site, "msn-partner", after, $"mi='{Mi.NamespaceName}'");
        // The public RSS and a standard partner's carry no trace of it.
        Assert.DoesNotContain(guid, await site.Reader.GetStringAsync("feeds/all.rss"));
    }

    [NeedsValidatorsFact]
    public async Task ASmartNewsPartnersFeedHasTheRequiredChannelElementsOurOwnLogoAndThumbnailsFromTheRenditions()
    {
        await using var site = await StartAsync();
        var password = await CreateAsync(site, "sn-partner", "smartnews");
        var feed = await PullAsync(site, "sn-partner", password);

        var channel = feed.Doc.Root!.Element("channel")!;
        foreach (var name in new[] { "title", "link", "description", "pubDate", "language" })
            Assert.False(string.IsNullOrWhiteSpace(channel.Element(name)?.Value), $"channel/{name}");
        foreach (var (name, file) in new[] { ("logo", "logo.png"), ("darkModeLogo", "logo-dark.png") })
        {
            var url = new Uri(channel.Element(Snf + name)!.Element("url")!.Value);
            Assert.EndsWith("/api/feeds/" + file, url.AbsoluteUri);
            using var logo = await site.Reader.GetAsync(url);
            Assert.Equal(("image/png", (600, 100)), (logo.Content.Headers.ContentType!.MediaType, Png(await logo.Content.ReadAsByteArrayAsync())));
        }
        var thumbnail = Item(feed.Doc, FerryTitle).Element(FeedParsers.Media + "thumbnail")!;
        Assert.Contains("/renditions/", (string)thumbnail.Attribute("url")!);
        Assert.Equal(("640", "360"), ((string)thumbnail.Attribute("width")!, (string)thumbnail.Attribute("height")!));
        Assert.Null(Item(feed.Doc, "Gales expected overnight").Element(FeedParsers.Media + "thumbnail"));
        await AssertValidAsync(site, "sn-partner", feed, $"snf='{Snf.NamespaceName}'");
    }

    [NeedsValidatorsFact]
    public async Task AFlipboardPartnersFeedEnclosesA500PixelImageKeepsBylinesAndCategoriesAndHoldsAtLeast30Items()
    {
        await using var site = await StartAsync();
        for (var i = 0; i < 28; i++)
            Assert.Equal(HttpStatusCode.Created, (await site.Admin.PutAsync($"manage/blobs/brief-{i:D2}.md",
                new StringContent($"---\ntitle: Brief number {i}\nauthors: [Ben Okafor]\n---\nBody {i}.\n"))).StatusCode);
        var created = await site.Admin.PostAsync("manage/partners", new StringContent("""{"id":"flip-partner","feeds":["all"],"limit":5,"profile":"flipboard"}"""));
        var password = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("password").GetString()!;
        var feed = await PullAsync(site, "flip-partner", password);

        Assert.Equal(30, Items(feed.Doc).Count); // 32 in the archive; the partner's limit of 5 raised to 30
        var ferry = Item(feed.Doc, FerryTitle);
        var enclosure = ferry.Element("enclosure")!;
        Assert.Contains("/renditions/", (string)enclosure.Attribute("url")!);
        using var image = await site.Reader.GetAsync((string)enclosure.Attribute("url")!);
        var (width, height, _) = TestImages.Decode(await image.Content.ReadAsByteArrayAsync());
        Assert.True(Math.Min(width, height) >= 500, $"{width}x{height}");
        Assert.Equal("image/jpeg", (string)enclosure.Attribute("type")!);
        Assert.Equal(["Ana Lima"], ferry.Elements(FeedParsers.Dc + "creator").Select(c => c.Value));
        Assert.Equal(["Local"], ferry.Elements("category").Select(c => c.Value));
        Assert.Null(Item(feed.Doc, "Gales expected overnight").Element("enclosure")); // no image: still listed, without one
        await AssertValidAsync(site, "flip-partner", feed);
    }

    // A PNG's size, decoded.
    private static (int, int) Png(byte[] png)
    {
        var (width, height, format) = TestImages.Decode(png);
        return format == SkiaSharp.SKEncodedImageFormat.Png ? (width, height) : (-1, -1);
    }
}
