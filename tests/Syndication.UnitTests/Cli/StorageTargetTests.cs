using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Syndication.Cli;
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

    private const string Sas = "sv=2024-08-04&ss=bt&srt=sco&sp=rwdlac&se=2030-01-01T00:00:00Z&sig=abc%3D";

    [Fact]
    public void AConnectionStringWithOnlyBlobAndTableEndpointsPublishesWithTheQueueAtAnAddressThatCannotResolve()
    {
        var connection = $"BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;TableEndpoint=http://127.0.0.1:10002/devstoreaccount1;SharedAccessSignature={Sas}";
        Assert.False(StorageTarget.NamesQueueEndpoint(connection));

        var target = StorageTarget.From(new TargetSettings { ConnectionString = connection }, Empty);

        Assert.Equal(StorageTarget.NoQueueEndpoint, target.Queues.Uri);
        Assert.Equal("http://127.0.0.1:10000/devstoreaccount1", target.Blobs.Uri.GetLeftPart(UriPartial.Path).TrimEnd('/'));
    }

    [Theory]
    [InlineData("BlobEndpoint=http://127.0.0.1:10000/a;QueueEndpoint=http://127.0.0.1:10001/a;TableEndpoint=http://127.0.0.1:10002/a;SharedAccessSignature=" + Sas, "127.0.0.1")]
    [InlineData("DefaultEndpointsProtocol=http;AccountName=news;AccountKey=a2V5;BlobEndpoint=http://127.0.0.1:10000/news;TableEndpoint=http://127.0.0.1:10002/news", "news.queue.core.windows.net")]
    [InlineData("UseDevelopmentStorage=true", "127.0.0.1")]
    public void AConnectionStringThatGivesTheQueueAnEndpointUsesIt(string connection, string queueHost)
    {
        Assert.True(StorageTarget.NamesQueueEndpoint(connection));
        Assert.Equal(queueHost, StorageTarget.From(new TargetSettings { ConnectionString = connection }, Empty).Queues.Uri.Host);
    }

    [Fact]
    public void AQueueEndpointThatIsNoUrlIsABadConnectionStringNotAQueueSilentlyDropped()
    {
        var connection = $"BlobEndpoint=http://127.0.0.1:10000/a;TableEndpoint=http://127.0.0.1:10002/a;QueueEndpoint=not a url;SharedAccessSignature={Sas}";
        var refused = Assert.Throws<UsageException>(() => StorageTarget.From(new TargetSettings { ConnectionString = connection }, Empty));
        Assert.StartsWith("the connection string is not valid", refused.Message);
    }
}
