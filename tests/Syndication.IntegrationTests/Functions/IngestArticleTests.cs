using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Syndication.Functions;
using Syndication.Tests.Support;

namespace Syndication.Tests.Functions;

[Collection(AzuriteCollection.Name)]
public sealed class IngestArticleTests(AzuriteFixture azurite)
{
    [Theory]
    [InlineData("notes.docx")]
    [InlineData("story.md.bak")]
    [InlineData("bad slug.md")]
    [InlineData(".md")]
    [InlineData("story/nested/lead.png")]
    [InlineData("story/lead.tiff")]
    [InlineData("story/")]
    [InlineData("../published/bodies/x.html")]
    public async Task AnEventForABlobOutsideTheArticleNamesIsIgnoredAndLoggedNeverAFailure(string name)
    {
        var tap = new StorageTap();
        var logs = new LogCapture();
        await using var site = new TestSite(azurite, replace: services =>
        {
            tap.On(azurite)(services);
            services.AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Information));
        });
        var function = new IngestArticle(site.Ingestor, site.Get<ILogger<IngestArticle>>());

        var blob = site.Incoming.GetBlobClient(name);
        await function.Run(blob, CancellationToken.None);

        Assert.Empty(tap.Requests); // not read, not recorded as a rejection: nothing of ours
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Information && Equals(e.Properties.GetValueOrDefault("BlobName"), blob.Name)
            && e.Category.EndsWith("ArticleIngestor", StringComparison.Ordinal));
        Assert.Contains(logs.Entries, e => Equals(e.Properties.GetValueOrDefault("BlobName"), blob.Name)
            && Equals(e.Properties.GetValueOrDefault("Result"), Syndication.Ingestion.IngestResult.Ignored));
    }
}
