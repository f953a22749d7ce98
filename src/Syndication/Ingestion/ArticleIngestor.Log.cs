using Microsoft.Extensions.Logging;

namespace Syndication.Ingestion;

// Every log line the ingestor writes, as structured templates.
public sealed partial class ArticleIngestor
{
    [LoggerMessage(Level = LogLevel.Error, Message = "Could not ingest {Slug} (storage answered {Status}): {Error}; the next pass retries")]
    private partial void LogSlugFailed(string slug, int status, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "A {What} made the parser fail; recorded as a rejection")]
    private partial void LogParserFailed(string what, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ingested {Slug}: {Result}")]
    private partial void LogOutcome(string slug, IngestResult result);

    [LoggerMessage(Level = LogLevel.Error, Message = "Rejected {Slug}: {Reason}")]
    private partial void LogRejected(string slug, string? reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ignored blob {BlobName}: not an article document or image")]
    private partial void LogIgnored(string blobName);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected image {BlobName}: {Reason}")]
    private partial void LogImageRejected(string blobName, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reconciled {Documents} documents: {Ingested} ingested, {Deleted} deleted, {Rejected} rejected, {Failed} failed")]
    private partial void LogReconciled(int documents, int ingested, int deleted, int rejected, int failed);
}
