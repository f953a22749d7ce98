using System.Buffers;

namespace Syndication.Feeds;

/// <summary>
/// One growable buffer per thread for the writers (they never await), so a render allocates its output once
/// instead of every doubling of a fresh buffer on the way to a few hundred KB.
/// </summary>
internal static class RenderBuffer
{
    private const int MaxKeptBytes = 4 * 1024 * 1024;

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? kept;

    /// <summary>An empty buffer for one render on this thread; give it back with <see cref="Return"/>.</summary>
    public static ArrayBufferWriter<byte> RentWriter()
    {
        var writer = kept ?? new ArrayBufferWriter<byte>(64 * 1024);
        kept = null;
        writer.ResetWrittenCount();
        return writer;
    }

    /// <summary>The bytes written, as an array of their exact size; the buffer is kept for the next render unless huge.</summary>
    public static byte[] Return(ArrayBufferWriter<byte> writer)
    {
        // The output array is written over in full at once, so it need not be zeroed first (a feed is a few hundred KB).
        var bytes = GC.AllocateUninitializedArray<byte>(writer.WrittenCount);
        writer.WrittenSpan.CopyTo(bytes);
        Release(writer);
        return bytes;
    }

    /// <summary>Gives the buffer back without copying what it holds (the caller has read it already).</summary>
    public static void Release(ArrayBufferWriter<byte> writer)
    {
        if (writer.Capacity <= MaxKeptBytes) kept = writer;
    }
}
