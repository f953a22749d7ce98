using SkiaSharp;
using Syndication.Articles;
using Syndication.Images;

namespace Syndication.Tests.Images;

public sealed class RenditionsTests
{
    private static IReadOnlyList<Rendition> Make(byte[] bytes) => Renditions.Make(bytes, ImageInspector.Inspect(new MemoryStream(bytes)));

    [Fact]
    public void ALargeJpegGetsEveryRenditionAtItsExactSizeAsJpegAndWebP()
    {
        var source = TestImages.Jpeg(3000, 2000, new SKRectI(1000, 500, 2000, 1500));
        var renditions = Make(source);

        Assert.Equal(["promo", "promo", "square", "square", "thumbnail", "thumbnail"], renditions.Select(r => r.Spec.Role).Order());
        foreach (var r in renditions)
        {
            var (width, height, format) = TestImages.Decode(r.Bytes);
            Assert.Equal((r.Spec.Width, r.Spec.Height), (width, height));
            Assert.Equal((r.Width, r.Height), (width, height));
            Assert.Equal(r.ContentType, ImageInspector.Inspect(new MemoryStream(r.Bytes)).ContentType);
            Assert.Equal(r.ContentType == "image/webp" ? SKEncodedImageFormat.Webp : SKEncodedImageFormat.Jpeg, format);
            Assert.InRange(r.Bytes.Length, 1_000, source.Length);
            Assert.StartsWith(Renditions.SourceHash(source) + "-" + r.Spec.Key, r.Name);
        }
        Assert.Equal(renditions.Select(r => r.Name), Make(source).Select(r => r.Name));
    }

    [Fact]
    public void APngWithTransparencyKeepsItAsPngAndWebP()
    {
        var renditions = Make(TestImages.Png(2400, 1600, transparent: true));

        Assert.Equal(6, renditions.Count);
        Assert.Equal(["image/png", "image/webp"], renditions.Select(r => r.ContentType).Distinct().Order());
        Assert.All(renditions, r =>
        {
            var (width, height, _) = TestImages.Decode(r.Bytes);
            Assert.Equal((r.Spec.Width, r.Spec.Height), (width, height));
        });
    }

    [Fact]
    public void AnOpaquePngBecomesJpegAndWebP() =>
        Assert.Equal(["image/jpeg", "image/webp"], Make(TestImages.Png(1300, 1300)).Select(r => r.ContentType).Distinct().Order());

    [Fact]
    public void ASourceTooSmallForARenditionGetsNoneOfItNeverAnUpscale()
    {
        // 700×500: a 16:9 window of 700×394 holds 640×360; 1.91:1 needs 1200 wide, square needs 600 high.
        var renditions = Make(TestImages.Jpeg(700, 500));
        Assert.Equal([RenditionSpec.Thumbnail], renditions.Select(r => r.Spec.Role).Distinct());
        Assert.Empty(Make(TestImages.Jpeg(400, 300)));
    }

    [Fact]
    public void TheCropIsCentredOnTheMostDetailedRegion()
    {
        // 400×100 grayscale, flat but for detail in columns 250-290: a square window (100 wide) sits around it.
        var gray = new byte[400 * 100];
        var random = new Random(3);
        for (var y = 0; y < 100; y++)
            for (var x = 250; x < 290; x++) gray[y * 400 + x] = (byte)random.Next(256);
        var (wx, wy, ww, wh) = EntropyCrop.Window(gray, 400, 100, 1.0);
        Assert.Equal((0, 100, 100), (wy, ww, wh));
        Assert.InRange(wx + ww / 2, 260, 280);

        // A flat image is cropped at its centre.
        Assert.Equal((150, 0, 100, 100), EntropyCrop.Window(new byte[400 * 100], 400, 100, 1.0));
    }

    [Fact]
    public void ASquareRenditionOfAnImageWithDetailInOneCornerShowsThatCorner()
    {
        // Detail only in the top-right corner of a 2400×1200 photo: the square (1200×1200 of it) is its right half.
        var source = TestImages.Jpeg(2400, 1200, new SKRectI(1900, 0, 2400, 400));
        var square = Make(source).First(r => r.Spec.Role == RenditionSpec.Square && r.ContentType == "image/jpeg");
        Assert.True(TestImages.Detail(square.Bytes, 0.6, 1.0) > 5 * TestImages.Detail(square.Bytes, 0.0, 0.4));
    }

    [Fact]
    public void ASquareRenditionOfAPngDecodedInBandsShowsTheDetailedCorner()
    {
        // A PNG is decoded a band of rows at a time and averaged down 2x2: the crop still finds the detail.
        var source = TestImages.Png(2400, 1200, new SKRectI(1900, 0, 2400, 400));
        var square = Make(source).First(r => r.Spec.Role == RenditionSpec.Square && r.ContentType == "image/jpeg");
        Assert.Equal((600, 600), (TestImages.Decode(square.Bytes).Width, TestImages.Decode(square.Bytes).Height));
        Assert.True(TestImages.Detail(square.Bytes, 0.6, 1.0) > 5 * TestImages.Detail(square.Bytes, 0.0, 0.4));
    }

    [Fact]
    public void APngOverTheFullSizeDecodingLimitStillGetsEveryRendition()
    {
        // 8000x4000 is 32 MP, over the 30 MP a full-size decode may hold; decoded in bands, it never holds them.
        var renditions = Make(TestImages.Png(8000, 4000));
        Assert.Equal(6, renditions.Count);
        Assert.All(renditions, r => Assert.Equal((r.Spec.Width, r.Spec.Height), (TestImages.Decode(r.Bytes).Width, TestImages.Decode(r.Bytes).Height)));
    }

    [Fact]
    public void AnImageThatCannotBeDecodedIsRefusedWithAReason()
    {
        var source = TestImages.Jpeg(1600, 900, new SKRectI(0, 0, 1600, 900));
        var truncated = source[..(source.Length / 3)];
        var e = Assert.Throws<ArticleRejectedException>(() => Make(truncated));
        Assert.StartsWith("renditions:", e.Message);
    }
}
