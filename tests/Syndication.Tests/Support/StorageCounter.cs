using System.Text.Json;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;

namespace Syndication.Tests.Support;

/// <summary>
/// Counts what the store asks of storage, as a pipeline policy on the site's own Table and Blob clients: requests,
/// table queries (GET of "table()"), entities the queries returned and response bytes. Azurite's latency says
/// nothing about Azure's, but these counts are what Azure bills and answers in proportion to.
/// </summary>
public sealed class StorageCounter : HttpPipelinePolicy
{
    private long requests, tableQueries, entities, bytes;

    public long Requests => Interlocked.Read(ref requests);
    public long TableQueries => Interlocked.Read(ref tableQueries);
    public long Entities => Interlocked.Read(ref entities);
    public long Bytes => Interlocked.Read(ref bytes);

    public void Reset()
    {
        Interlocked.Exchange(ref requests, 0);
        Interlocked.Exchange(ref tableQueries, 0);
        Interlocked.Exchange(ref entities, 0);
        Interlocked.Exchange(ref bytes, 0);
    }

    /// <summary>Registers the site's Table and Blob clients with this counter in their pipelines (for TestSite's replace).</summary>
    public void AddTo(IServiceCollection services, AzuriteFixture azurite)
    {
        services.AddSingleton(_ =>
        {
            var options = new TableClientOptions();
            options.AddPolicy(this, HttpPipelinePosition.PerRetry);
            return new TableServiceClient(azurite.ConnectionString, options);
        });
        services.AddSingleton(_ =>
        {
            var options = new BlobClientOptions();
            options.AddPolicy(this, HttpPipelinePosition.PerRetry);
            return new BlobServiceClient(azurite.ConnectionString, options);
        });
    }

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        ProcessNext(message, pipeline);
        Count(message);
    }

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        await ProcessNextAsync(message, pipeline);
        Count(message);
    }

    private void Count(HttpMessage message)
    {
        Interlocked.Increment(ref requests);
        if (message.Response.ContentStream is MemoryStream buffered) Interlocked.Add(ref bytes, buffered.Length);
        else if (message.Response.Headers.ContentLength is { } length) Interlocked.Add(ref bytes, length);
        if (message.Request.Method != RequestMethod.Get || !message.Request.Uri.Path.EndsWith("()", StringComparison.Ordinal)) return;
        Interlocked.Increment(ref tableQueries);
        using var json = JsonDocument.Parse(message.Response.Content);
        if (json.RootElement.TryGetProperty("value", out var value)) Interlocked.Add(ref entities, value.GetArrayLength());
    }
}
