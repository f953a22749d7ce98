using System.ComponentModel;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Spectre.Console.Cli;
using Syndication.Cli.Output;
using Syndication.Feeds;
using Syndication.Storage;
using Syndication.Articles;

namespace Syndication.Cli.Commands;

/// <summary><c>feeds</c>: the URL of every feed in every format, from the categories, tags and authors in use.</summary>
internal sealed class FeedsCommand(CliEnvironment environment) : AsyncCommand<FeedsCommand.Settings>
{
    /// <summary>Where the local runner and <c>func start</c> serve.</summary>
    public const string LocalBaseUrl = "http://127.0.0.1:7071";

    public sealed class Settings : TargetSettings
    {
        [CommandOption("--base-url <URL>")]
        [Description("The site's public address (default: Syndication__PublicBaseUrl, else the local runner's)")]
        public string? BaseUrl { get; init; }
    }

    /// <summary>One feed: its path ("all", "category/local"), display name, format and URL.</summary>
    public sealed record FeedLink(string Feed, string Name, string Format, string Url);

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken ct)
    {
        var target = environment.Open(settings);
        var origin = settings.BaseUrl ?? target.Configuration["Syndication:PublicBaseUrl"] ?? (target.IsLocal ? LocalBaseUrl : null)
            ?? throw new UsageException("give --base-url, the site's public address (azd up prints it), or set Syndication__PublicBaseUrl");
        if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            throw new UsageException($"--base-url '{origin}' is not an http(s) URL");
        await using var services = target.Services();
        var urls = new SiteUrls(new Uri(uri.GetLeftPart(UriPartial.Authority)));
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
