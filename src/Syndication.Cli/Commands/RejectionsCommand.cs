using System.ComponentModel;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Spectre.Console.Cli;
using Syndication.Cli.Output;
using Syndication.Cli.Target;
using Syndication.Feeds;
using Syndication.Storage;

namespace Syndication.Cli.Commands;

/// <summary>
/// <c>rejections</c>: every blob that could not be published, newest first, with its reason. With <c>--for</c>: instead,
/// each of the newest articles that platform would refuse or downgrade, and why (what GET manage/rejections?for= lists).
/// </summary>
internal sealed class RejectionsCommand(CliEnvironment environment) : AsyncCommand<RejectionsCommand.Settings>
{
    public sealed class Settings : SiteSettings
    {
        [CommandOption("--for <PLATFORM>")]
        [Description("Instead, the newest articles a partner platform would refuse or downgrade: msn, smartnews or flipboard (exit 1 when it would refuse one)")]
        public string? For { get; init; }

        public override ValidationResult Validate() => PlatformOption.Validate(For);
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken ct)
    {
        if (FeedProfiles.Find(settings.For) is { } profile) return await ForPlatformAsync(settings, profile, ct);
        await using var services = environment.Open(settings).Services();
        var rejections = (await services.GetRequiredService<RejectionStore>().RejectionsAsync(ct)).OrderByDescending(r => r.LastSeen).ToList();
        if (settings.Json)
        {
            // The stored record as it is, so its fields are those of GET manage/rejections (signature included).
            CliJson.Write(environment, rejections);
            return 0;
        }
        if (rejections.Count == 0)
        {
            environment.Console.WriteLine($"no rejections in {environment.Target!.Description}");
            return 0;
        }
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("blob").AddColumn("reason").AddColumn(new TableColumn("attempts").RightAligned()).AddColumn("first seen").AddColumn("last seen");
        foreach (var r in rejections)
            table.AddRow(new Text(r.BlobName), new Text(r.Reason), new Text(r.Attempts.ToString()),
                new Text($"{r.FirstSeen:yyyy-MM-dd HH:mm}"), new Text($"{r.LastSeen:yyyy-MM-dd HH:mm}"));
        environment.Console.Write(table);
        environment.Console.WriteLine($"{Words.Count(rejections.Count, "blob")} rejected; fix a blob and publish it again to clear its row");
        return 0;
    }

    // The platform's findings over the newest articles, as the HTTP list gives them; exit 1 when it would refuse one.
    private async Task<int> ForPlatformAsync(Settings settings, FeedProfile profile, CancellationToken ct)
    {
        var target = environment.Open(settings);
        var urls = SiteOrigin.Urls(settings.BaseUrl, target);
        await using var services = target.Services();
        var refusals = await services.GetRequiredService<FeedService>().RefusalsAsync(profile, urls, ct);
        var refused = refusals.Count(r => r.Lacks.Any(f => f.Outcome == RuleOutcome.Refused));
        if (settings.Json) CliJson.Write(environment, refusals);
        else
        {
            foreach (var r in refusals)
            {
                environment.Console.MarkupLine($"[bold]{Markup.Escape(r.Title)}[/]  {Markup.Escape(r.Link.AbsoluteUri)}");
                foreach (var f in r.Lacks) ReportView.Finding(environment.Console, f);
            }
            environment.Console.WriteLine($"{profile.Name} would refuse {Words.Count(refused, "article")} and downgrade "
                + $"{refusals.Count - refused} of the newest in {target.Description}");
        }
        return refused > 0 ? CliApp.Rejected : 0;
    }
}
