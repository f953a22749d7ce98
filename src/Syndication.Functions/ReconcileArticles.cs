using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Syndication.Ingestion;

namespace Syndication.Functions;

/// <summary>The safety net: converges the table on what changed in the container; verifies published blobs about daily.</summary>
public sealed class ReconcileArticles(ArticleIngestor ingestor, ILogger<ReconcileArticles> logger)
{
    [Function(nameof(ReconcileArticles))]
    public async Task Run([TimerTrigger("%ReconcileSchedule%")] TimerInfo timer, CancellationToken ct)
    {
        var result = await ingestor.ReconcileScheduledAsync(ct);
        logger.LogInformation("Reconciled {Documents} documents: {Ingested} ingested, {Deleted} deleted, {Rejected} rejected",
            result.Documents, result.Ingested, result.Deleted, result.Rejected);
    }
}
