using System.Text.Json;

namespace Syndication.FunctionsHost.Triggers;

/// <summary>
/// What the blobs extension puts on its queue for each blob to process (BlobTriggerMessage), Base64-encoded JSON, and
/// what it copies unchanged to <c>webjobs-blobtrigger-poison</c> when the function keeps failing.
/// </summary>
public sealed record BlobTriggerMessage(string Type, string FunctionId, string BlobType, string ContainerName, string BlobName, string? ETag)
{
    /// <summary>The host's queue of blob trigger work (HostQueueNames.GetHostBlobTriggerQueueName).</summary>
    public static string QueueName(string hostId) => $"azure-webjobs-blobtrigger-{hostId}";

    public const string PoisonQueueName = "webjobs-blobtrigger-poison";

    private const string FunctionPrefix = "Host.Functions.";

    public static BlobTriggerMessage For(string functionName, string container, string blob, string? etag) =>
        new("BlobTrigger", FunctionPrefix + functionName, "BlockBlob", container, blob, etag);

    /// <summary>The function name of a host function id ("Host.Functions.IngestArticle" → "IngestArticle"), as webhooks and messages name it.</summary>
    public static string FunctionName(string functionId) =>
        functionId.StartsWith(FunctionPrefix, StringComparison.OrdinalIgnoreCase) ? functionId[FunctionPrefix.Length..] : functionId;

    public string ToBase64() => Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(this, JsonContext.Default.BlobTriggerMessage));

    public static BlobTriggerMessage? Parse(string text)
    {
        try
        {
            return JsonSerializer.Deserialize(text, JsonContext.Default.BlobTriggerMessage);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
