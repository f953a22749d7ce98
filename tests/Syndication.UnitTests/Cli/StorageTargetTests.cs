using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Syndication.Cli.Commands;
using Syndication.Cli.Target;
using Syndication.Ingestion;
using Syndication.Publishing;
using Syndication.Storage;

namespace Syndication.Tests.Cli;

/// <summary>The command builds every service a publish reaches from its own target, whatever the environment holds.</summary>
public sealed class StorageTargetTests
{
    private static readonly IConfiguration Empty = new ConfigurationBuilder().Build();

    [Theory]
    [InlineData(null, "queue.core.windows.net")]
    [InlineData("news", "news.queue.core.windows.net")]
    public void APublishReachesTheDeliveryQueueOfTheTargetWithoutAzureWebJobsStorage(string? account, string queueHost)
    {
        // With no AzureWebJobsStorage set (a publisher's shell; ./run.sh's smoke check caught a publish failing on it).
        var settings = account is null
            ? new TargetSettings { ConnectionString = "DefaultEndpointsProtocol=https;AccountName=news;AccountKey=" + Convert.ToBase64String(new byte[64]) + ";EndpointSuffix=core.windows.net" }
            : new TargetSettings { AccountName = account };
        using var services = StorageTarget.From(settings, Empty).Services();

        var queue = services.GetRequiredService<DeliveryQueue>();

        Assert.EndsWith(queueHost, queue.Uri.Host);
        // Everything publish and unpublish reach is built without a server key set (./run.sh's smoke check caught that too).
        Assert.NotNull(services.GetRequiredService<BulkPublisher>());
        Assert.NotNull(services.GetRequiredService<ArticlePublisher>());
        Assert.NotNull(services.GetRequiredService<ArticleIngestor>());
    }
}
