using System.Security.Cryptography;
using SkiaSharp;
using Syndication.Articles;

namespace Syndication.Images;

/// <summary>One rendition's bytes and what they are, under its content-addressed name.</summary>
public sealed record Rendition(RenditionSpec Spec, string Name, string ContentType, int Width, int Height, byte[] Bytes);

/// <summary>
/// Makes an image's renditions (<see cref="RenditionSpec.All"/>, each as JPEG, or PNG for a source with transparency,
/// and as WebP) with SkiaSharp: size checks before any decoding, one decode at the smallest size that still covers
/// every rendition (JPEG and WebP decode smaller for free; a PNG is decoded in bands of rows, each averaged down as
/// it arrives, so its full size is never held), a crop around the most detailed region
/// (<see cref="EntropyCrop"/>), never an upscale. The source bytes are only read.
/// </summary>
public static class Renditions
{
    /// <summary>
    /// At most this many pixels are decoded at once (4 bytes each) when the codec can neither decode smaller nor in
    /// bands: larger sources keep their original only.
    /// </summary>
    public const long MaxDecodePixels = 30_000_000;
    // A banded decode holds at most this many bytes of full-size rows at a time.
    private const int BandBytes = 16 << 20;
    private const int JpegQuality = 82, WebpQuality = 80, GrayLongSide = 160;

    /// <summary>The hash of the source bytes that starts every rendition name: unchanged bytes, unchanged names.</summary>
    public static string SourceHash(ReadOnlySpan<byte> source) => Convert.ToHexStringLower(SHA256.HashData(source).AsSpan(0, 8));

    /// <summary>A rendition's content-addressed file name: source hash, spec, revision and type.</summary>
    public static string Name(string sourceHash, RenditionSpec spec, string contentType) =>
        $"{sourceHash}-{spec.Key}-{RenditionSpec.Revision}.{Extension(contentType)}";

    /// <summary>The specs a source of this size can fill without upscaling: its largest window of their aspect is at least their size.</summary>
    public static IReadOnlyList<RenditionSpec> Fitting(int width, int height) =>
        RenditionSpec.All.Where(s => Window(width, height, s.Aspect) is var (w, h) && w >= s.Width && h >= s.Height).ToList();

    /// <summary>
    /// Every rendition the source fills, or an <see cref="ArticleRejectedException"/> saying why none can be made (not
    /// decodable, or its real size is not the size its header stated or is over <see cref="MaxDecodePixels"/>).
    /// </summary>
    public static IReadOnlyList<Rendition> Make(ReadOnlySpan<byte> source, ImageInfo info)
    {
        var fitting = Fitting(info.Width, info.Height);
        if (fitting.Count == 0) return [];
        using var data = SKData.CreateCopy(source);
        using var codec = SKCodec.Create(data) ?? throw new ArticleRejectedException("renditions: the image could not be decoded");
        if (codec.Info.Width != info.Width || codec.Info.Height != info.Height)
            throw new ArticleRejectedException($"renditions: the image decodes as {codec.Info.Width}x{codec.Info.Height}, not the {info.Width}x{info.Height} its header states");
        var turned = codec.EncodedOrigin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        var (width, height) = turned ? (info.Height, info.Width) : (info.Width, info.Height);
        fitting = Fitting(width, height);
        if (fitting.Count == 0) return [];
        var size = DecodeSize(codec, fitting, width, height, turned);
        var opaque = codec.Info.AlphaType == SKAlphaType.Opaque;
        var step = Step(size, fitting, turned);
        var banded = step > 1 ? DecodeInBands(codec, step, opaque) : null;
        if (banded is null && (long)size.Width * size.Height > MaxDecodePixels)
            throw new ArticleRejectedException($"renditions: {size.Width}x{size.Height} pixels is over the {MaxDecodePixels:N0}-pixel decoding limit");
        using var decoded = Oriented(banded ?? Decode(codec, size, opaque), codec.EncodedOrigin);
        var gray = Gray(decoded, out var grayWidth, out var grayHeight);
        var hash = SourceHash(source);
        // Crops in turn (they read the one decoded bitmap), then the encodes, the bulk of the work, on every core.
        var scaled = fitting.Select(spec => (Spec: spec, Bitmap: Crop(decoded, spec, gray, grayWidth, grayHeight, opaque))).ToList();
        var jobs = scaled.SelectMany(s => new[] { (s.Spec, s.Bitmap, Type: opaque ? "image/jpeg" : "image/png"), (s.Spec, s.Bitmap, Type: "image/webp") }).ToArray();
        var renditions = new Rendition[jobs.Length];
        try
        {
            Parallel.For(0, jobs.Length, i =>
            {
                var (spec, bitmap, type) = jobs[i];
                using var pixmap = bitmap.PeekPixels();
                renditions[i] = Encoded(spec, hash, type, type switch
                {
                    "image/jpeg" => pixmap.Encode(new SKJpegEncoderOptions(JpegQuality, SKJpegEncoderDownsample.Downsample420, SKJpegEncoderAlphaOption.Ignore)),
                    "image/png" => pixmap.Encode(SKPngEncoderOptions.Default),
                    _ => pixmap.Encode(new SKWebpEncoderOptions(SKWebpEncoderCompression.Lossy, WebpQuality)),
                });
            });
        }
        finally
        {
            foreach (var s in scaled) s.Bitmap.Dispose();
        }
        return renditions;
    }

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

