using System.ComponentModel;
using Spectre.Console.Cli;

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
