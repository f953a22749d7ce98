namespace Syndication.Tests.Hostile;

// Images beside a good document: files that lie about their type, truncated files, files declaring enormous
// sizes, and real images with the wrong extension (published with the type their bytes state).
public static partial class HostileCorpus
{
    private const string NotAnImage = "image: the file is not a readable image";

    private static IEnumerable<HostileCase> LyingImages()
    {
        (string File, byte[] Bytes, string Reason)[] lies =
        [
            ("text.jpg", ImageBytes.Text("This is not an image.\n"), "image:"),
            ("text.png", ImageBytes.Text("Neither is this.\n"), "image:"),
            ("text.gif", ImageBytes.Text("GIF? No.\n"), "image:"),
            ("text.webp", ImageBytes.Text("RIFF? No.\n"), "image:"),
            ("page.png", ImageBytes.Text("<html><body><script>alert(1)</script></body></html>"), "image:"),
            ("vector.gif", ImageBytes.Text("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"><rect width=\"9\" height=\"9\"/></svg>"), "image:"),
            ("data.webp", ImageBytes.Text("{\"title\": \"not an image\"}"), "image:"),
            ("document.jpg", [.. "%PDF-1.7\n"u8, 0, 1, 2, 3], "image:"),
            ("bitmap.jpg", ImageBytes.Bmp(), "image: image/bmp is not a web image type"),
            ("scan.png", ImageBytes.Tiff(), "image:"),
            ("layers.webp", ImageBytes.Psd(), "image:"),
            ("empty.jpg", [], "image:"),
            ("empty.png", [], "image:"),
            ("empty.gif", [], "image:"),
            ("empty.webp", [], "image:"),
        ];
        foreach (var (file, bytes, reason) in lies)
            yield return WithImage("image-lies", Path.GetFileNameWithoutExtension(file) + "-" + Path.GetExtension(file)[1..], file, bytes, Expected.Rejected, reason);
    }

    private static IEnumerable<HostileCase> TruncatedImages()
    {
        var jpeg = ImageBytes.Jpeg;
        var png = ImageBytes.Png(64, 64);
        var webp = ImageBytes.WebP;
        (string Name, string File, byte[] Bytes, Expected Expected)[] cuts =
        [
            ("jpeg-start-marker-only", "a.jpg", jpeg[..2], Expected.Rejected),
            ("jpeg-cut-in-app0", "b.jpg", jpeg[..10], Expected.Rejected),
            ("jpeg-cut-at-half", "c.jpg", jpeg[..(jpeg.Length / 2)], Expected.Sanitized),
            ("png-signature-only", "a.png", png[..8], Expected.Rejected),
            ("png-cut-in-ihdr", "b.png", png[..20], Expected.Rejected),
            ("png-without-iend", "c.png", png[..^12], Expected.Rejected),
            ("gif-signature-only", "a.gif", "GIF89a"u8.ToArray(), Expected.Rejected),
            ("gif-cut-in-screen", "b.gif", ImageBytes.Gif(16, 16)[..8], Expected.Rejected),
            ("webp-riff-only", "a.webp", webp[..12], Expected.Rejected),
            ("webp-cut-at-half", "b.webp", webp[..(webp.Length / 2)], Expected.Rejected),
        ];
        foreach (var (name, file, bytes, expected) in cuts)
            yield return WithImage("image-truncated", name, file, bytes, expected, expected == Expected.Rejected ? "image:" : null);
    }

    private static IEnumerable<HostileCase> HugeImages()
    {
        (string Name, string File, byte[] Bytes, string? Reason)[] huge =
        [
            ("png-100000x100000", "a.png", ImageBytes.Png(100_000, 100_000), "image: 100000x100000 pixels is over the"),
            ("gif-65535x65535", "a.gif", ImageBytes.Gif(65_535, 65_535), "image: 65535x65535 pixels is over the"),
            ("jpeg-65500x65500", "a.jpg", ImageBytes.JpegHeader(65_500, 65_500), "image: 65500x65500 pixels is over the"),
            ("webp-16384x16384", "a.webp", ImageBytes.WebPExtended(16_384, 16_384), "image: 16384x16384 pixels is over the"),
            ("png-2147483647x1", "b.png", ImageBytes.Png(int.MaxValue, 1), "image: 2147483647x1 pixels is over the"),
            ("png-width-over-int", "c.png", ImageBytes.Png(0x80000000, 1), "image:"),
            ("png-0x0", "d.png", ImageBytes.Png(0, 0), "image: the image/png file states no pixel size"),
            ("png-lying-chunk-length", "e.png", ImageBytes.PngWithLyingChunkLength(), "image: the file is cut short"),
            ("webp-lying-chunk-length", "b.webp", ImageBytes.WebPWithLyingChunkLength(), "image: the file is cut short"),
            ("jpeg-lying-segment-length", "b.jpg", ImageBytes.JpegWithLyingSegmentLength(), "image:"),
            ("gif-over-byte-cap", "b.gif", ImageBytes.LargeGif, $"image: {ImageBytes.LargeGif.Length} bytes is over the {MaxImageBytes}-byte limit"),
            ("png-at-pixel-limit", "f.png", ImageBytes.Png(10_000, 10_000), null),
        ];
        foreach (var (name, file, bytes, reason) in huge)
            yield return WithImage("image-huge", name, file, bytes, reason is null ? Expected.Sanitized : Expected.Rejected, reason);
    }

    private static IEnumerable<HostileCase> MislabelledImages()
    {
        (string Name, string File, byte[] Bytes, string Type)[] mislabelled =
        [
            ("png-named-jpg", "photo.jpg", ImageBytes.Png(8, 8), "image/png"),
            ("jpeg-named-png", "photo.png", ImageBytes.Jpeg, "image/jpeg"),
            ("gif-named-webp", "photo.webp", ImageBytes.Gif(1, 1), "image/gif"),
            ("webp-named-gif", "photo.gif", ImageBytes.WebP, "image/webp"),
            ("jpeg-upper-case-extension", "PHOTO.JPEG", ImageBytes.Jpeg, "image/jpeg"),
        ];
        foreach (var (name, file, bytes, type) in mislabelled)
            yield return WithImage("image-mislabelled", name, file, bytes, Expected.Sanitized) with { ImageTypes = [type] };
    }
}
