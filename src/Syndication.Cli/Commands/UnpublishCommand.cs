using Spectre.Console;
using System.ComponentModel;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console.Cli;
using Syndication.Articles;
using Syndication.Cli.Output;
using Syndication.Ingestion;
using Syndication.Publishing;
using Syndication.Storage;

namespace Syndication.Cli.Commands;

/// <summary><c>unpublish SLUG… [--dry-run]</c>: removes each article's document and images; it leaves every feed at once.</summary>
internal sealed class UnpublishCommand(CliEnvironment environment) : AsyncCommand<UnpublishCommand.Settings>
{
    public sealed class Settings : TargetSettings
    {
        [CommandArgument(0, "<SLUG>")]
        [Description("The articles' slugs (the document's file name without its extension)")]
        public string[] Slugs { get; init; } = [];

        [CommandOption("--dry-run")]
        [Description("Name the blobs that would be removed; remove nothing")]
        public bool DryRun { get; init; }
    }

    /// <summary>
    /// What removing one slug did (or, in a dry run, would do): the blobs, how many went, and whether an article left
    /// the feeds: Unpublished, WouldUnpublish or NotFound.
    /// </summary>
    public sealed record Removed(string Slug, int RemovedBlobs, string Result, IReadOnlyList<string> Blobs);

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken ct)
    {
        if (settings.Slugs.FirstOrDefault(s => !ArticleBlobName.IsValidSlug(s)) is { } bad)
            throw new UsageException($"'{bad}' is not a slug (letters, digits, '-' and '_', at most 128)");
        await using var services = environment.Open(settings).Services();
        var publisher = services.GetRequiredService<ArticlePublisher>();
        var ingestor = services.GetRequiredService<ArticleIngestor>();
        var store = services.GetRequiredService<ArticleStore>();
        var removed = new List<Removed>();
        foreach (var slug in settings.Slugs)
        {
            var blobs = await publisher.BlobsOfAsync(slug, ct);
            if (settings.DryRun)
            {
                var published = blobs.Count > 0 || await store.ArticleBySlugAsync(slug, ct) is not null;
                removed.Add(new Removed(slug, 0, published ? "WouldUnpublish" : "NotFound", blobs));
                continue;
            }
            var count = await publisher.UnpublishAsync(slug, ct);
            var outcome = await ingestor.IngestSlugAsync(slug, ct);
            removed.Add(new Removed(slug, count, count == 0 && outcome.Result != IngestResult.Deleted ? "NotFound" : "Unpublished", blobs));
        }
        if (settings.Json) CliJson.Write(environment, removed);
        else
            foreach (var r in removed)
                environment.Console.WriteLine(r.Result switch
                {
                    "NotFound" => $"not found: there is no article '{r.Slug}'",
                    "WouldUnpublish" => $"would unpublish {r.Slug}: {Words.Count(r.Blobs.Count, "blob")} would be removed"
                        + (r.Blobs.Count > 0 ? $" ({string.Join(", ", r.Blobs)})" : "") + "; dry run, nothing removed",
                    _ => $"unpublished {r.Slug}: {Words.Count(r.RemovedBlobs, "blob")} removed; it has left every feed",
                });
        return removed.Any(r => r.Result == "NotFound") ? CliApp.Rejected : 0;
    }
}
