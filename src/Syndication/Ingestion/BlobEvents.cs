using System.Text.Json;

namespace Syndication.Ingestion;

/// <summary>
/// Event Grid storage events as they reach a webhook (Event Grid schema: an array of events, or one CloudEvent): the
/// subscription-validation code, or the names of the blobs in our container the events are about. Subjects look like
/// <c>/blobServices/default/containers/{container}/blobs/{name}</c>.
/// </summary>
public sealed record BlobEvents(string? ValidationCode, IReadOnlyList<string> Blobs, IReadOnlyList<string> Ignored)
{
    private const string SubjectPrefix = "/blobServices/default/containers/";

    /// <summary>Reads a webhook body; throws <see cref="JsonException"/> when it is not Event Grid's JSON.</summary>
    public static BlobEvents Parse(ReadOnlyMemory<byte> body, string container)
    {
        using var json = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 16 });
        var events = json.RootElement.ValueKind switch
        {
            JsonValueKind.Array => json.RootElement.EnumerateArray().ToArray(),
            JsonValueKind.Object => [json.RootElement],
            _ => throw new JsonException("expected an array of Event Grid events or one CloudEvent"),
        };
        string? validation = null;
        List<string> blobs = [], ignored = [];
        foreach (var e in events.Where(e => e.ValueKind == JsonValueKind.Object))
        {
            var type = Text(e, "eventType") ?? Text(e, "type");
            if (type == "Microsoft.EventGrid.SubscriptionValidationEvent" && e.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object)
                validation ??= Text(data, "validationCode");
            else if (BlobOf(Text(e, "subject"), container) is { } blob) blobs.Add(blob);
            else ignored.Add(Text(e, "subject") ?? "(no subject)");
        }
        return new BlobEvents(validation, blobs.Distinct(StringComparer.Ordinal).ToArray(), ignored);
    }

    private static string? BlobOf(string? subject, string container)
    {
        var prefix = $"{SubjectPrefix}{container}/blobs/";
        return subject is not null && subject.StartsWith(prefix, StringComparison.Ordinal) && subject.Length > prefix.Length ? subject[prefix.Length..] : null;
    }

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
}
