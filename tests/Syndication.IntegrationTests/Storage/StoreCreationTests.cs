using Azure;
using Syndication.Tests.Support;

namespace Syndication.Tests.Storage;

[Collection(AzuriteCollection.Name)]
public sealed class StoreCreationTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task AFailedFirstCreationIsRetriedByTheNextCallNotRethrownForever()
    {
        // Right after a deployment the identity's role assignment may not have reached storage yet: 403 for a while.
        var tap = new StorageTap { Fault = _ => 403 };
        await using var site = new TestSite(azurite, replace: tap.On(azurite));
        var refused = await Assert.ThrowsAsync<RequestFailedException>(() => site.Store.ArticleBySlugAsync("story"));
        Assert.Equal(403, refused.Status);

        tap.Fault = null;
        Assert.Null(await site.Store.ArticleBySlugAsync("story"));
        await site.UploadTextAsync("story.md", "---\ntitle: Story\n---\nBody.\n");
        Assert.Equal(Syndication.Ingestion.IngestResult.Published, (await site.Ingestor.IngestBlobAsync("story.md")).Result);
    }

    [Fact]
    public async Task WithCreateIfMissingOffTheStoreNeverAsksToCreateAnything()
    {
        var tap = new StorageTap();
        await using var site = new TestSite(azurite, new Dictionary<string, string?> { ["Syndication:Storage:CreateIfMissing"] = "false" }, tap.On(azurite));
        await site.Storage.EnsureCreatedAsync();
        Assert.Equal(0, tap.Count);
        // The table was never created, so reading it answers 404 (Bicep creates it in Azure).
        var missing = await Assert.ThrowsAsync<RequestFailedException>(() => site.Store.ArticleSignaturesAsync());
        Assert.Equal(404, missing.Status);
        Assert.DoesNotContain(tap.Requests.Select(r => r.ToString()), r => r.StartsWith("POST /devstoreaccount1/Tables", StringComparison.Ordinal) || r.Contains("restype=container", StringComparison.Ordinal) && r.StartsWith("PUT", StringComparison.Ordinal));
    }
}
