using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Syndication.Ingestion;
using Syndication.Storage;
using Syndication.Tests.Support;

namespace Syndication.Tests.Resilience;

/// <summary>A transaction that storage committed but whose reply never arrived: the SDK retries it and is refused.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class LostReplyTests(AzuriteFixture azurite)
{
    /// <summary>Lets one batch request through, then loses its reply (as a dropped connection would).</summary>
    private sealed class LoseOneBatchReply : HttpPipelinePolicy
    {
        public volatile bool Armed;

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            ProcessNext(message, pipeline);
            Lose(message);
        }

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            await ProcessNextAsync(message, pipeline);
            Lose(message);
        }

        private void Lose(HttpMessage message)
        {
            if (!Armed || !message.Request.Uri.Path.EndsWith("$batch", StringComparison.Ordinal) || message.Response.Status != 202) return;
            Armed = false;
            throw new IOException("the connection closed before the reply arrived");
        }
    }

    [Fact]
    public async Task AnUpdateWhoseReplyWasLostStillRemovesTheOldBodyAndCountsAsAnUpdate()
    {
        var policy = new LoseOneBatchReply();
        await using var site = new TestSite(azurite, replace: services => services.AddSingleton(_ =>
        {
            var options = new TableClientOptions();
            options.AddPolicy(policy, HttpPipelinePosition.PerRetry);
            return new TableServiceClient(azurite.ConnectionString, options);
        }));
        await site.UploadTextAsync("story.md", "---\ntitle: Harbour\npublished: 2024-01-01\n---\nFirst version.\n");
        Assert.Equal(IngestResult.Published, (await site.Ingestor.IngestBlobAsync("story.md")).Result);
        var first = (await site.Store.ArticleBySlugAsync("story"))!.Value.Article;

        await site.UploadTextAsync("story.md", "---\ntitle: Harbour\npublished: 2024-01-01\n---\nSecond version.\n");
        policy.Armed = true;
        var outcome = await site.Ingestor.IngestBlobAsync("story.md");

        Assert.False(policy.Armed); // the reply was lost, and the SDK's retry was refused (412)
        Assert.Equal(IngestResult.Updated, outcome.Result);
        var second = (await site.Store.ArticleBySlugAsync("story"))!.Value.Article;
        Assert.NotEqual(first.BodyBlob, second.BodyBlob);
        var published = site.Get<BlobServiceClient>().GetBlobContainerClient(site.Get<IOptions<StorageOptions>>().Value.PublishedContainer);
        Assert.False((await published.GetBlobClient(first.BodyBlob).ExistsAsync()).Value, "the first version's body was left behind");
        Assert.True((await published.GetBlobClient(second.BodyBlob).ExistsAsync()).Value);
    }
}
