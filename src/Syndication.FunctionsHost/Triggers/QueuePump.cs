using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;

namespace Syndication.FunctionsHost.Triggers;

/// <summary>
/// Polls one queue as the queues extension's listener does: up to a batch at a time, polling faster while messages
/// come and backing off to <c>maxPollingInterval</c> while idle. A handled message is deleted; a failed one becomes
/// visible again after <c>visibilityTimeout</c>, and after <c>maxDequeueCount</c> failures goes to the poison queue.
/// </summary>
public sealed partial class QueuePump(QueueClient queue, QueueClient poison, QueuePumpOptions options, ILogger log)
{
    /// <summary>Handles one message (its text already decoded); false or an exception counts as a failure.</summary>
    public delegate Task<bool> Handler(QueueMessage message, string text, CancellationToken ct);

    public async Task RunAsync(Handler handle, CancellationToken ct)
    {
        var idle = TimeSpan.FromMilliseconds(100);
        while (!ct.IsCancellationRequested)
        {
            QueueMessage[] batch;
            try
            {
                await queue.CreateIfNotExistsAsync(cancellationToken: ct);
                batch = (await queue.ReceiveMessagesAsync(options.BatchSize, TimeSpan.FromMinutes(5), ct)).Value;
            }
            catch (Exception e) when (e is RequestFailedException or AggregateException or HttpRequestException)
            {
                LogPollFailed(queue.Name, e.Message);
                batch = [];
            }
            if (batch.Length == 0)
            {
                await Task.Delay(idle, ct).ContinueWith(_ => { });
                idle = TimeSpan.FromTicks(Math.Min(idle.Ticks * 2, options.MaxPollingInterval.Ticks));
                continue;
            }
            idle = TimeSpan.FromMilliseconds(100);
            await Parallel.ForEachAsync(batch, new ParallelOptions { MaxDegreeOfParallelism = options.Parallelism, CancellationToken = ct },
                async (message, token) => await ProcessAsync(message, handle, token));
        }
    }

    private async Task ProcessAsync(QueueMessage message, Handler handle, CancellationToken ct)
    {
        var handled = false;
        try
        {
            handled = await handle(message, options.Base64 ? Decode(message.MessageText) : message.MessageText, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            LogHandlerFailed(queue.Name, message.MessageId, e.Message);
        }
        try
        {
            if (handled)
                await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, ct);
            else if (message.DequeueCount >= options.MaxDequeueCount)
            {
                await poison.CreateIfNotExistsAsync(cancellationToken: ct);
                await poison.SendMessageAsync(message.MessageText, ct);
                await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, ct);
                LogPoisoned(queue.Name, message.MessageId, message.DequeueCount, poison.Name);
            }
            else
                await queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: options.VisibilityTimeout, cancellationToken: ct);
        }
        catch (RequestFailedException e)
        {
            LogSettleFailed(queue.Name, message.MessageId, e.Message);
        }
    }

    private static string Decode(string text)
    {
        try
        {
            return System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(text));
        }
        catch (FormatException)
        {
            return text;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Polling queue {Queue} failed: {Error}")]
    private partial void LogPollFailed(string queue, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Message {MessageId} of queue {Queue} failed: {Error}")]
    private partial void LogHandlerFailed(string queue, string messageId, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Message {MessageId} of queue {Queue} failed {DequeueCount} times; moved to {PoisonQueue}")]
    private partial void LogPoisoned(string queue, string messageId, long dequeueCount, string poisonQueue);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Settling message {MessageId} of queue {Queue} failed: {Error}")]
    private partial void LogSettleFailed(string queue, string messageId, string error);
}

/// <summary>A pump's limits, from host.json (extensions.queues, or extensions.blobs for the blob trigger's queue).</summary>
public sealed record QueuePumpOptions(int BatchSize, int Parallelism, int MaxDequeueCount, TimeSpan VisibilityTimeout, TimeSpan MaxPollingInterval, bool Base64);
