using System.ComponentModel;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Spectre.Console.Cli;
using Syndication.Cli.Output;
using Syndication.Feeds;
using Syndication.Storage;
using Syndication.Articles;
using Syndication.Cli.Target;

namespace Syndication.Cli.Commands;

/// <summary><c>feeds</c>: the URL of every feed in every format, from the categories, tags and authors in use.</summary>
internal sealed class FeedsCommand(CliEnvironment environment) : AsyncCommand<SiteSettings>
{
    /// <summary>One feed: its path ("all", "category/local"), display name, format and URL.</summary>
    public sealed record FeedLink(string Feed, string Name, string Format, string Url);

    public override async Task<int> ExecuteAsync(CommandContext context, SiteSettings settings, CancellationToken ct)
    {
        var target = environment.Open(settings);
        var urls = SiteOrigin.Urls(settings.BaseUrl, target);
        await using var services = target.Services();
        var names = await services.GetRequiredService<ArticleStore>().FeedNamesAsync(ct);
        var feeds = names.Select(n => (Key: n.Key, n.Name)).Prepend((Key: FeedKey.All, Name: "All articles"))
            .SelectMany(f => FeedFormats.All.Select(format =>
                new FeedLink(f.Key.Path, f.Name, format.Extension, urls.Feed(f.Key, format).AbsoluteUri)))
            .Append(new FeedLink("opml", "Every feed (OPML)", "opml", urls.Opml().AbsoluteUri)).ToList();
        if (settings.Json)
        {
            CliJson.Write(environment, feeds);
            return 0;
        }
        var table = new Table().Border(TableBorder.Rounded).AddColumn("feed").AddColumn("name").AddColumn("url");
        foreach (var f in feeds) table.AddRow(new Text(f.Feed), new Text(f.Name), new Text(f.Url));
        environment.Console.Write(table);
        return 0;
    }
}
