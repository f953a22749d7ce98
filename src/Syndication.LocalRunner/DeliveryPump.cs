using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Syndication.Fediverse;
using Syndication.Http;
using Syndication.Storage;

namespace Syndication.LocalRunner;

/// <summary>
/// The delivery queue without the Functions queue trigger (the local runner): receives up to 32 messages at a time,
/// handles 16 at once, deletes each handled one; a message that failed 5 times is dropped, as the trigger moves it to
/// its poison queue. Polls every half second while the queue is empty. Storage not answering is the outage's one line
/// a minute (<see cref="StorageOutage"/>), as for the container watcher, not a warning per poll.
/// </summary>
public sealed partial class DeliveryPump(DeliveryQueue queue, Deliveries deliveries, StorageOutage outage, ILogger<DeliveryPump> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var messages = await queue.ReceiveAsync(32, TimeSpan.FromMinutes(5), stoppingToken);
                if (messages.Length == 0)
                {
                    await Task.Delay(500, stoppingToken);
                    continue;
                }
                await Parallel.ForEachAsync(messages, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = stoppingToken }, async (m, ct) =>
                {
                    try
                    {
                        await deliveries.HandleAsync(m.Body.ToString(), m.MessageId, ct);
                        await queue.DeleteAsync(m, ct);
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        Failed(m.MessageId, m.DequeueCount, e);
                        if (m.DequeueCount >= 5) await queue.DeleteAsync(m, ct);
                    }
                });
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return; // the runner is stopping: not a failure of the service
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Failed("(receive)", 0, e);
                await Task.Delay(2000, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    private void Failed(string messageId, long dequeueCount, Exception e)
    {
        if (StorageOutage.IsUnreachable(e)) outage.Report(e);
        else LogFailed(messageId, dequeueCount, e);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery message {MessageId} failed (dequeued {DequeueCount} times)")]
    private partial void LogFailed(string messageId, long dequeueCount, Exception e);
}
