using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Syndication.Feeds;

namespace Syndication.Cli.Commands;

/// <summary>JSON output for scripts, which every command offers.</summary>
public class OutputSettings : CommandSettings
{
    [CommandOption("--json")]
    [Description("Write the result as JSON, for scripts")]
    public bool Json { get; init; }
}

/// <summary>Which storage a command works on.</summary>
public class TargetSettings : OutputSettings
{
    [CommandOption("--account-name <NAME>")]
    [Description("An Azure storage account, reached as you are signed in (az login; DefaultAzureCredential)")]
    public string? AccountName { get; init; }

    [CommandOption("--connection-string <STRING>")]
    [Description("A storage connection string (default: AzureWebJobsStorage, else the local Azurite)")]
    public string? ConnectionString { get; init; }
}

/// <summary>A target and the site's public address, for commands that print links.</summary>
public class SiteSettings : TargetSettings
{
    [CommandOption("--base-url <URL>")]
    [Description("The site's public address (default: Syndication__PublicBaseUrl, else the local runner's)")]
    public string? BaseUrl { get; init; }
}

/// <summary>The <c>--for PLATFORM</c> option's check, shared by <c>check</c> and <c>rejections</c>.</summary>
internal static class PlatformOption
{
    /// <summary>Success for no platform or one with a profile; else the error naming the platforms we know.</summary>
    public static ValidationResult Validate(string? platform) =>
        platform is null || FeedProfiles.Find(platform) is not null ? ValidationResult.Success()
            : ValidationResult.Error($"--for '{platform}' is not a platform we know; use {FeedProfiles.List()}");
}
