using System.Diagnostics;
using Syndication.Tests.Cli;
using Syndication.Tests.Support;

namespace Syndication.Tests.Runner;

/// <summary>The README's steps without bash, typed at the repository root: relative paths mean that folder.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class WithoutBashStepsTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task DotnetRunPublishFromTheRootFindsTheSamplesFolder()
    {
        var cli = new CliRun(azurite);
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Repo.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // As the README has it, but with the build these tests already made (no second build beside a running test).
        foreach (var a in new[] { "run", "--no-build", "--project", "src/Syndication.LocalRunner", "-c", Configuration, "--", "publish", "samples/articles" })
            start.ArgumentList.Add(a);
        foreach (var (k, v) in cli.Settings) start.Environment[k.Replace(":", "__")] = v;
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(120)).Token);

        Assert.True(process.ExitCode == 0, $"exit {process.ExitCode}: {await output}{await error}");
        Assert.Contains("published harbour-reopens", await output);
        await using var site = cli.Site();
        Assert.True(await site.Incoming.GetBlobClient("harbour-reopens.md").ExistsAsync());
    }

    private static string Configuration => new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
}
