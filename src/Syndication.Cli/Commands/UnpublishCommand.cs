using Spectre.Console;
using System.ComponentModel;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console.Cli;
using Syndication.Articles;
using Syndication.Cli.Output;
using Syndication.Ingestion;
using Syndication.Publishing;

namespace Syndication.Cli.Commands;

/// <summary><c>unpublish SLUG…</c>: removes each article's document and images; it leaves every feed at once.</summary>
internal sealed class UnpublishCommand(CliEnvironment environment) : AsyncCommand<UnpublishCommand.Settings>
{
    public sealed class Settings : TargetSettings
    {
        [CommandArgument(0, "<SLUG>")]
        [Description("The articles' slugs (the document's file name without its extension)")]
        public string[] Slugs { get; init; } = [];
    }

    /// <summary>What removing one slug did: how many blobs went, and whether an article left the feeds.</summary>
    public sealed record Removed(string Slug, int RemovedBlobs, string Result);

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken ct)
    {
        if (settings.Slugs.FirstOrDefault(s => !ArticleBlobName.IsValidSlug(s)) is { } bad)
            throw new UsageException($"'{bad}' is not a slug (letters, digits, '-' and '_', at most 128)");
        await using var services = environment.Open(settings).Services();
        var publisher = services.GetRequiredService<ArticlePublisher>();
        var ingestor = services.GetRequiredService<ArticleIngestor>();
        var removed = new List<Removed>();
        foreach (var slug in settings.Slugs)
        {
            var blobs = await publisher.UnpublishAsync(slug, ct);
            var outcome = await ingestor.IngestSlugAsync(slug, ct);
            removed.Add(new Removed(slug, blobs, blobs == 0 && outcome.Result != IngestResult.Deleted ? "NotFound" : "Unpublished"));
        }
        if (settings.Json) CliJson.Write(environment, removed);
        else
            foreach (var r in removed)
                environment.Console.WriteLine(r.Result == "NotFound"
                    ? $"not found: there is no article '{r.Slug}'"
                    : $"unpublished {r.Slug}: {r.RemovedBlobs} blobs removed; it has left every feed");
        return removed.Any(r => r.Result == "NotFound") ? CliApp.Rejected : 0;
    }
}
