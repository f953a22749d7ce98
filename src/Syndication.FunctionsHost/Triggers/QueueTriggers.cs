using System.Text.Json;
using Azure.Storage.Queues.Models;
using Syndication.FunctionsHost.Rpc;
using Syndication.FunctionsHost.Settings;
using Syndication.FunctionsHost.Worker;

namespace Syndication.FunctionsHost.Triggers;

/// <summary>
/// Queue triggers as the queues extension runs them: one pump per function on its <c>queueName</c>, messages decoded
/// from Base64 (host.json <c>messageEncoding</c>), the text as the trigger input with the message's metadata, and after
/// <c>maxDequeueCount</c> failures (5) the message moved to <c>{queueName}-poison</c>.
/// </summary>
public sealed class QueueTriggers(HostSettings settings, StorageAccount storage, WorkerSupervisor supervisor, ILogger<QueueTriggers> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var root = settings.Root;
        var options = new QueuePumpOptions(
            BatchSize: root.HostNumber("queues", "batchSize", 16),
            Parallelism: root.HostNumber("queues", "batchSize", 16),
            MaxDequeueCount: root.HostNumber("queues", "maxDequeueCount", 5),
            VisibilityTimeout: root.HostTimeSpan("queues", "visibilityTimeout", TimeSpan.Zero),
            MaxPollingInterval: root.HostTimeSpan("queues", "maxPollingInterval", TimeSpan.FromSeconds(2)),
            Base64: !string.Equals(root.HostJson["extensions"]?["queues"]?["messageEncoding"]?.ToString(), "none", StringComparison.OrdinalIgnoreCase));
        var functions = await supervisor.FunctionsAsync("queueTrigger", stoppingToken);
        await Task.WhenAll(functions.Select(function =>
        {
            var name = storage.Resolve(function.TriggerProperty("queueName") ?? "");
            var connection = function.TriggerProperty("connection");
            var pump = new QueuePump(storage.Queue(connection, name), storage.Queue(connection, name + "-poison"), options, log);
            return pump.RunAsync((message, text, ct) => InvokeAsync(function, message, text, ct), stoppingToken);
        }));
    }

    /// <summary>Invokes a queue trigger function with a message's text (the pump, or the admin API with a made-up message).</summary>
    public async Task<bool> InvokeAsync(FunctionInfo function, QueueMessage? message, string text, CancellationToken ct)
    {
        var request = new InvocationRequest { InvocationId = Guid.NewGuid().ToString() };
        request.InputData.Add(new ParameterBinding { Name = function.TriggerName, Data = new TypedData { String = text } });
        request.TriggerMetadata["QueueTrigger"] = new TypedData { String = text };
        if (message is not null)
        {
            request.TriggerMetadata["DequeueCount"] = new TypedData { Json = message.DequeueCount.ToString() };
            request.TriggerMetadata["Id"] = new TypedData { String = message.MessageId };
            request.TriggerMetadata["PopReceipt"] = new TypedData { String = message.PopReceipt };
            if (message.InsertedOn is { } inserted) request.TriggerMetadata["InsertionTime"] = new TypedData { Json = JsonSerializer.Serialize(inserted) };
        }
        var worker = await supervisor.ReadyAsync(ct);
        var response = await worker.InvokeAsync(function, request, message is null ? WorkerChannel.HostApiReason : $"New queue message detected on '{storage.Resolve(function.TriggerProperty("queueName") ?? "")}'.", ct);
        return response.Result.Status == StatusResult.Types.Status.Success;
    }
}
