using Syndication.Tests.Cli;
using Syndication.Tests.Support;

namespace Syndication.Tests.Runner;

/// <summary>The runner's own publish and unpublish take no options: one given stops the run before anything changes.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class RunnerCommandTests(AzuriteFixture azurite)
{
    [Theory]
    [InlineData("unpublish", "harbour-reopens", "--dry-run")]
    [InlineData("publish", "--dry-run", "NEW")]
    public async Task AnOptionIsRefusedWithExitTwoAndChangesNothing(params string[] args)
    {
        var cli = new CliRun(azurite);
        await cli.RunAsync("publish", Repo.Samples("harbour-reopens.md"));
        var folder = CliRun.Folder(("fresh.md", CliRun.Text("# Fresh\n\nBody.")));
        var environment = cli.Settings.ToDictionary(s => s.Key.Replace(":", "__"), s => s.Value!);

        var (exit, output, error) = await RunnerProcess.RunAsync(environment, args.Select(a => a == "NEW" ? folder : a).ToArray());

        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Contains("unknown option '--dry-run'", error);
        await using var site = cli.Site();
        Assert.True(await site.Incoming.GetBlobClient("harbour-reopens.md").ExistsAsync());
        Assert.False(await site.Incoming.GetBlobClient("fresh.md").ExistsAsync());
    }
}
