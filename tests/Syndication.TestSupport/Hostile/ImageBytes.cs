using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using Syndication.Tests.Support;

namespace Syndication.Tests.Hostile;

/// <summary>Image files built byte by byte: real small images, and headers that declare whatever size we like.</summary>
public static class ImageBytes
{
    public static byte[] Jpeg => File.ReadAllBytes(Repo.Samples("harbour-storm-html", "harbour-storm-lead.jpg"));
    public static byte[] WebP => File.ReadAllBytes(Repo.Samples("city-budget-vote", "chamber.webp"));
    public static byte[] LargeGif => File.ReadAllBytes(Repo.Samples("harbour-reopens", "quay.gif"));

    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>An 8-bit RGB PNG declaring <paramref name="width"/>x<paramref name="height"/>; real pixels when it is small.</summary>
    public static byte[] Png(uint width, uint height, params (string Type, byte[] Data)[] extra)
    {
        var ihdr = new byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteUInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = 8;
        ihdr[9] = 2;
        var rows = width * (ulong)height <= 4096 ? (int)height : 1;
        var raw = new byte[rows * (1 + 3 * (int)Math.Min(width, 4096))];
        for (var i = 0; i < raw.Length; i++) raw[i] = (byte)(i % (1 + 3 * Math.Min(width, 4096)) == 0 ? 0 : i * 7);
        using var idat = new MemoryStream();
        using (var z = new ZLibStream(idat, CompressionLevel.Optimal, leaveOpen: true)) z.Write(raw);
        using var png = new MemoryStream();
        png.Write(PngSignature);
        Chunk(png, "IHDR", ihdr);
        foreach (var (type, data) in extra) Chunk(png, type, data);
        Chunk(png, "IDAT", idat.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    /// <summary>A PNG whose text chunk states a length of almost 2 GiB and then ends.</summary>
    public static byte[] PngWithLyingChunkLength()
    {
        var head = Png(4, 4)[..33];
        var lie = new byte[8];
        BinaryPrimitives.WriteUInt32BigEndian(lie, 0x7FFFFFF0);
        "tEXt"u8.CopyTo(lie.AsSpan(4));
        return [.. head, .. lie, .. "Comment\0hello"u8];
    }

    /// <summary>A WebP whose EXIF chunk states a length of almost 2 GiB and then ends.</summary>
    public static byte[] WebPWithLyingChunkLength()
    {
        var webp = WebPExtended(16, 16);
        webp[20] |= 0x08;
        var lie = new byte[8];
        "EXIF"u8.CopyTo(lie);
        BinaryPrimitives.WriteUInt32LittleEndian(lie.AsSpan(4), 0x7FFFFFF0);
        byte[] file = [.. webp, .. lie, .. "MM\0*\0\0\0\u0008"u8];
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(4), (uint)file.Length - 8);
        return file;
    }

    /// <summary>A GIF declaring the given logical screen size, with a 1x1 image inside.</summary>
    public static byte[] Gif(ushort width, ushort height)
    {
        var gif = new List<byte>("GIF89a"u8.ToArray());
        gif.AddRange(BitConverter.GetBytes(width));
        gif.AddRange(BitConverter.GetBytes(height));
        gif.AddRange([0x80, 0, 0, 0xFF, 0xFF, 0xFF, 0, 0, 0]);
        gif.AddRange([0x2C, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0x02, 0x02, 0x44, 0x01, 0x00, 0x3B]);
        return [.. gif];
    }

    /// <summary>A JPEG that is only a start marker, a baseline frame header declaring the size, and an end marker.</summary>
    public static byte[] JpegHeader(ushort width, ushort height) =>
    [
        0xFF, 0xD8, 0xFF, 0xC0, 0x00, 0x11, 0x08, (byte)(height >> 8), (byte)height, (byte)(width >> 8), (byte)width,
        0x03, 0x01, 0x22, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01, 0xFF, 0xD9,
    ];

    /// <summary>A JPEG whose first segment states a length far past the end of the file.</summary>
    public static byte[] JpegWithLyingSegmentLength() => [0xFF, 0xD8, 0xFF, 0xE1, 0xFF, 0xF0, .. "Exif\0\0MM\0*"u8];

    /// <summary>An extended WebP (VP8X) declaring the given canvas size.</summary>
    public static byte[] WebPExtended(int width, int height)
    {
        var webp = new byte[30];
        "RIFF"u8.CopyTo(webp);
        BinaryPrimitives.WriteUInt32LittleEndian(webp.AsSpan(4), 22);
        "WEBPVP8X"u8.CopyTo(webp.AsSpan(8));
        BinaryPrimitives.WriteUInt32LittleEndian(webp.AsSpan(16), 10);
        Write24(webp, 24, width - 1);
        Write24(webp, 27, height - 1);
        return webp;
    }

    /// <summary>A 2x2 24-bit Windows bitmap: a real image, but not one for the web.</summary>
    public static byte[] Bmp()
    {
        var bmp = new byte[54 + 16];
        "BM"u8.CopyTo(bmp);
        BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(2), bmp.Length);
        BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(10), 54);
        BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(14), 40);
        BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(18), 2);
        BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(22), 2);
        BinaryPrimitives.WriteInt16LittleEndian(bmp.AsSpan(26), 1);
        BinaryPrimitives.WriteInt16LittleEndian(bmp.AsSpan(28), 24);
        BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(34), 16);
        return bmp;
    }

    /// <summary>A little-endian TIFF with one 8x8 image file directory.</summary>
    public static byte[] Tiff()
    {
        var tiff = new List<byte> { (byte)'I', (byte)'I', 42, 0, 8, 0, 0, 0, 2, 0 };
        foreach (var (tag, value) in new (ushort, ushort)[] { (256, 8), (257, 8) })
        {
            tiff.AddRange(BitConverter.GetBytes(tag));
            tiff.AddRange([3, 0, 1, 0, 0, 0]);
            tiff.AddRange(BitConverter.GetBytes(value));
            tiff.AddRange([0, 0]);
        }
        tiff.AddRange([0, 0, 0, 0]);
        return [.. tiff];
    }

    /// <summary>A Photoshop header (8BPS) for a 4x4 RGB image.</summary>
    public static byte[] Psd() => [.. "8BPS"u8, 0, 1, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0, 0, 4, 0, 0, 0, 4, 0, 8, 0, 3, 0, 0, 0, 0, 0, 0, 0, 0];

    public static byte[] Text(string text) => Encoding.UTF8.GetBytes(text);

    private static void Write24(byte[] b, int at, int value)
    {
        b[at] = (byte)value;
        b[at + 1] = (byte)(value >> 8);
        b[at + 2] = (byte)(value >> 16);
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(length, (uint)data.Length);
        png.Write(length);
        var typed = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        png.Write(typed);
        BinaryPrimitives.WriteUInt32BigEndian(length, Crc32(typed));
        png.Write(length);
    }

    private static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
        }
        return ~crc;
    }
}
