using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Syndication.Ingestion;

namespace Syndication.Functions;

/// <summary>The blob trigger gave up on a blob (host.json poisonBlobThreshold): record it where rejections are listed.</summary>
public sealed class RecordPoisonBlob(ArticleIngestor ingestor, ILogger<RecordPoisonBlob> logger)
{
    [Function(nameof(RecordPoisonBlob))]
    public async Task Run([QueueTrigger("webjobs-blobtrigger-poison", Connection = "AzureWebJobsStorage")] string message, CancellationToken ct)
    {
        var blob = await ingestor.RecordPoisonAsync(message, ct);
        logger.LogError("Blob {BlobName} failed ingestion repeatedly and was recorded as rejected", blob);
    }
}
