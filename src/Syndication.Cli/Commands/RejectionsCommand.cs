using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Spectre.Console.Cli;
using Syndication.Cli.Output;
using Syndication.Storage;

namespace Syndication.Cli.Commands;

/// <summary><c>rejections</c>: every blob that could not be published, newest first, with its reason.</summary>
internal sealed class RejectionsCommand(CliEnvironment environment) : AsyncCommand<TargetSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, TargetSettings settings, CancellationToken ct)
    {
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
}
