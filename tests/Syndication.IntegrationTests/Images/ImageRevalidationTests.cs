using Syndication.Tests.Support;

namespace Syndication.Tests.Images;

/// <summary>
/// What revalidating a published image costs: a cache holding the ETag it was given gets 304 from storage's own
/// conditional read, and storage sends none of the image's bytes; a changed or withdrawn image is never answered 304.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ImageRevalidationTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task ARevalidationWithTheImagesETagGets304WithoutStorageSendingItsBytes()
    {
        var tap = new StorageTap();
        await using var site = new TestSite(azurite, replace: tap.On(azurite));
        var photo = await File.ReadAllBytesAsync(Repo.Samples(Repo.SampleSlug, "photo-1.jpg"));
        await site.UploadTextAsync("harbour.md", "---\ntitle: Harbour at dawn\n---\nBody.\n");
        await site.UploadAsync("harbour/photo-1.jpg", photo);
        await site.Ingestor.IngestSlugAsync("harbour");

        var first = await Get(site, null);
        Assert.Equal(200, first.Status);
        Assert.Equal(photo.Length, first.Body.Length);
        var etag = first.Headers.ETag.ToString();

        tap.Reset();
        var again = await Get(site, etag);
        Assert.Equal(304, again.Status);
        Assert.Empty(again.Body);
        Assert.Equal(etag, again.Headers.ETag.ToString());
        Assert.Equal(first.Headers.CacheControl.ToString(), again.Headers.CacheControl.ToString());
        Assert.Equal(1, tap.Count);
        Assert.Equal(0, tap.ResponseBytes);

        // A list, a weak tag or a stale tag is still compared here, with the same answers as before.
        Assert.Equal(304, (await Get(site, $"\"other\", {etag}")).Status);
        Assert.Equal(304, (await Get(site, "W/" + etag)).Status);
        var stale = await Get(site, "\"0x8D000000000000\"");
        Assert.Equal((200, photo.Length), (stale.Status, stale.Body.Length));

        // A stranger's tag that storage would refuse as a condition (not ASCII, a quoted star) is never passed on: a
        // whole read (a non-ASCII header made the SDK retry for 23 s, then throw: a 500).
        foreach (var hostile in new[] { "\"ét\"", "\"*\"", "\"0x8d\u00e9\"", "\"" + new string('F', 5000) + "\"" })
        {
            var answer = await Get(site, hostile);
            Assert.Equal((200, photo.Length), (answer.Status, answer.Body.Length));
        }
    }

    [Fact]
    public async Task AWithdrawnImageIsGoneEvenToACacheHoldingItsETag()
    {
        await using var site = new TestSite(azurite);
        await site.UploadTextAsync("harbour.md", "---\ntitle: Harbour at dawn\n---\nBody.\n");
        await site.UploadAsync("harbour/photo-1.jpg", await File.ReadAllBytesAsync(Repo.Samples(Repo.SampleSlug, "photo-1.jpg")));
        await site.Ingestor.IngestSlugAsync("harbour");
        var etag = (await Get(site, null)).Headers.ETag.ToString();

        await site.Incoming.DeleteBlobAsync("harbour.md");
        await site.Ingestor.IngestSlugAsync("harbour");

        var status = (await Get(site, etag)).Status;
        Assert.True(status is 404 or 410, $"a withdrawn image answered {status}");
    }

    private static Task<TestResponse> Get(TestSite site, string? ifNoneMatch) =>
        TestSite.ExecuteAsync(r => site.Handlers.GetImageAsync(r, "harbour", "photo-1.jpg"),
            headers: ifNoneMatch is null ? null : new Dictionary<string, string> { ["If-None-Match"] = ifNoneMatch });
}
