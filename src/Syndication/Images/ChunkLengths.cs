using System.Buffers.Binary;

namespace Syndication.Images;

/// <summary>
/// Checks that every PNG chunk and RIFF (WebP) chunk fits in the file before MetadataExtractor reads it: it allocates
/// what a chunk claims, so a 12-byte lie of "2 GiB" costs gigabytes or an OutOfMemoryException.
/// </summary>
internal static class ChunkLengths
{
    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Why the file is cut short, or null when its chunks fit (or it is neither PNG nor RIFF).</summary>
    public static string? Overrun(Stream stream)
    {
        var start = stream.Position;
        try
        {
            Span<byte> head = stackalloc byte[12];
            var read = stream.ReadAtLeast(head, 12, throwOnEndOfStream: false);
            if (read >= 8 && head[..8].SequenceEqual(PngSignature))
                return Walk(stream, start + 8, stream.Length, bigEndian: true, typeFirst: false, trailer: 4);
            if (read == 12 && head[..4].SequenceEqual("RIFF"u8))
                return Walk(stream, start + 12, Math.Min(stream.Length, start + 8 + BinaryPrimitives.ReadUInt32LittleEndian(head[4..8])),
                    bigEndian: false, typeFirst: true, trailer: 0);
            return null;
        }
        finally
        {
            stream.Position = start;
        }
    }

    // PNG: length, type, data, CRC. RIFF: type, length, data, a pad byte when the length is odd.
    private static string? Walk(Stream stream, long at, long end, bool bigEndian, bool typeFirst, int trailer)
    {
        Span<byte> header = stackalloc byte[8];
        while (at + 8 <= end)
        {
            stream.Position = at;
            if (stream.ReadAtLeast(header, 8, throwOnEndOfStream: false) < 8) return null;
            var lengthBytes = typeFirst ? header[4..] : header[..4];
            var type = System.Text.Encoding.ASCII.GetString(typeFirst ? header[..4] : header[4..]);
            long length = bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(lengthBytes) : BinaryPrimitives.ReadUInt32LittleEndian(lengthBytes);
            if (type == "IEND") return null;
            var remaining = stream.Length - at - 8;
            if (length > remaining - trailer)
                return $"image: the file is cut short (its '{type}' chunk claims {length} bytes, {Math.Max(0, remaining)} remain)";
            at += 8 + length + trailer + (typeFirst ? length & 1 : 0);
        }
        return null;
    }
}
