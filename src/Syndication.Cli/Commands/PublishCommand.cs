using System.ComponentModel;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console.Cli;
using Syndication.Cli.Output;
using Syndication.Ingestion;
using Syndication.Publishing;

namespace Syndication.Cli.Commands;

/// <summary><c>publish PATH… [--dry-run]</c>: uploads documents with their images, ingests them, and sums up what happened.</summary>
internal sealed class PublishCommand(CliEnvironment environment) : AsyncCommand<PublishCommand.Settings>
{
    public sealed class Settings : TargetSettings
    {
        [CommandArgument(0, "<PATH>")]
        [Description("Documents ({slug}.md|json|txt|html, images in the folder {slug}/ beside them) or folders of them")]
        public string[] Paths { get; init; } = [];

        [CommandOption("--dry-run")]
        [Description("Show what readers would see (as check does); touch no storage")]
        public bool DryRun { get; init; }

        [CommandOption("--parallel <N>")]
        [Description("Documents published at once")]
        [DefaultValue(8)]
        public int Parallel { get; init; } = 8;
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken ct)
    {
        if (settings.DryRun)
        {
            var reports = CheckCommand.Reports(environment, settings.Paths, context.Name);
            CheckCommand.Show(environment, reports, settings.Json);
            return reports.Any(r => r.HasRejections) ? CliApp.Rejected : 0;
        }
        var documents = CheckCommand.Documents(settings.Paths, context.Name);
        if (documents.Count == 0) throw new UsageException($"{context.Name}: no documents ({{slug}}.md|json|txt|html) in {string.Join(", ", settings.Paths)}");

        await using var services = environment.Open(settings).Services();
        var publisher = services.GetRequiredService<BulkPublisher>();
        var clock = Stopwatch.StartNew();
        var summary = await new PublishProgress(environment, documents.Count)
            .RunAsync(settings.Json, progress => publisher.PublishAsync(documents, progress, settings.Parallel, ct));
        if (settings.Json)
            CliJson.Write(environment, new
            {
                Published = summary.Count(IngestResult.Published),
                Updated = summary.Count(IngestResult.Updated),
                Unchanged = summary.Count(IngestResult.Unchanged),
                Rejected = summary.Count(IngestResult.Rejected),
                summary.Documents,
                ImageRejections = summary.ImageRejections.Select(r => new { r.BlobName, r.Reason }),
            });
        else SummaryView.Write(environment.Console, summary, clock.Elapsed);
        return summary.HasRejections ? CliApp.Rejected : 0;
    }
}
