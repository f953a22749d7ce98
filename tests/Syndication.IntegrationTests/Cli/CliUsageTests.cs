using System.Text.Json;
using Syndication.Http;
using Syndication.Tests.Support;

namespace Syndication.Tests.Cli;

/// <summary>What a newcomer following the README hits: misspelled options, dry runs that delete, "1 documents".</summary>
[Collection(AzuriteCollection.Name)]
public sealed class CliUsageTests(AzuriteFixture azurite)
{
    [Theory]
    [InlineData("unpublish", "harbour-reopens", "--dryrun")]
    [InlineData("unpublish", "--force", "harbour-reopens")]
    [InlineData("publish", "--dryrun", "NEW")]
    [InlineData("publish", "--paralel", "3", "NEW")]
    [InlineData("check", "--jsn", "NEW")]
    public async Task AnUnknownOptionExitsTwoNamingItAndChangesNothing(params string[] args)
    {
        var cli = new CliRun(azurite);
        await cli.RunAsync("publish", Repo.Samples("harbour-reopens.md"));
        var folder = CliRun.Folder(("fresh.md", CliRun.Text("# Fresh\n\nBody.")));
        var option = args.First(a => a.StartsWith("--")).TrimStart('-');

        var result = await cli.RunAsync(args.Select(a => a == "NEW" ? folder : a).ToArray());

        Assert.Equal(2, result.Exit);
        var line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("syndication: ", line);
        Assert.Contains($"{args[0]}: Unknown option '{option}' ('syndication {args[0]} --help' lists its options)", line);
        Assert.Equal("", result.Out);
        await using var site = cli.Site();
        Assert.True(await site.Incoming.GetBlobClient("harbour-reopens.md").ExistsAsync());
        Assert.NotNull(await site.Store.ArticleBySlugAsync("harbour-reopens"));
        Assert.False(await site.Incoming.GetBlobClient("fresh.md").ExistsAsync());
    }

    [Fact]
    public async Task UnpublishDryRunNamesTheBlobsAndRemovesNothing()
    {
        var cli = new CliRun(azurite);
        await cli.RunAsync("publish", Repo.Samples("harbour-reopens.md"));

        var text = await cli.RunAsync("unpublish", "harbour-reopens", "--dry-run");
        var json = await cli.RunAsync("unpublish", "--dry-run", "--json", "harbour-reopens", "never-was");

        Assert.Equal(0, text.Exit);
        Assert.Equal("would unpublish harbour-reopens: 3 blobs would be removed (harbour-reopens.md, harbour-reopens/boats.jpg, "
            + "harbour-reopens/quay.gif); dry run, nothing removed", text.Out.Trim());
        Assert.Equal(1, json.Exit);
        Assert.Equal("WouldUnpublish", json.Json[0].GetProperty("result").GetString());
        Assert.Equal(0, json.Json[0].GetProperty("removedBlobs").GetInt32());
        Assert.Equal(["harbour-reopens.md", "harbour-reopens/boats.jpg", "harbour-reopens/quay.gif"],
            json.Json[0].GetProperty("blobs").EnumerateArray().Select(b => b.GetString()));
        Assert.Equal("NotFound", json.Json[1].GetProperty("result").GetString());
        await using var site = cli.Site();
        Assert.True(await site.Incoming.GetBlobClient("harbour-reopens/boats.jpg").ExistsAsync());
        Assert.NotNull(await site.Store.ArticleBySlugAsync("harbour-reopens"));
    }

    [Fact]
    public async Task CountsOfOneAreSingular()
    {
        var cli = new CliRun(azurite);
        var folder = CliRun.Folder(("one.md", CliRun.Text("# One\n\nWord.")), ("one/fake.jpg", CliRun.Text("not a jpeg")));

        var check = await cli.RunAsync("check", folder);
        var publish = await cli.RunAsync("publish", folder);
        var rejections = await cli.RunAsync("rejections");
        var unpublish = await cli.RunAsync("unpublish", "one");

        Assert.Contains("1 word in 1 paragraph", check.Out);
        Assert.DoesNotContain("1 word in 1 paragraphs", check.Out);
        Assert.Contains("1 document in", publish.Out);
        Assert.Contains("; 1 image rejected", publish.Out);
        Assert.Contains("1 blob rejected; fix", rejections.Out);
        Assert.Equal("unpublished one: 2 blobs removed; it has left every feed", unpublish.Out.Trim());
        Assert.Equal("unpublished two: 1 blob removed; it has left every feed", await UnpublishOneBlobAsync(cli));
    }

    [Fact]
    public async Task JsonKeepsApostrophesAndRejectionsHaveTheFieldsOfTheHttpRoute()
    {
        var cli = new CliRun(azurite);
        var folder = CliRun.Folder(("quote.md", CliRun.Text("# The harbour master's view\n\nIt's open.")), ("broken.json", CliRun.Text("{nope")));
        await cli.RunAsync("publish", folder);

        var check = await cli.RunAsync("check", "--json", folder);
        var rejections = await cli.RunAsync("rejections", "--json");

        Assert.DoesNotContain("\\u0027", check.Out);
        Assert.Contains("\"title\": \"The harbour master's view\"", check.Out);
        await using var site = cli.Site();
        var http = await TestSite.ExecuteAsync(r => site.Get<ManageHandlers>().ListRejectionsAsync(r), path: "/api/manage/rejections");
        var route = Assert.Single(JsonDocument.Parse(http.Body).RootElement.EnumerateArray());
        var row = Assert.Single(rejections.Json.EnumerateArray());
        Assert.Equal(route.EnumerateObject().Select(p => p.Name), row.EnumerateObject().Select(p => p.Name));
        Assert.Equal(route.GetProperty("signature").GetString(), row.GetProperty("signature").GetString());
        Assert.False(string.IsNullOrEmpty(row.GetProperty("signature").GetString()));
    }

    [Fact]
    public async Task AMissingPathIsNamedForTheCommandThatWasRun()
    {
        var cli = new CliRun(azurite);

        var check = await cli.RunAsync("check", "/nonexistent");
        var dryRun = await cli.RunAsync("publish", "--dry-run", "/nonexistent");

        Assert.Equal((2, "syndication: check: /nonexistent is neither a folder nor a file"), (check.Exit, check.Error.Trim()));
        Assert.Equal((2, "syndication: publish: /nonexistent is neither a folder nor a file"), (dryRun.Exit, dryRun.Error.Trim()));
    }

    // An article of one blob (a document without images), removed.
    private static async Task<string> UnpublishOneBlobAsync(CliRun cli)
    {
        await cli.RunAsync("publish", CliRun.Folder(("two.md", CliRun.Text("# Two\n\nBody."))));
        return (await cli.RunAsync("unpublish", "two")).Out.Trim();
    }
}
