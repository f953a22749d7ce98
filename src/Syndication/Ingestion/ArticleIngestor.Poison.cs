using System.Text.Json;
using Syndication.Articles;

namespace Syndication.Ingestion;

// The blob trigger's poison path ends where every other failure does: in the rejections list.
public sealed partial class ArticleIngestor
{
    /// <summary>
    /// Records the blob named by a blob-trigger poison message (JSON with ContainerName and BlobName) as rejected,
    /// with no signature, so reconciliation tries it again later; returns the blob name.
    /// </summary>
    public async Task<string> RecordPoisonAsync(string message, CancellationToken ct = default)
    {
        string? blob = null;
        try
        {
            using var json = JsonDocument.Parse(message);
            if (json.RootElement.TryGetProperty("BlobName", out var name)) blob = name.GetString();
        }
        catch (JsonException)
        {
        }
        blob ??= CleanText.Cut(message, 500);
        var known = ArticleBlobName.Parse(blob) is not null;
        await rejections.RecordRejectionAsync(blob,
            known ? "ingest: failed 5 times in a row (the blob trigger gave up); see the logged errors, then retry"
                  : "ingest: the blob trigger gave up on a message that names no article blob", "", time.GetUtcNow(), ct);
        return blob;
    }
}
