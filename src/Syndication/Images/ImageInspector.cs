using MetadataExtractor;
using MetadataExtractor.Formats.FileType;
using MetadataExtractor.Formats.Gif;
using MetadataExtractor.Formats.Jpeg;
using MetadataExtractor.Formats.Png;
using MetadataExtractor.Formats.WebP;
using Syndication.Articles;

namespace Syndication.Images;

/// <summary>What an image really is, read from its bytes: MIME type and pixel size (MetadataExtractor), never from the name.</summary>
public static class ImageInspector
{
    /// <summary>Images declaring more pixels than this are refused (decompression-bomb guard for readers).</summary>
    public const long MaxPixels = 100_000_000;

    /// <summary>The image's type and size, or an <see cref="ArticleRejectedException"/> saying why it cannot be published.</summary>
    public static ImageInfo Inspect(Stream bytes)
    {
        if (bytes.CanSeek && ChunkLengths.Overrun(bytes) is { } overrun) throw new ArticleRejectedException(overrun);
        IReadOnlyList<MetadataExtractor.Directory> directories;
        try
        {
            directories = ImageMetadataReader.ReadMetadata(bytes);
        }
        catch (Exception e) when (e is ImageProcessingException or IOException or ArgumentException or IndexOutOfRangeException)
        {
            throw new ArticleRejectedException($"image: the file is not a readable image ({e.Message})", e);
        }
        var mime = directories.OfType<FileTypeDirectory>().FirstOrDefault()?.GetString(FileTypeDirectory.TagDetectedFileMimeType);
        var (width, height) = mime switch
        {
            "image/jpeg" => Size<JpegDirectory>(directories, JpegDirectory.TagImageWidth, JpegDirectory.TagImageHeight),
            "image/png" => Size<PngDirectory>(directories, PngDirectory.TagImageWidth, PngDirectory.TagImageHeight),
            "image/gif" => Size<GifHeaderDirectory>(directories, GifHeaderDirectory.TagImageWidth, GifHeaderDirectory.TagImageHeight),
            "image/webp" => Size<WebPDirectory>(directories, WebPDirectory.TagImageWidth, WebPDirectory.TagImageHeight),
            null => throw new ArticleRejectedException("image: the bytes are not a known image format"),
            _ => throw new ArticleRejectedException($"image: {mime} is not a web image type (JPEG, PNG, GIF or WebP)"),
        };
        if (width <= 0 || height <= 0) throw new ArticleRejectedException($"image: the {mime} file states no pixel size");
        if ((long)width * height > MaxPixels)
            throw new ArticleRejectedException($"image: {width}x{height} pixels is over the {MaxPixels:N0}-pixel limit");
        return new ImageInfo(mime, width, height);
    }

    private static (int, int) Size<T>(IEnumerable<MetadataExtractor.Directory> directories, int widthTag, int heightTag)
        where T : MetadataExtractor.Directory
    {
        var d = directories.OfType<T>().FirstOrDefault();
        return d is not null && d.TryGetInt32(widthTag, out var w) && d.TryGetInt32(heightTag, out var h) ? (w, h) : (0, 0);
    }
}

/// <summary>An image's MIME type and pixel size as its bytes state them.</summary>
public sealed record ImageInfo(string ContentType, int Width, int Height);
