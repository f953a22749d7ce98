using Syndication.Http;
using Syndication.Ingestion;

namespace Syndication.LocalRunner;

/// <summary>
/// Ingestion without Event Grid: reconciles the articles container every few seconds (the same code as the
/// Functions app's ReconcileArticles timer), so uploads, changes and deletions show in the feeds within seconds.
/// </summary>
internal sealed partial class ContainerWatcher(ArticleIngestor ingestor, StorageOutage outage, IConfiguration configuration, ILogger<ContainerWatcher> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(configuration.GetValue("Syndication:WatchIntervalSeconds", 2.0));
        using var timer = new PeriodicTimer(interval);
        var pass = 0;
        do
        {
            try
            {
                // Every 30th pass (and the first) also checks that every published body and image is still there.
                await ingestor.ApplySchedulesAsync(stoppingToken);
                await ingestor.ReconcileAsync(verifyPublished: pass++ % 30 == 0, stoppingToken);
            }
            catch (Exception e) when (StorageOutage.IsUnreachable(e))
            {
                outage.Report(e);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reconciling the articles container failed; retrying")]
    private partial void LogFailed(Exception e);
}
