using System.Diagnostics;
using System.Text.Json.Nodes;
using Syndication.Tests.Support;

namespace Syndication.Tests.Infra;

/// <summary>What `azd up` deploys, built here without Azure: the Bicep build and lint, the published package (each a process).</summary>
public sealed class InfraBuildTests
{
    [Fact]
    public void EveryBicepFileBuildsAndLintsWithoutErrorsOrWarnings()
    {
        var (code, output) = Run("bash", Repo.Path("infra", "check.sh"));
        Assert.True(code == 0, output);
        Assert.Matches(@"bicep: \d+ files built, 0 errors, 0 warnings", output);
    }

    [Fact]
    public void PublishedPackageHasHostJsonMetadataAndExtensionsWhereAzureLooks()
    {
        var output = Path.Combine(Path.GetTempPath(), "syndication-publish-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            var (code, log) = Run("dotnet", "publish", Repo.Path("src", "Syndication.Functions"), "-c", "Release", "-o", output, "--nologo", "-v", "quiet");
            Assert.True(code == 0, log);
            Assert.Equal("", (string?)JsonNode.Parse(File.ReadAllText(Path.Combine(output, "host.json")))!["extensions"]!["http"]!["routePrefix"]);
            Assert.Contains(JsonNode.Parse(File.ReadAllText(Path.Combine(output, "functions.metadata")))!.AsArray(), f => (string?)f!["name"] == "IngestArticle");
            Assert.True(File.Exists(Path.Combine(output, "worker.config.json")));
            var extensions = JsonNode.Parse(File.ReadAllText(Path.Combine(output, "extensions.json")))!["extensions"]!.AsArray();
            var blobs = extensions.Single(e => (string?)e!["name"] == "AzureStorageBlobs")!;
            Assert.True(File.Exists(Path.Combine(output, ((string)blobs["hintPath"]!).Replace("./", ""))));
            Assert.False(File.Exists(Path.Combine(output, "local.settings.json")), "local settings are not deployed");
        }
        finally
        {
            if (Directory.Exists(output)) Directory.Delete(output, recursive: true);
        }
    }

    private static (int Code, string Output) Run(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Repo.Root };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(5)), $"{file} did not finish in 5 minutes");
        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
