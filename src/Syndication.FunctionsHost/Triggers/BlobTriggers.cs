using System.Text.Json;
using System.Text.RegularExpressions;
using Azure;
using Syndication.FunctionsHost.Rpc;
using Syndication.FunctionsHost.Settings;
using Syndication.FunctionsHost.Worker;

namespace Syndication.FunctionsHost.Triggers;

/// <summary>
/// Blob triggers as the blobs extension runs them: work arrives as <see cref="BlobTriggerMessage"/>s on the host's
/// blob trigger queue (from Event Grid, or from <see cref="ContainerEvents"/> locally); each is invoked with SDK-type
/// binding data (ModelBindingData "AzureStorageBlobs") so the worker binds a BlobClient; a message for a blob that no
/// longer exists is dropped, as the extension does; one that fails <c>poisonBlobThreshold</c> times goes to
/// <c>webjobs-blobtrigger-poison</c>.
/// </summary>
public sealed partial class BlobTriggers(HostSettings settings, StorageAccount storage, WorkerSupervisor supervisor, ILogger<BlobTriggers> log)
    : BackgroundService
{
    // The trigger path of each function, parsed once (every queued blob and every listed blob is matched against it).
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (string, Regex)> paths = new();

    /// <summary>Queues work for a blob trigger function (the Event Grid webhook and the local container events).</summary>
    public async Task EnqueueAsync(FunctionInfo function, string container, string blob, string? etag, CancellationToken ct)
    {
        var queue = storage.Queue(null, BlobTriggerMessage.QueueName(settings.HostId));
        await queue.CreateIfNotExistsAsync(cancellationToken: ct);
        await queue.SendMessageAsync(BlobTriggerMessage.For(function.Name, container, blob, etag).ToBase64(), ct);
    }

    /// <summary>The trigger path's container and whether a blob name matches the rest of the path ("articles/{name}").</summary>
    public (string Container, Regex Blob) PathOf(FunctionInfo function) => paths.GetOrAdd(function.Name, _ => ParsePath(function));

    private (string Container, Regex Blob) ParsePath(FunctionInfo function)
    {
        var path = storage.Resolve(function.TriggerProperty("path") ?? "");
        var slash = path.IndexOf('/');
        var container = slash < 0 ? path : path[..slash];
        var pattern = slash < 0 ? "{name}" : path[(slash + 1)..];
        var regex = "^" + Regex.Replace(Regex.Escape(pattern), @"\\\{(\w+)}", m => $"(?<{m.Groups[1].Value}>.+)") + @"\z";
        return (container, new Regex(regex, RegexOptions.CultureInvariant));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var root = settings.Root;
        var options = new QueuePumpOptions(
            BatchSize: 16,
            Parallelism: root.HostNumber("blobs", "maxDegreeOfParallelism", 8),
            MaxDequeueCount: root.HostNumber("blobs", "poisonBlobThreshold", 5),
            VisibilityTimeout: TimeSpan.FromSeconds(1),
            MaxPollingInterval: root.HostTimeSpan("queues", "maxPollingInterval", TimeSpan.FromSeconds(2)),
            Base64: true);
        if ((await supervisor.FunctionsAsync("blobTrigger", stoppingToken)).Length == 0) return;
        var pump = new QueuePump(storage.Queue(null, BlobTriggerMessage.QueueName(settings.HostId)), storage.Queue(null, BlobTriggerMessage.PoisonQueueName), options, log);
        await pump.RunAsync((message, text, ct) => InvokeAsync(text, message.DequeueCount, ct), stoppingToken);
    }

    private async Task<bool> InvokeAsync(string text, long dequeueCount, CancellationToken ct)
    {
        if (BlobTriggerMessage.Parse(text) is not { } message) return Dropped("not a blob trigger message", text);
        var worker = await supervisor.ReadyAsync(ct);
        if (!worker.Functions.TryGetValue(BlobTriggerMessage.FunctionName(message.FunctionId), out var function) || !function.Is("blobTrigger")) return Dropped("no such blob trigger function", message.FunctionId);
        var request = await RequestAsync(function, message.ContainerName, message.BlobName, ct);
        if (request is null) return Dropped("the blob does not exist", $"{message.ContainerName}/{message.BlobName}");
        var response = await worker.InvokeAsync(function, request, $"New blob detected({message.BlobType}): {message.ContainerName}/{message.BlobName}", ct);
        return response.Result.Status == StatusResult.Types.Status.Success;
    }

    /// <summary>The invocation for one blob, or null when it does not exist (or does not match the trigger's path).</summary>
    public async Task<InvocationRequest?> RequestAsync(FunctionInfo function, string container, string blobName, CancellationToken ct)
    {
        var (triggerContainer, pattern) = PathOf(function);
        var match = pattern.Match(blobName);
        if (!string.Equals(container, triggerContainer, StringComparison.Ordinal) || !match.Success) return null;
        var connection = function.TriggerProperty("connection");
        var blob = storage.Container(connection, container).GetBlobClient(blobName);
        Azure.Storage.Blobs.Models.BlobProperties properties;
        try
        {
            properties = (await blob.GetPropertiesAsync(cancellationToken: ct)).Value;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
        var content = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string>
        {
            ["Connection"] = string.IsNullOrEmpty(connection) ? "AzureWebJobsStorage" : connection,
            ["ContainerName"] = container,
            ["BlobName"] = blobName,
        }, JsonContext.Default.DictionaryStringString);
        var request = new InvocationRequest { InvocationId = Guid.NewGuid().ToString() };
        request.InputData.Add(new ParameterBinding
        {
            Name = function.TriggerName,
            Data = new TypedData
            {
                ModelBindingData = new ModelBindingData
                {
                    Version = "1.0", Source = "AzureStorageBlobs", ContentType = "application/json", Content = Google.Protobuf.ByteString.CopyFrom(content),
                },
            },
        });
        request.TriggerMetadata["BlobTrigger"] = new TypedData { String = $"{container}/{blobName}" };
        request.TriggerMetadata["Uri"] = new TypedData { Json = JsonSerializer.Serialize(blob.Uri.ToString()) };
        request.TriggerMetadata["Metadata"] = new TypedData { Json = JsonSerializer.Serialize(properties.Metadata, JsonContext.Default.DictionaryStringString) };
        foreach (var group in pattern.GetGroupNames().Where(g => !char.IsDigit(g[0])))
            request.TriggerMetadata[group] = new TypedData { String = match.Groups[group].Value };
        return request;
    }

    private bool Dropped(string why, string what)
    {
        LogDropped(why, what);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Blob trigger message dropped ({Reason}): {What}")]
    private partial void LogDropped(string reason, string what);
}
