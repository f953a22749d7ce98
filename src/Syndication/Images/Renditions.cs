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
public static partial class Renditions
{
    /// <summary>
    /// At most this many pixels are decoded at once (4 bytes each) when the codec can neither decode smaller nor in
    /// bands: larger sources keep their original only.
    /// </summary>
    public const long MaxDecodePixels = 30_000_000;
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
