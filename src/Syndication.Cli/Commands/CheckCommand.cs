using Spectre.Console;
using System.ComponentModel;
using Microsoft.Extensions.Configuration;
using Spectre.Console.Cli;
using Syndication.Cli.Output;
using Syndication.Articles;
using Syndication.Feeds;
using Syndication.Ingestion;
using Syndication.Publishing;

namespace Syndication.Cli.Commands;

/// <summary>
/// <c>check [--for PLATFORM] FILE…</c>: what readers will see of each document, read on this machine; storage is never
/// touched. With <c>--for</c>, also what that platform would refuse or downgrade (its profile's rules).
/// </summary>
internal sealed class CheckCommand(CliEnvironment environment) : AsyncCommand<CheckCommand.Settings>
{
    public sealed class Settings : OutputSettings
    {
        [CommandArgument(0, "<PATH>")]
        [Description("Documents ({slug}.md|json|txt|html, images in the folder {slug}/ beside them) or folders of them")]
        public string[] Paths { get; init; } = [];

        [CommandOption("--for <PLATFORM>")]
        [Description("Also say what a partner platform would refuse or downgrade: msn, smartnews or flipboard (exit 1 when it would refuse one)")]
        public string? For { get; init; }

        [CommandOption("--time-zone <ZONE>")]
        [Description("The zone the documents state times in when they name none, as Syndication__TimeZone sets it for ingestion (America/New_York, Europe/Paris, UTC)")]
        public string? TimeZone { get; init; }

        public override ValidationResult Validate() =>
            PlatformOption.Validate(For) is { Successful: false } platform ? platform
            : TimeZone is not null && PublisherZone.Find(TimeZone) is null ? ValidationResult.Error($"--time-zone '{TimeZone}' is not a time zone we know; use an IANA id such as America/New_York")
            : ValidationResult.Success();
    }

    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken ct)
    {
        var reports = Reports(environment, settings.Paths, context.Name, FeedProfiles.Find(settings.For), settings.TimeZone);
        Show(environment, reports, settings.Json);
        return Task.FromResult(reports.Any(r => r.HasRejections || r.RefusedByPlatform) ? CliApp.Rejected : 0);
    }

    /// <summary>
    /// The reports for the documents the paths name (folders expanded), checked against the configured limits (and the
    /// platform's rules); <paramref name="timeZone"/> overrides the configured publisher's zone.
    /// </summary>
    public static List<ArticleReport> Reports(CliEnvironment environment, IEnumerable<string> paths, string command, FeedProfile? platform = null, string? timeZone = null)
    {
        var documents = Documents(paths, command);
        var limits = environment.Configuration.GetSection(IngestionOptions.Section).Get<IngestionOptions>() ?? new IngestionOptions();
        if (timeZone is not null) limits.TimeZone = timeZone;
        if (PublisherZone.Find(limits.TimeZone) is null)
            throw new UsageException($"{command}: {IngestionOptions.Section}__{nameof(IngestionOptions.TimeZone)} \"{limits.TimeZone}\" is not a time zone we know; use an IANA id such as America/New_York");
        return documents.Select(d => ArticleCheck.Check(d, limits, DateTimeOffset.UtcNow, platform)).ToList();
    }

    /// <summary>The document files the paths name; a missing path is a usage error named for the running command.</summary>
    public static IReadOnlyList<string> Documents(IEnumerable<string> paths, string command)
    {
        try
        {
            return BulkPublisher.Documents(paths);
        }
        catch (FileNotFoundException e)
        {
            throw new UsageException($"{command}: {e.Message}");
        }
    }

    /// <summary>The reports as blocks of text, or as one JSON array.</summary>
    public static void Show(CliEnvironment environment, IReadOnlyList<ArticleReport> reports, bool json)
    {
        if (json)
        {
            CliJson.Write(environment, reports);
            return;
        }
        foreach (var report in reports) ReportView.Write(environment.Console, report);
        var rejected = reports.Count(r => r.HasRejections);
        var platform = reports.Any(r => r.Platform.Count > 0)
            ? $"; the platform would refuse {reports.Count(r => r.RefusedByPlatform)} and downgrade {reports.Count(r => !r.RefusedByPlatform && r.Platform.Count > 0)}" : "";
        environment.Console.WriteLine($"{reports.Count} checked: {reports.Count - rejected} would be published, {rejected} would be rejected; "
            + Words.Count(reports.Sum(r => r.Warnings.Count), "warning") + platform);
    }
}
