using Syndication.Ingestion;
using Syndication.Tests.Support;

namespace Syndication.Tests.Hostile;

/// <summary>Documents and images over the size caps (5 MiB and 20 MiB unless configured) are rejected from the listing, unread.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class SizeCapTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task ADocumentOneByteOverTheDefaultCapIsRejectedWithItsSizeAndTheLimit()
    {
        await using var site = new TestSite(azurite);
        var document = new byte[5 * 1024 * 1024 + 1];
        Array.Fill(document, (byte)'a');
        "# Title\n\n"u8.CopyTo(document);
        await site.UploadAsync("just-over.md", document);

        var outcome = await site.Ingestor.IngestBlobAsync("just-over.md");

        Assert.Equal(IngestResult.Rejected, outcome.Result);
        Assert.Equal("document: 5242881 bytes is over the 5242880-byte limit", outcome.Reason);
        Assert.Equal(outcome.Reason, (await site.Rejections.RejectionsAsync()).Single().Reason);
    }

    [Fact]
    public async Task ConfiguredCapsRejectLargerDocumentsAndImagesButPublishTheArticle()
    {
        await using var site = new TestSite(azurite, new Dictionary<string, string?>
        {
            ["Syndication:MaxDocumentBytes"] = "1000",
            ["Syndication:MaxImageBytes"] = "2000",
        });
        await site.UploadTextAsync("too-long.md", "# Too long\n\n" + new string('a', 1000));
        await site.UploadTextAsync("fits.md", "# Fits\n\nShort.");
        await site.UploadAsync("fits/photo.png", await File.ReadAllBytesAsync(Repo.Samples(Repo.SampleSlug, "photo-2.png")));

        await site.Ingestor.ReconcileAsync();

        var reasons = (await site.Rejections.RejectionsAsync()).ToDictionary(r => r.BlobName, r => r.Reason);
        Assert.Equal("document: 1012 bytes is over the 1000-byte limit", reasons["too-long.md"]);
        Assert.StartsWith("image: 49006 bytes is over the 2000-byte limit", reasons["fits/photo.png"]);
        var fits = await site.Store.ArticleBySlugAsync("fits");
        Assert.Empty(fits!.Value.Article.Images);
        Assert.Null(await site.Store.ArticleBySlugAsync("too-long"));
    }
}
