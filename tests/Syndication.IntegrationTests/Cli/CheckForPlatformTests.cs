using System.Globalization;
using Syndication.Tests.Images;
using Syndication.Tests.Support;

namespace Syndication.Tests.Cli;

/// <summary>
/// <c>syndication check --for PLATFORM</c>: the platform's rules (the profile rows) over real documents and images, read
/// on this machine; exit 1 when the platform would refuse something, 0 when it would only downgrade or take it whole.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class CheckForPlatformTests(AzuriteFixture azurite)
{
    private static readonly string Yesterday = DateTimeOffset.UtcNow.AddDays(-1).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
    private static readonly string Body = string.Concat(Enumerable.Repeat("The winter timetable starts on Monday, with ferries to every island. ", 10));

    [Fact]
    public async Task AnArticleMsnWouldTakeWholePassesAndOneItWouldRefuseExits1NamingEachRuleAndItsSource()
    {
        var folder = CliRun.Folder(
            ("ferries.md", CliRun.Text($"---\ntitle: Ferries return to every island from Monday\npublished: {Yesterday}\nimages:\n  - file: deck.jpg\n---\n{Body}\n")),
            ("ferries/deck.jpg", TestImages.Jpeg(1600, 900)),
            ("brief.md", CliRun.Text($"---\ntitle: Gales tonight\npublished: 2024-01-02T08:00:00Z\nimages:\n  - file: map.gif\n---\nGales of 90 km/h.\n")),
            ("brief/map.gif", File.ReadAllBytes(Repo.Samples("harbour-reopens", "quay.gif"))));

        var good = await new CliRun(azurite).RunAsync("check", "--for", "msn", Path.Combine(folder, "ferries.md"));
        Assert.Equal(0, good.Exit);
        Assert.DoesNotContain("platform would", good.Out);

        var bad = await new CliRun(azurite).RunAsync("check", "--for", "msn", Path.Combine(folder, "ferries.md"), Path.Combine(folder, "brief.md"));
        Assert.Equal(1, bad.Exit);
        Has(bad.Out, "platform would refuse  title 20–150 characters: the title has 13 characters, fewer than 20\n      source: https://support.microsoft.com/");
        Has(bad.Out, "platform would refuse  body 450–500,000 characters: the body has 17 characters of text, fewer than 450");
        Has(bad.Out, "platform would refuse  published within 365 days: published 2024-01-02, more than 365 days ago");
        Has(bad.Out, "platform would refuse  lead image at least 720 px on its long side: the lead image is 640x360 px");
        Has(bad.Out, "platform would refuse  lead image not a GIF");
        Has(bad.Out, "2 checked: 2 would be published, 0 would be rejected; 0 warnings; the platform would refuse 1 and downgrade 0");

        var json = (await new CliRun(azurite).RunAsync("check", "--json", "--for", "msn", Path.Combine(folder, "brief.md"))).Json[0];
        var findings = json.GetProperty("platform").EnumerateArray().ToList();
        Assert.Equal(["title 20–150 characters", "body 450–500,000 characters", "published within 365 days", "lead image at least 720 px on its long side", "lead image not a GIF"],
            findings.Select(f => f.GetProperty("rule").GetString()));
        Assert.All(findings, f => Assert.Equal("Refused", f.GetProperty("outcome").GetString()));
        Assert.All(findings, f => Assert.StartsWith("https://", f.GetProperty("source").GetString()));
        Assert.Equal(17, json.GetProperty("bodyCharacters").GetInt32());
    }

    [Fact]
    public async Task FlipboardRefusesAnArticleWithoutAnImageAndSmartNewsOnlyDowngradesItAndAnUnknownPlatformIsAUsageError()
    {
        var folder = CliRun.Folder(("brief.md", CliRun.Text($"---\ntitle: Gales tonight across the islands\nauthors: [Ana Lima]\npublished: {Yesterday}\n---\n{Body}\n")));
        var path = Path.Combine(folder, "brief.md");

        var flipboard = await new CliRun(azurite).RunAsync("check", "--for", "flipboard", path);
        Assert.Equal(1, flipboard.Exit);
        Has(flipboard.Out, "platform would refuse  a lead image: the article has no image\n      source: https://about.flipboard.com/rss-spec/");
        var smartnews = await new CliRun(azurite).RunAsync("check", "--for", "smartnews", path);
        Assert.Equal(0, smartnews.Exit);
        Has(smartnews.Out, "platform would downgrade  a lead image");
        Assert.Equal(0, (await new CliRun(azurite).RunAsync("check", path)).Exit); // without --for, nothing of platforms

        var unknown = await new CliRun(azurite).RunAsync("check", "--for", "yahoo", path);
        Assert.Equal(2, unknown.Exit);
        Assert.Contains("--for 'yahoo' is not a platform we know; use standard, msn, smartnews or flipboard", unknown.Error + unknown.Out);
    }

    [Fact]
    public async Task RejectionsForAPlatformListsThePublishedArticlesItWouldRefuseWithTheirLinksAndExits1()
    {
        var cli = new CliRun(azurite);
        var folder = CliRun.Folder(
            ("ferries.md", CliRun.Text($"---\ntitle: Ferries return to every island from Monday\npublished: {Yesterday}\nimages:\n  - file: deck.jpg\n---\n{Body}\n")),
            ("ferries/deck.jpg", TestImages.Jpeg(1600, 900)),
            ("brief.md", CliRun.Text($"---\ntitle: Gales tonight\npublished: {Yesterday}\n---\nGales of 90 km/h.\n")));
        Assert.Equal(0, (await cli.RunAsync("publish", folder)).Exit);

        var text = await cli.RunAsync("rejections", "--for", "msn", "--base-url", "https://news.example");
        Assert.Equal(1, text.Exit);
        Has(text.Out, "Gales tonight  https://news.example/api/articles/brief");
        Has(text.Out, "platform would refuse  title 20–150 characters: the title has 13 characters, fewer than 20");
        Assert.DoesNotContain("Ferries return", text.Out);
        Has(text.Out, "msn would refuse 1 article and downgrade 0 of the newest in");

        var json = await cli.RunAsync("rejections", "--for", "msn", "--json");
        var listed = Assert.Single(json.Json.EnumerateArray());
        Assert.Equal("http://127.0.0.1:7071/api/articles/brief", listed.GetProperty("link").GetString());
        Assert.Contains("title 20–150 characters", listed.GetProperty("lacks").EnumerateArray().Select(f => f.GetProperty("rule").GetString()));
        Assert.Equal(0, (await cli.RunAsync("rejections", "--for", "smartnews")).Exit); // it only downgrades an article without an image
        Assert.Equal(2, (await cli.RunAsync("rejections", "--for", "yahoo")).Exit);
    }

    // The output shown whole when a line is missing.
    private static void Has(string output, string expected) => Assert.True(output.Contains(expected, StringComparison.Ordinal), $"not found: {expected}\nin:\n{output}");
}