    // The pixels as a person sees them: the EXIF orientation applied (cameras store most photos sideways).
    private static SKBitmap Oriented(SKBitmap bitmap, SKEncodedOrigin origin)
    {
        if (origin is SKEncodedOrigin.TopLeft) return bitmap;
        var turned = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        var (w, h) = turned ? (bitmap.Height, bitmap.Width) : (bitmap.Width, bitmap.Height);
        var result = new SKBitmap(new SKImageInfo(w, h, bitmap.ColorType, bitmap.AlphaType));
        using (var canvas = new SKCanvas(result))
        {
            switch (origin)
            {
                case SKEncodedOrigin.TopRight: canvas.Translate(w, 0); canvas.Scale(-1, 1); break;
                case SKEncodedOrigin.BottomRight: canvas.Translate(w, h); canvas.RotateDegrees(180); break;
                case SKEncodedOrigin.BottomLeft: canvas.Translate(0, h); canvas.Scale(1, -1); break;
                case SKEncodedOrigin.LeftTop: canvas.RotateDegrees(90); canvas.Scale(1, -1); break;
                case SKEncodedOrigin.RightTop: canvas.Translate(w, 0); canvas.RotateDegrees(90); break;
                case SKEncodedOrigin.RightBottom: canvas.Translate(w, h); canvas.RotateDegrees(-90); canvas.Scale(1, -1); break;
                case SKEncodedOrigin.LeftBottom: canvas.Translate(0, h); canvas.RotateDegrees(-90); break;
            }
            canvas.DrawBitmap(bitmap, 0, 0, SKSamplingOptions.Default, null);
        }
        bitmap.Dispose();
        return result;
    }

    // A small grayscale copy (luma) for finding the detail.
    private static byte[] Gray(SKBitmap bitmap, out int width, out int height)
    {
        var factor = Math.Min(1.0, (double)GrayLongSide / Math.Max(bitmap.Width, bitmap.Height));
        width = Math.Max(1, (int)Math.Round(bitmap.Width * factor));
        height = Math.Max(1, (int)Math.Round(bitmap.Height * factor));
        using var small = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        bitmap.ScalePixels(small, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
        var rgba = small.GetPixelSpan();
        var gray = new byte[width * height];
        for (var i = 0; i < gray.Length; i++)
            gray[i] = (byte)((rgba[4 * i] * 77 + rgba[4 * i + 1] * 150 + rgba[4 * i + 2] * 29) >> 8);
        return gray;
    }

    // The spec's window on the most detailed region, scaled down to the spec's exact size.
    private static SKBitmap Crop(SKBitmap decoded, RenditionSpec spec, byte[] gray, int grayWidth, int grayHeight, bool opaque)
    {
        var (gx, gy, gw, gh) = EntropyCrop.Window(gray, grayWidth, grayHeight, spec.Aspect);
        var (w, h) = Window(decoded.Width, decoded.Height, spec.Aspect);
        var cx = (gx + gw / 2.0) * decoded.Width / grayWidth;
        var cy = (gy + gh / 2.0) * decoded.Height / grayHeight;
        var x = Math.Clamp((int)Math.Round(cx - w / 2.0), 0, decoded.Width - w);
        var y = Math.Clamp((int)Math.Round(cy - h / 2.0), 0, decoded.Height - h);
        using var subset = new SKBitmap();
        if (!decoded.ExtractSubset(subset, new SKRectI(x, y, x + w, y + h)))
            throw new InvalidOperationException($"renditions: could not take {w}x{h} at {x},{y} of {decoded.Width}x{decoded.Height}");
        var result = new SKBitmap(new SKImageInfo(spec.Width, spec.Height, SKColorType.Rgba8888, opaque ? SKAlphaType.Opaque : SKAlphaType.Premul));
        // Mitchell when the codec already brought the source near the target; mipmaps for a larger step, so nothing aliases.
        var sampling = w <= 2 * spec.Width
            ? new SKSamplingOptions(SKCubicResampler.Mitchell)
            : new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear);
        subset.ScalePixels(result, sampling);
        return result;
    }

    private static Rendition Encoded(RenditionSpec spec, string hash, string contentType, SKData? data)
    {
        using (data)
        {
            if (data is null) throw new InvalidOperationException($"renditions: SkiaSharp could not encode {contentType}");
            return new Rendition(spec, Name(hash, spec, contentType), contentType, spec.Width, spec.Height, data.ToArray());
        }
    }

    // The largest window of the aspect inside width × height.
    private static (int Width, int Height) Window(int width, int height, double aspect) =>
        (double)width / height > aspect
            ? ((int)Math.Min(width, Math.Round(height * aspect)), height)
            : (width, (int)Math.Min(height, Math.Round(width / aspect)));

    private static string Extension(string contentType) => contentType switch
    {
        "image/jpeg" => "jpg",
        "image/png" => "png",
        "image/webp" => "webp",
        _ => throw new ArgumentException($"renditions: no rendition is {contentType}", nameof(contentType)),
    };
}
