using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;

namespace Syndication.Storage;

/// <summary>
/// The Storage queue fediverse deliveries go through (messages Base64, as the Functions queue trigger reads them): one
/// message per change (its fan-out), then one per inbox. Created on first use, like the table and containers.
/// </summary>
public sealed class DeliveryQueue(QueueClient queue)
{
    private Task? created;

    /// <summary>The queue's address (which account and queue a host or the command sends to).</summary>
    public Uri Uri => queue.Uri;

    /// <summary>Adds a message, visible after <paramref name="delay"/> (a retry's back-off).</summary>
    public async Task SendAsync(string message, TimeSpan? delay = null, CancellationToken ct = default)
    {
        await EnsureCreatedAsync();
        await queue.SendMessageAsync(message, delay, TimeSpan.FromDays(7), ct);
    }

    /// <summary>Up to <paramref name="max"/> messages, hidden from others for <paramref name="hide"/> (the local runner's pump).</summary>
    public async Task<QueueMessage[]> ReceiveAsync(int max, TimeSpan hide, CancellationToken ct = default)
    {
        await EnsureCreatedAsync();
        return (await queue.ReceiveMessagesAsync(max, hide, ct)).Value;
    }

    /// <summary>Removes a handled message; one already gone is ignored.</summary>
    public async Task DeleteAsync(QueueMessage message, CancellationToken ct = default)
    {
        try
        {
            await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, ct);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
        }
    }

    private Task EnsureCreatedAsync()
    {
        if (created is null || created.IsFaulted) created = queue.CreateIfNotExistsAsync();
        return created;
    }
}
