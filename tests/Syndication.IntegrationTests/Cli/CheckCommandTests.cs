using Syndication.Tests.Support;

namespace Syndication.Tests.Cli;

/// <summary><c>syndication check</c>: what readers will see, worked out without storage.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class CheckCommandTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task CheckPrintsTheSampleArticleAsReadersWillSeeIt()
    {
        var result = await new CliRun(azurite).RunAsync("check", Repo.Samples("harbour-reopens.md"));

        Assert.Equal(0, result.Exit);
        Assert.Contains("title       Harbour reopens after three days of storms", result.Out);
        Assert.Contains("summary     Ferries and fishing boats returned on Tuesday", result.Out);
        Assert.Contains("byline      By Ana Lima and Ben Okafor", result.Out);
        Assert.Contains("categories  Local, Weather", result.Out);
        Assert.Contains("tags        storms, harbour, ferries", result.Out);
        Assert.Contains("date        2024-03-05 08:30 UTC, from the document's date field", result.Out);
        Assert.Matches(@"1\. boats\.jpg +image/jpeg, 1600x900 pixels, 66,450 bytes", result.Out);
        Assert.Matches(@"caption +Storm damage on the north quay, seen from the pilot station\.", result.Out);
        Assert.Matches(@"pairs with +reference 2: quay\.gif", result.Out);
        Assert.Contains("would be published as harbour-reopens, no warnings", result.Out);
        Assert.Equal("", result.Error);
    }

    [Fact]
    public async Task CheckOfASavedPageNamesThePrecedenceRowsBehindItsHeadlineBylineAndDate()
    {
        var folder = CliRun.Folder(("harbour.html", CliRun.Text("""
            <!doctype html><html lang=en><head><meta charset=utf-8><title>Harbour reopens | Harbour Times</title>
            <script type="application/ld+json">//<![CDATA[
            {"@type":"NewsArticle","headline":"Harbour reopens","datePublished":"2024-03-05T08:30:00Z","author":{"@type":"Person","name":"Ana Lima"}}
            //]]></script></head><body><article><h1>Harbour reopens</h1>
            <p>The harbour reopened on Tuesday after three days of repairs to the breakwater, and the first ferries left on time.</p>
            </article></body></html>
            """)));

        var result = await new CliRun(azurite).RunAsync("check", Path.Combine(folder, "harbour.html"));

        Assert.Contains("byline      By Ana Lima", result.Out);
        Assert.Matches(@"decided by +headline\.visible-same-words-as-metadata, byline\.jsonld-person, published\.jsonld", result.Out);
        var json = await new CliRun(azurite).RunAsync("check", "--json", Path.Combine(folder, "harbour.html"));
        Assert.Equal("byline.jsonld-person", json.Json[0].GetProperty("decidedBy").GetProperty("byline").GetString());
    }

    [Fact]
    public async Task CheckReadsZonelessTimesInTheConfiguredZoneOrTheOneTimeZoneGivesAndRefusesAnUnknownOne()
    {
        var folder = CliRun.Folder(("harbour.md", CliRun.Text("---\ntitle: Harbour reopens\ndate: 2024-07-01 09:00\n---\nThe harbour reopened.\n")));
        var path = Path.Combine(folder, "harbour.md");

        var configured = await new CliRun(azurite, new Dictionary<string, string?> { ["Syndication:TimeZone"] = "America/New_York" }).RunAsync("check", path);
        Assert.Contains("date        2024-07-01 13:00 UTC, from the document's date field", configured.Out);
        var option = await new CliRun(azurite, new Dictionary<string, string?> { ["Syndication:TimeZone"] = "America/New_York" }).RunAsync("check", "--time-zone", "Asia/Tokyo", path);
        Assert.Contains("date        2024-07-01 00:00 UTC, from the document's date field", option.Out);
        Assert.Contains("date        2024-07-01 09:00 UTC", (await new CliRun(azurite).RunAsync("check", path)).Out);
        var unknown = await new CliRun(azurite).RunAsync("check", "--time-zone", "Mars/Olympus_Mons", path);
        Assert.NotEqual(0, unknown.Exit);
        Assert.Contains("--time-zone 'Mars/Olympus_Mons' is not a time zone we know", unknown.Error + unknown.Out);
    }

    [Fact]
    public async Task CheckAsJsonGivesEveryFieldAndWhereTheDateCameFrom()
    {
        var result = await new CliRun(azurite).RunAsync("check", "--json", Repo.Samples("harbour-reopens.md"), Repo.Samples(Repo.SampleSlug + ".txt"));

        var (markdown, text) = (result.Json[0], result.Json[1]);
        Assert.Equal("harbour-reopens", markdown.GetProperty("slug").GetString());
        Assert.Equal(["Ana Lima", "Ben Okafor"], markdown.GetProperty("authors").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal("Field", markdown.GetProperty("dateSource").GetString());
        Assert.Equal(DateTimeOffset.Parse("2024-03-05T08:30:00Z"), markdown.GetProperty("published").GetDateTimeOffset());
        var gif = markdown.GetProperty("images")[1];
        Assert.Equal(("image/gif", 640, 360, "Port Authority"), (gif.GetProperty("contentType").GetString(), gif.GetProperty("width").GetInt32(),
            gif.GetProperty("height").GetInt32(), gif.GetProperty("credit").GetString()));
        Assert.Equal("Text", text.GetProperty("dateSource").GetString());
        Assert.Equal("reference 1: a caption without a file name, paired in name order", text.GetProperty("images")[0].GetProperty("pairsWith").GetString());
        Assert.Equal(JsonValueKindNull, text.GetProperty("rejection").ValueKind);
    }

    [Fact]
    public async Task CheckWarnsOfUnreferencedImagesCaptionsWithoutImagesTitleMarkupAndFutureDates()
    {
        var png = await File.ReadAllBytesAsync(Repo.Samples(Repo.SampleSlug, "photo-2.png"));
        var folder = CliRun.Folder(
            ("embargo.md", CliRun.Text("---\ntitle: \"**Big** news\"\npublished: 2099-01-01T00:00:00Z\nimages:\n  - file: missing.jpg\n    caption: A picture nobody uploaded\n---\nBody.")),
            ("embargo/extra.png", png),
            ("embargo/notes.txt", CliRun.Text("not an image")),
            ("undated.txt", CliRun.Text("A headline with no date\n\nThe body says nothing about when.")));

        var result = await new CliRun(azurite).RunAsync("check", "--json", folder);

        Assert.Equal(0, result.Exit);
        var embargo = result.Json[0];
        var warnings = embargo.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()!).ToList();
        Assert.Contains(warnings, w => w.StartsWith("image not referenced: embargo/extra.png"));
        Assert.Contains(warnings, w => w.StartsWith("caption with no image: reference 1: missing.jpg"));
        Assert.Contains(warnings, w => w.StartsWith("title holds markup that readers will see as typed: \"**Big** news\""));
        Assert.Contains(warnings, w => w.StartsWith("future date: 2099-01-01 00:00 UTC is in the future (an embargo?)"));
        Assert.Contains(warnings, w => w.StartsWith("not published: embargo/notes.txt"));
        Assert.Equal(("NotBelieved", JsonValueKindNull), (embargo.GetProperty("dateSource").GetString(), embargo.GetProperty("published").ValueKind));
        var undated = result.Json[1];
        Assert.Equal("not stated: the upload time will be used", undated.GetProperty("dateNote").GetString());
    }

    [Fact]
    public async Task AnOversizeOrUnreadableFileWouldBeRejectedAndTheExitSaysSo()
    {
        var folder = CliRun.Folder(("long.md", CliRun.Text("---\ntitle: Long\n---\n" + new string('x', 500))),
            ("broken.json", CliRun.Text("{nope")), ("pictured.md", CliRun.Text("# Pictured\n\nBody.")), ("pictured/fake.jpg", CliRun.Text("not a jpeg")));

        var result = await new CliRun(azurite, new Dictionary<string, string?> { ["Syndication:MaxDocumentBytes"] = "300" }).RunAsync("check", folder);

        Assert.Equal(1, result.Exit);
        Assert.Contains("would be rejected  json: the document is not valid JSON", result.Out);
        Assert.Contains("warning  oversize file: long.md is 520 bytes, over the 300-byte limit", result.Out);
        Assert.Contains("would be rejected  document: 520 bytes is over the 300-byte limit", result.Out);
        Assert.Contains("image would be left out and rejected  fake.jpg: image:", result.Out);
        Assert.Contains("3 checked: 0 would be published, 3 would be rejected", result.Out);
    }

    [Fact]
    public async Task CheckPrintsTheEmbargoAndExpiryInUtcOrWhyTheyAreRefused()
    {
        var folder = CliRun.Folder(
            ("held.md", CliRun.Text("---\ntitle: Held\nembargo: 2027-01-02T09:00:00+01:00\nexpires: 2027-03-01T00:00Z\n---\nBody.")),
            ("vague.json", CliRun.Text("""{"title": "Vague", "body": "Body.", "embargo": "02/01/2027"}""")),
            ("zoneless.md", CliRun.Text("---\ntitle: Zoneless\nexpires: 2027-01-02T09:00:00\n---\nBody.")));

        var result = await new CliRun(azurite).RunAsync("check", folder);

        Assert.Equal(1, result.Exit);
        Assert.Contains("embargo     embargoed until 2027-01-02 08:00 UTC", result.Out);
        Assert.Contains("expiry      expires 2027-03-01 00:00 UTC", result.Out);
        Assert.Contains("would be rejected  embargo: '02/01/2027' is not ISO 8601", result.Out);
        Assert.Contains("would be rejected  expires: '2027-01-02T09:00:00' has no zone", result.Out);
        Assert.Contains("3 checked: 1 would be published, 2 would be rejected", result.Out);
    }

    [Fact]
    public async Task CheckNeverTouchesStorage()
    {
        var dead = $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AzuriteFixture.AccountKey};BlobEndpoint=http://127.0.0.1:{Ports.Free()}/devstoreaccount1;TableEndpoint=http://127.0.0.1:{Ports.Free()}/devstoreaccount1;";

        var result = await new CliRun(azurite, new Dictionary<string, string?> { ["AzureWebJobsStorage"] = dead })
            .RunAsync("publish", "--dry-run", Repo.Samples("harbour-reopens.md"));

        Assert.Equal(0, result.Exit);
        Assert.Contains("would be published as harbour-reopens", result.Out);
    }

    private const System.Text.Json.JsonValueKind JsonValueKindNull = System.Text.Json.JsonValueKind.Null;
}
