using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Syndication.Tests.Support;

namespace Syndication.Tests.Partners;

// Profiles managed: changed over PATCH, refused when unknown, and what a platform would refuse, listed for the publisher.
public sealed partial class PartnerProfileTests
{
    [Fact]
    public async Task AProfileIsChangedOverPatchAndUnknownProfilesAreRefusedSayingWhichExist()
    {
        await using var site = await StartAsync();
        var password = await CreateAsync(site, "acme", "standard");
        var standard = await PullAsync(site, "acme", password);
        Assert.Null(standard.Doc.Root!.GetNamespaceOfPrefix("mi"));
        // A standard partner's items are the public feed's, byte for byte.
        var publicItems = Items(FeedParsers.Document(await site.Reader.GetByteArrayAsync("feeds/all.rss"))).Select(i => i.ToString());
        Assert.Equal(publicItems, Items(standard.Doc).Select(i => i.ToString()));

        var patched = await site.Admin.PatchAsync("manage/partners/acme", new StringContent("""{"profile":"msn"}"""));
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        Assert.NotNull((await PullAsync(site, "acme", password)).Doc.Root!.GetNamespaceOfPrefix("mi")); // at once, same password
        Assert.Equal("msn", (await site.Admin.GetFromJsonAsync<JsonElement>("manage/partners")).EnumerateArray().Single().GetProperty("profile").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await site.Admin.PatchAsync("manage/partners/nobody", new StringContent("""{"profile":"msn"}"""))).StatusCode);

        foreach (var (method, path, json) in new[]
        {
            (HttpMethod.Post, "manage/partners", """{"id":"beta","feeds":["all"],"profile":"google-news"}"""),
            (HttpMethod.Post, "manage/partners", """{"id":"beta","feeds":["all"],"profile":"MSN"}"""),
            (HttpMethod.Patch, "manage/partners/acme", """{"profile":"yahoo"}"""),
            (HttpMethod.Patch, "manage/partners/acme", """{"profile":7}"""),
        })
        {
            using var response = await site.Admin.SendAsync(new HttpRequestMessage(method, path) { Content = new StringContent(json) });
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("profile must be standard, msn, smartnews or flipboard", await response.Content.ReadAsStringAsync());
        }
        var extra = await site.Admin.PatchAsync("manage/partners/acme", new StringContent("""{"profile":"msn","limit":3}"""));
        Assert.Equal(HttpStatusCode.BadRequest, extra.StatusCode);
        Assert.Contains("unknown field 'limit'", await extra.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, (await site.Reader.PatchAsync("manage/partners/acme", new StringContent("""{"profile":"standard"}"""))).StatusCode);
        Assert.Equal("msn", (await site.Admin.GetFromJsonAsync<JsonElement>("manage/partners")).EnumerateArray().Single().GetProperty("profile").GetString());
    }

    [Fact]
    public async Task TheRejectionsListForAPlatformNamesWhatEachArticleLacksWhileItsPartnersStillGetTheItem()
    {
        await using var site = await StartAsync();

        var flipboard = (await site.Admin.GetFromJsonAsync<JsonElement>("manage/rejections?for=flipboard")).EnumerateArray().ToList();
        var brief = Assert.Single(flipboard, a => a.GetProperty("title").GetString() == "Gales expected overnight");
        var lacks = brief.GetProperty("lacks").EnumerateArray().Select(f => (f.GetProperty("rule").GetString(), f.GetProperty("outcome").GetString())).ToList();
        Assert.Equal([("a lead image", "Refused"), ("an author", "Downgraded"), ("body at least 300 characters", "Downgraded")], lacks);
        Assert.DoesNotContain(flipboard, a => a.GetProperty("title").GetString() == FerryTitle); // meets every rule
        var msn = (await site.Admin.GetFromJsonAsync<JsonElement>("manage/rejections?for=msn")).EnumerateArray().ToList();
        var harbour = Assert.Single(msn, a => a.GetProperty("title").GetString() == "Harbour reopens after three days of storms");
        Assert.Contains(harbour.GetProperty("lacks").EnumerateArray(), f => f.GetProperty("reason").GetString() == "published 2024-03-05, more than 365 days ago");

        var password = await CreateAsync(site, "flip-partner", "flipboard");
        Assert.NotNull(Item((await PullAsync(site, "flip-partner", password)).Doc, "Gales expected overnight")); // still listed
        Assert.Empty((await site.Admin.GetFromJsonAsync<JsonElement>("manage/rejections")).EnumerateArray()); // the blobs' list as before
        var unknown = await site.Admin.GetAsync("manage/rejections?for=yahoo");
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("standard, msn, smartnews or flipboard", await unknown.Content.ReadAsStringAsync());
    }
}
