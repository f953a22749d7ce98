using System.Buffers;

namespace Syndication.Feeds;

/// <summary>
/// One growable buffer per thread for the writers (they never await), so a render allocates its output once
/// instead of every doubling of a fresh MemoryStream on the way to a few hundred KB.
/// </summary>
internal static class RenderBuffer
{
    private const int MaxKeptBytes = 4 * 1024 * 1024;

    [ThreadStatic]
    private static MemoryStream? kept;

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? keptWriter;

    /// <summary>An empty stream for one render on this thread; give it back with <see cref="Return"/>.</summary>
    public static MemoryStream Rent()
    {
        var stream = kept ?? new MemoryStream(64 * 1024);
        kept = null;
        stream.SetLength(0);
        return stream;
    }

    /// <summary>The bytes written, as an array of their exact size; the buffer is kept for the next render unless huge.</summary>
    public static byte[] Return(MemoryStream stream)
    {
        var bytes = Copy(stream.GetBuffer().AsSpan(0, (int)stream.Length));
        if (stream.Capacity <= MaxKeptBytes) kept = stream;
        return bytes;
    }

    /// <summary>The bytes written from <paramref name="start"/> to <paramref name="end"/> (a fragment inside its context); the buffer is kept as above.</summary>
    public static byte[] Return(MemoryStream stream, long start, long end)
    {
        var bytes = Copy(stream.GetBuffer().AsSpan((int)start, (int)(end - start)));
        if (stream.Capacity <= MaxKeptBytes) kept = stream;
        return bytes;
    }

    /// <summary>An empty buffer writer for one render on this thread (Utf8JsonWriter writes into it directly).</summary>
    public static ArrayBufferWriter<byte> RentWriter()
    {
        var writer = keptWriter ?? new ArrayBufferWriter<byte>(64 * 1024);
        keptWriter = null;
        writer.ResetWrittenCount();
        return writer;
    }

    /// <summary>The bytes written from <paramref name="start"/> to <paramref name="end"/>; the buffer is kept unless huge.</summary>
    public static byte[] Return(ArrayBufferWriter<byte> writer, int start, int end)
    {
        var bytes = Copy(writer.WrittenSpan[start..end]);
        if (writer.Capacity <= MaxKeptBytes) keptWriter = writer;
        return bytes;
    }

    // The output array is written over in full at once, so it need not be zeroed first (a feed is a few hundred KB).
    private static byte[] Copy(ReadOnlySpan<byte> written)
    {
        var bytes = GC.AllocateUninitializedArray<byte>(written.Length);
        written.CopyTo(bytes);
        return bytes;
    }
}
