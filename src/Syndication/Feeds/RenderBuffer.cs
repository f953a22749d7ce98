using System.Buffers;

namespace Syndication.Feeds;

/// <summary>
/// Growable buffers kept per thread for the writers (they never await), so a render allocates its output once
/// instead of every doubling of a fresh buffer on the way to a few hundred KB. Rents nest (the items' buffer while the
/// feed's is in use); each rent is given back with <see cref="Release"/> or <see cref="Return"/>.
/// </summary>
internal static class RenderBuffer
{
    private const int MaxKeptBytes = 4 * 1024 * 1024;

    [ThreadStatic]
    private static Stack<ArrayBufferWriter<byte>>? kept;

    /// <summary>An empty buffer for one render on this thread.</summary>
    public static ArrayBufferWriter<byte> RentWriter()
    {
        var writer = kept is { Count: > 0 } k ? k.Pop() : new ArrayBufferWriter<byte>(64 * 1024);
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
        if (writer.Capacity <= MaxKeptBytes) (kept ??= new Stack<ArrayBufferWriter<byte>>(3)).Push(writer);
    }
}
