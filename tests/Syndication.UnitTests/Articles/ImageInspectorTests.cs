using Syndication.Articles;
using Syndication.Images;
using Syndication.Tests.Support;

namespace Syndication.Tests.Articles;

public sealed class ImageInspectorTests
{
    [Theory]
    [InlineData("photo-1.jpg", "image/jpeg", 1200, 800)]
    [InlineData("photo-2.png", "image/png", 1024, 683)]
    public void TypeAndSizeComeFromTheBytes(string file, string type, int width, int height)
    {
        using var stream = File.OpenRead(Repo.Samples(Repo.SampleSlug, file));
        Assert.Equal(new ImageInfo(type, width, height), ImageInspector.Inspect(stream));
    }

    [Fact]
    public void TextPretendingToBeAnImageIsRejected()
    {
        var e = Assert.Throws<ArticleRejectedException>(() => ImageInspector.Inspect(new MemoryStream("not an image"u8.ToArray())));
        Assert.StartsWith("image:", e.Message);
    }

    [Fact]
    public void ImagesDeclaringHugePixelCountsAreRejected()
    {
        // A PNG (signature, IHDR with its CRC, IEND) declaring 100000 x 100000 pixels.
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x01, 0x86, 0xA0, 0x00, 0x01, 0x86, 0xA0, 0x08, 0x02, 0x00, 0x00, 0x00, 0x27, 0x30, 0x9C, 0x9F, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82];
        var e = Assert.Throws<ArticleRejectedException>(() => ImageInspector.Inspect(new MemoryStream(png)));
        Assert.Contains("pixel limit", e.Message);
    }
}
