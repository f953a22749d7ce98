using System.Security.Cryptography;
using System.Text;

namespace Syndication.Articles;

/// <summary>Name-based UUIDs (RFC 9562 version 5): an article keeps its id across updates, deletes and rebuilds.</summary>
public static class StableId
{
    private static readonly Guid Namespace = new("5e0f6f8e-6a1e-4b43-9a55-8d1c7a3b2f10");

    public static Guid For(string name)
    {
        Span<byte> input = stackalloc byte[16 + Encoding.UTF8.GetByteCount(name)];
        Namespace.TryWriteBytes(input, bigEndian: true, out _);
        Encoding.UTF8.GetBytes(name, input[16..]);
        Span<byte> hash = stackalloc byte[20];
        SHA1.HashData(input, hash);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16], bigEndian: true);
    }

    /// <summary>The article's id as feeds carry it.</summary>
    public static string Urn(Guid id) => "urn:uuid:" + id.ToString("D");
}
