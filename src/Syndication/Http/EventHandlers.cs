using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Syndication.Ingestion;
using Syndication.Storage;

namespace Syndication.Http;

/// <summary>
/// The webhook of the Event Grid subscription for <c>Microsoft.Storage.BlobDeleted</c> (the blob trigger drops deletions:
/// the blob it would bind no longer exists): answers the validation handshake (a SubscriptionValidationEvent in the
/// body, whatever the <c>aeg-event-type</c> header says), and converges the article of every
/// deleted blob at once, so it leaves the feeds within seconds. An event for a blob outside the articles container is
/// ignored and logged. A storage failure answers 500, and Event Grid delivers the event again.
/// </summary>
public sealed partial class EventHandlers(ArticleIngestor ingestor, IOptions<StorageOptions> storage, ILogger<EventHandlers> log)
{
    private const int MaxBody = 1024 * 1024;

    /// <summary>POST events/blob-deleted: Event Grid's delivery (aeg-event-type Notification or SubscriptionValidation).</summary>
    public async Task<Reply> BlobDeletedAsync(HttpRequest request, CancellationToken ct = default)
    {
        if (await RequestBody.ReadAsync(request, MaxBody, ct) is not { } body) return Reply.Text(413, $"over the {MaxBody}-byte limit of an Event Grid delivery");
        BlobEvents events;
        try
        {
            events = BlobEvents.Parse(body.ToMemory(), storage.Value.ArticlesContainer);
        }
        catch (JsonException e)
        {
            return Reply.BadRequest($"events: not Event Grid JSON: {e.Message}");
        }
        if (events.ValidationCode is { } code)
            return Reply.Bytes(200, "application/json; charset=utf-8", JsonSerializer.SerializeToUtf8Bytes(new { validationResponse = code }));
        foreach (var subject in events.Ignored) LogIgnored(subject);
        foreach (var blob in events.Blobs)
        {
            var outcome = await ingestor.IngestBlobAsync(blob, ct);
            LogConverged(blob, outcome.Slug, outcome.Result);
        }
        return Reply.Text(200, $"{events.Blobs.Count} blobs converged\n");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Event for {Subject} ignored: not a blob of the articles container")]
    private partial void LogIgnored(string subject);

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted blob {BlobName} for {Slug}: {Result}")]
    private partial void LogConverged(string blobName, string? slug, IngestResult result);
}
