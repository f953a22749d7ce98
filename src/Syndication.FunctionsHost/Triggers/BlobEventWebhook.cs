using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Storage.Blobs;
using Syndication.FunctionsHost.Http;
using Syndication.FunctionsHost.Worker;

namespace Syndication.FunctionsHost.Triggers;

/// <summary>
/// <c>POST /runtime/webhooks/blobs?functionName=Host.Functions.{Name}</c>, the Event Grid endpoint of an EventGrid-sourced
/// blob trigger (the blobs extension's HttpRequestProcessor): answers SubscriptionValidation with the validation code;
/// for a Notification (an array of Event Grid events, or one CloudEvent) queues each event's blob by its
/// <c>data.url</c>, whatever the event type, and answers 202. It needs the blobs_extension system key or the master key, as in Azure.
/// </summary>
public sealed partial class BlobEventWebhook(WorkerSupervisor supervisor, BlobTriggers triggers, HostKeys keys, ILogger<BlobEventWebhook> log)
{
    public const string Path = "/runtime/webhooks/blobs";

    /// <summary>The system key that opens this webhook in Azure (the master key opens it too).</summary>
    public const string SystemKeyName = "blobs_extension";

    public async Task<IResult> HandleAsync(HttpContext context)
    {
        var request = context.Request;
        if (!keys.AllowsSystem(request, SystemKeyName)) return HostKeys.SystemRefusal(SystemKeyName);
        var functionName = request.Query["functionName"].ToString();
        var worker = await supervisor.ReadyAsync(TimeSpan.FromSeconds(30), context.RequestAborted);
        if (!worker.Functions.TryGetValue(BlobTriggerMessage.FunctionName(functionName), out var function) || !function.Is("blobTrigger"))
            return Results.NotFound(new { error = $"no blob trigger function '{functionName}'" });

        JsonNode? body;
        try
        {
            body = await JsonNode.ParseAsync(request.Body, cancellationToken: context.RequestAborted);
        }
        catch (JsonException e)
        {
            return Results.BadRequest(new { error = $"the body is not JSON: {e.Message}" });
        }
        var events = body switch
        {
            JsonArray array => array.OfType<JsonObject>().ToArray(),
            JsonObject one => [one],
            _ => [],
        };
        var eventType = request.Headers["aeg-event-type"].ToString();
        if (string.Equals(eventType, "SubscriptionValidation", StringComparison.OrdinalIgnoreCase))
        {
            var code = events.FirstOrDefault()?["data"]?["validationCode"]?.ToString();
            return code is null ? Results.BadRequest(new { error = "no validationCode" }) : Results.Ok(new { validationResponse = code });
        }
        if (!string.Equals(eventType, "Notification", StringComparison.OrdinalIgnoreCase) && request.Headers["ce-specversion"].Count == 0)
            return Results.BadRequest(new { error = "expected the aeg-event-type header Notification or SubscriptionValidation" });

        var (container, _) = triggers.PathOf(function);
        foreach (var e in events)
        {
            if (e["data"]?["url"]?.ToString() is not { } url || !Uri.TryCreate(url, UriKind.Absolute, out var uri))
            {
                LogIgnored(e["subject"]?.ToString() ?? "", "no data.url");
                continue;
            }
            var blob = new BlobUriBuilder(uri);
            if (!string.Equals(blob.BlobContainerName, container, StringComparison.Ordinal) || string.IsNullOrEmpty(blob.BlobName))
            {
                LogIgnored(url, $"not a blob in container '{container}'");
                continue;
            }
            await triggers.EnqueueAsync(function, blob.BlobContainerName, blob.BlobName, e["data"]?["eTag"]?.ToString(), context.RequestAborted);
        }
        return Results.Accepted();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Event Grid event ignored ({Reason}): {What}")]
    private partial void LogIgnored(string what, string reason);
}
