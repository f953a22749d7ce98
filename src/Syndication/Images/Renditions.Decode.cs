using SkiaSharp;
using Syndication.Articles;

namespace Syndication.Images;

// Decoding at the smallest size that covers every rendition: the codec's own scaling (JPEG, WebP), then, for a PNG,
// a band of rows at a time, averaged down by a whole factor as the rows arrive.
public static partial class Renditions
{
    // A banded decode holds at most this many bytes of full-size rows at a time.
    private const int BandBytes = 16 << 20;

    // The smallest size the codec decodes at that still covers every fitting rendition (the full size for PNG and GIF).
    private static SKSizeI DecodeSize(SKCodec codec, IReadOnlyList<RenditionSpec> fitting, int width, int height, bool turned)
    {
        var scale = fitting.Max(s => (float)s.Width / Window(width, height, s.Aspect).Width);
        var scaled = codec.GetScaledDimensions(Math.Min(1f, scale));
        return Covers(scaled, 1, fitting, turned) ? scaled : codec.Info.Size;
    }

    // The largest whole factor that size can be divided by and still cover every fitting rendition: what is decoded is
    // then less than twice the size the largest rendition needs.
    private static int Step(SKSizeI size, IReadOnlyList<RenditionSpec> fitting, bool turned)
    {
        var (width, height) = turned ? (size.Height, size.Width) : (size.Width, size.Height);
        var step = (int)Math.Floor(1 / fitting.Max(s => (double)s.Width / Window(width, height, s.Aspect).Width));
        while (step > 1 && !Covers(size, step, fitting, turned)) step--;
        return Math.Max(1, step);
    }

    private static bool Covers(SKSizeI size, int step, IReadOnlyList<RenditionSpec> fitting, bool turned)
    {
        var (w, h) = turned ? (size.Height / step, size.Width / step) : (size.Width / step, size.Height / step);
        return fitting.All(s => Window(w, h, s.Aspect) is var (cw, ch) && cw >= s.Width && ch >= s.Height);
    }

    // The source decoded a band of full-size rows at a time (BandBytes), each step × step block averaged into one pixel
    // as its rows arrive (premultiplied, so transparency averages right); the last rows and columns that make no whole
    // block are left out. Null for anything but PNG, the format whose codec decodes a band of rows (JPEG and WebP
    // decode smaller instead; GIF is decoded whole, within MaxDecodePixels).
    private static SKBitmap? DecodeInBands(SKCodec codec, int step, bool opaque)
    {
        if (codec.EncodedFormat is not SKEncodedImageFormat.Png) return null;
        var full = new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Rgba8888, opaque ? SKAlphaType.Opaque : SKAlphaType.Premul);
        var (width, height) = (full.Width / step, full.Height / step);
        var bandRows = Math.Max(1, BandBytes / full.RowBytes / step) * step;
        using var band = new SKBitmap(full.WithSize(full.Width, Math.Min(bandRows, height * step)));
        var result = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, full.AlphaType));
        try
        {
            var sums = new uint[width * 4];
            var input = band.GetPixelSpan();
            var output = result.GetPixelSpan();
            var area = (uint)(step * step);
            for (var top = 0; top < height * step; top += bandRows)
            {
                var rows = Math.Min(bandRows, height * step - top);
                var options = new SKCodecOptions(new SKRectI(0, top, full.Width, top + rows));
                var started = codec.StartIncrementalDecode(full, band.GetPixels(), band.RowBytes, options);
                if (started is not SKCodecResult.Success && top == 0)
                {
                    result.Dispose();
                    return null;
                }
                var decoded = started is SKCodecResult.Success ? codec.IncrementalDecode() : started;
                if (decoded is not SKCodecResult.Success) throw new ArticleRejectedException($"renditions: the image could not be decoded ({decoded})");
                for (var r = 0; r < rows; r += step)
                {
                    Array.Clear(sums);
                    for (var y = r; y < r + step; y++)
                    {
                        var line = input.Slice(y * band.RowBytes, width * step * 4);
                        for (int c = 0, p = 0; c < sums.Length; c += 4)
                            for (var k = 0; k < step; k++, p += 4)
                            {
                                sums[c] += line[p];
                                sums[c + 1] += line[p + 1];
                                sums[c + 2] += line[p + 2];
                                sums[c + 3] += line[p + 3];
                            }
                    }
                    var row = output.Slice((top + r) / step * width * 4, width * 4);
                    for (var i = 0; i < row.Length; i++) row[i] = (byte)((sums[i] + area / 2) / area);
                }
            }
            return result;
        }
        catch
        {
            result.Dispose();
            throw;
        }
    }

    private static SKBitmap Decode(SKCodec codec, SKSizeI size, bool opaque)
    {
        var target = new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, opaque ? SKAlphaType.Opaque : SKAlphaType.Premul);
        var bitmap = new SKBitmap(target);
        var result = codec.GetPixels(target, bitmap.GetPixels());
        if (result is SKCodecResult.Success) return bitmap;
        bitmap.Dispose();
        throw new ArticleRejectedException($"renditions: the image could not be decoded ({result})");
    }
}
