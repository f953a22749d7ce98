using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Syndication.Feeds;

namespace Syndication.Http;

/// <summary>
/// Cold start: renders <c>feeds/all.rss</c> once in the background as the process starts, while the Functions host is
/// still initializing the worker, so the first reader does not pay for creating the storage clients, the first
/// table query and the first render (JIT) alone. With <c>PublicBaseUrl</c> set, as in Azure, that render is the
/// cached answer for the first request. A failure changes nothing: the request path does the same work again.
/// </summary>
public sealed partial class FeedWarmup(IServiceProvider services, IOptions<FeedOptions> options, ILogger<FeedWarmup> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var origin = new Uri(options.Value.PublicBaseUrl is { Length: > 0 } configured ? configured : "http://localhost");
        var context = new DefaultHttpContext();
        context.Request.Scheme = origin.Scheme;
        context.Request.Host = new HostString(origin.Authority);
        context.Request.Path = "/api/feeds/all.rss";
        try
        {
            // Resolved here, not injected: a missing storage setting must fail requests, not the worker's start.
            var reply = await services.GetRequiredService<SyndicationHandlers>().GetFeedAsync(context.Request, "all.rss", stoppingToken);
            LogWarmed(reply.Status);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogFailed(e.GetType().Name, e.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Warm-up render of all.rss answered {Status}")]
    private partial void LogWarmed(int status);

    [LoggerMessage(Level = LogLevel.Information, Message = "Warm-up render of all.rss failed ({Error}: {Message}); the first request will do it")]
    private partial void LogFailed(string error, string message);
}
