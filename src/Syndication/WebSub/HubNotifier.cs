using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Syndication.Feeds;
using Syndication.Storage;

namespace Syndication.WebSub;

/// <summary>
/// Tells the configured WebSub hub which feeds changed (a "publish" ping with every changed feed URL), so subscribers
/// get updates pushed instead of polling. A failed ping is logged, never fatal: readers still poll.
/// </summary>
public sealed partial class HubNotifier(HttpClient http, IOptions<FeedOptions> options, ILogger<HubNotifier> logger)
{
    /// <summary>Pings the hub for every feed the article appears in before or after the change.</summary>
    public async Task FeedsChangedAsync(StoredArticle? before, StoredArticle? after, CancellationToken ct = default)
    {
        var o = options.Value;
        if (!Uri.TryCreate(o.WebSubHub, UriKind.Absolute, out var hub) || !Uri.TryCreate(o.PublicBaseUrl, UriKind.Absolute, out var origin))
            return;
        var urls = new SiteUrls(origin);
        var keys = new[] { before, after }.OfType<StoredArticle>().SelectMany(ArticleStore.FeedKeys).Distinct();
        var form = keys.SelectMany(k => FeedFormats.All.Select(f => new KeyValuePair<string, string>("hub.url", urls.Feed(k, f).AbsoluteUri)))
            .Prepend(new KeyValuePair<string, string>("hub.mode", "publish"));
        try
        {
            using var response = await http.PostAsync(hub, new FormUrlEncodedContent(form), ct);
            if (!response.IsSuccessStatusCode) LogRefused(hub, (int)response.StatusCode);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            LogFailed(hub, e.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "WebSub hub {Hub} answered {Status} to a publish ping")]
    private partial void LogRefused(Uri hub, int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "WebSub hub {Hub} could not be pinged: {Error}")]
    private partial void LogFailed(Uri hub, string error);
}
