using Microsoft.Azure.Functions.Worker;
using Syndication.Fediverse;

namespace Syndication.Functions;

/// <summary>A fediverse delivery message: a change's fan-out to every inbox, or one signed activity to one inbox.</summary>
public sealed class DeliverActivity(Deliveries deliveries)
{
    /// <summary>The queue the trigger listens on (Syndication__Fediverse__DeliveryQueue must keep its default in Azure).</summary>
    public const string Queue = "fediverse-deliveries";

    [Function(nameof(DeliverActivity))]
    public async Task Run([QueueTrigger(Queue, Connection = "AzureWebJobsStorage")] string message, FunctionContext context, CancellationToken ct) =>
        await deliveries.HandleAsync(message, context.BindingContext.BindingData.TryGetValue("Id", out var id) ? id?.ToString() ?? "" : "", ct);
}
