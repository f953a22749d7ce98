using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Syndication.Feeds;
using Syndication.Storage;
using Syndication.Tests.Functions;
using Syndication.Tests.Support;

namespace Syndication.Tests.Infra;

/// <summary>What `azd up` deploys, checked here without Azure: settings, roles, Bicep build and lint, the package.</summary>
public sealed partial class InfraTests
{
    private static string FunctionAppBicep => File.ReadAllText(Repo.Path("infra", "modules", "functionapp.bicep"));

    private static HashSet<string> BicepAppSettings()
    {
        var block = AppSettingsBlock().Match(FunctionAppBicep);
        Assert.True(block.Success, "functionapp.bicep has no appsettings block");
        return SettingName().Matches(block.Groups[1].Value).Select(m => m.Groups[1].Value).ToHashSet();
    }

    [Fact]
    public void EveryAppSettingTheBicepGivesIsOneTheCodeReads()
    {
        var feedOptions = typeof(FeedOptions).GetProperties().Select(p => $"{FeedOptions.Section}__{p.Name}").ToHashSet();
        var schedule = FunctionsMetadataTests.Metadata().SelectMany(f => f!["bindings"]!.AsArray())
            .Select(b => (string?)b!["schedule"]).OfType<string>().Select(s => s.Trim('%')).ToHashSet();
        var storage = StorageClients.IdentitySettings.Select(s => $"{StorageClients.Setting}__{s}")
            .Append($"{StorageClients.Setting}__queueServiceUri");   // read by the Functions host's blob trigger
        var telemetry = new[] { "APPLICATIONINSIGHTS_CONNECTION_STRING", "APPLICATIONINSIGHTS_AUTHENTICATION_STRING" };
        var storageOptions = typeof(StorageOptions).GetProperties().Select(p => $"{StorageOptions.Section.Replace(":", "__")}__{p.Name}");
        var known = feedOptions.Concat(storageOptions).Concat(schedule).Concat(storage).Concat(telemetry).ToHashSet();

        var bicep = BicepAppSettings();
        Assert.Empty(bicep.Except(known));
        Assert.Empty(storage.Concat(schedule).Concat(telemetry).Except(bicep));
        Assert.DoesNotContain(bicep, s => s == StorageClients.Setting || s.Contains("AccountKey", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void TheAppStartsAfterItsRolesAndNeverCreatesStorageInAzure()
    {
        var main = File.ReadAllText(Repo.Path("infra", "main.bicep"));
        Assert.Matches(@"module api 'modules/functionapp\.bicep' = \{[^}]*dependsOn: \[[^\]]*\brbac\b", main);
        Assert.Matches(@"Syndication__Storage__CreateIfMissing: 'false'", FunctionAppBicep);
    }

    [Theory]
    [InlineData("b7e6dc6d-f1e8-4753-8033-0f276bb0955b", "Storage Blob Data Owner: read documents, write bodies and images, blob trigger receipts")]
    [InlineData("974c5e8b-45b9-4653-ba55-5f855dd0fb88", "Storage Queue Data Contributor: the blob trigger's queues and poison messages")]
    [InlineData("0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3", "Storage Table Data Contributor: article, index and rejection rows")]
    [InlineData("3913510d-42f4-4e42-8a64-420c390055eb", "Monitoring Metrics Publisher: telemetry with Entra auth")]
    public void EveryRoleTheCodeNeedsIsAssignedToTheAppAndTheDeployingUser(string roleId, string why)
    {
        var rbac = File.ReadAllText(Repo.Path("infra", "modules", "rbac.bicep"));
        Assert.True(rbac.Contains(roleId), why);
        var main = File.ReadAllText(Repo.Path("infra", "main.bicep"));
        Assert.Matches(@"identityPrincipalId:\s*identity\.outputs\.principalId", main);
        Assert.Matches(@"userPrincipalId:\s*principalId", main);
    }

    [Fact]
    public void StorageAllowsNoSharedKeyAndNoPublicBlobs()
    {
        var storage = File.ReadAllText(Repo.Path("infra", "modules", "storage.bicep"));
        Assert.Matches(@"allowSharedKeyAccess:\s*false", storage);
        Assert.Matches(@"allowBlobPublicAccess:\s*false", storage);
        var main = File.ReadAllText(Repo.Path("infra", "main.bicep"));
        foreach (var container in new[] { "articles", "published" }) Assert.Contains($"ContainerName = '{container}'", main);
    }

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
            Assert.Equal("api", (string?)JsonNode.Parse(File.ReadAllText(Path.Combine(output, "host.json")))!["extensions"]!["http"]!["routePrefix"]);
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

    [GeneratedRegex(@"name:\s*'appsettings'\s*properties:\s*\{(.*?)\n\s*\}", RegexOptions.Singleline)]
    private static partial Regex AppSettingsBlock();

    [GeneratedRegex(@"^\s*([A-Za-z_][A-Za-z0-9_]*)\s*:", RegexOptions.Multiline)]
    private static partial Regex SettingName();
}
