using Azure.Storage.Blobs;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Syndication.Ingestion;

namespace Syndication.Functions;

/// <summary>A document or image landed in the articles container: converge its article.</summary>
public sealed class IngestArticle(ArticleIngestor ingestor, ILogger<IngestArticle> logger)
{
    [Function(nameof(IngestArticle))]
    public async Task Run(
        [BlobTrigger("articles/{name}", Source = BlobTriggerSource.EventGrid, Connection = "AzureWebJobsStorage")] BlobClient blob,
        CancellationToken ct)
    {
        var outcome = await ingestor.IngestBlobAsync(blob.Name, ct);
        logger.LogInformation("Blob {BlobName} for {Slug}: {Result}", blob.Name, outcome.Slug, outcome.Result);
    }
}
