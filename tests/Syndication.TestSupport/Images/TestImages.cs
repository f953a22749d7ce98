using SkiaSharp;

namespace Syndication.Tests.Images;

/// <summary>Images made in the test with SkiaSharp: a smooth gradient, with fine detail (noise) where asked.</summary>
public static class TestImages
{
    public static byte[] Jpeg(int width, int height, SKRectI? detail = null) => Encode(width, height, detail, SKEncodedImageFormat.Jpeg, opaque: true);

    public static byte[] Png(int width, int height, SKRectI? detail = null, bool transparent = false) =>
        Encode(width, height, detail, SKEncodedImageFormat.Png, opaque: !transparent);

    private static byte[] Encode(int width, int height, SKRectI? detail, SKEncodedImageFormat format, bool opaque)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, opaque ? SKAlphaType.Opaque : SKAlphaType.Unpremul));
        var pixels = bitmap.GetPixelSpan();
        var random = new Random(17);
        var d = detail ?? new SKRectI(0, 0, width, height);
        for (var y = 0; y < height; y++)
            for (var x = 0; x < width; x++)
            {
                var i = 4 * (y * width + x);
                var inDetail = detail is null ? false : d.Contains(x, y);
                var v = inDetail ? (byte)random.Next(256) : (byte)(96 + 32 * y / height);
                pixels[i] = v;
                pixels[i + 1] = inDetail ? (byte)random.Next(256) : (byte)(120 + 16 * x / width);
                pixels[i + 2] = v;
                pixels[i + 3] = opaque ? (byte)255 : (byte)(x < width / 2 ? 255 : 128);
            }
        using var data = bitmap.Encode(format, 90);
        return data.ToArray();
    }

    /// <summary>The decoded size of encoded bytes, with the codec's own idea of its format.</summary>
    public static (int Width, int Height, SKEncodedImageFormat Format) Decode(byte[] bytes)
    {
        using var codec = SKCodec.Create(new MemoryStream(bytes));
        using var bitmap = SKBitmap.Decode(bytes);
        Assert.NotNull(bitmap);
        return (codec.Info.Width, codec.Info.Height, codec.EncodedFormat);
    }

    /// <summary>Mean absolute difference between horizontal neighbours in a column band: how much detail it holds.</summary>
    public static double Detail(byte[] bytes, double from, double to)
    {
        using var bitmap = SKBitmap.Decode(bytes);
        double sum = 0;
        var count = 0;
        for (var y = 0; y < bitmap.Height; y += 2)
            for (var x = (int)(from * bitmap.Width); x < (int)(to * bitmap.Width) - 1; x += 2)
            {
                sum += Math.Abs(bitmap.GetPixel(x, y).Green - bitmap.GetPixel(x + 1, y).Green);
                count++;
            }
        return sum / count;
    }
}
