using System.Security.Cryptography;
using System.Text;

namespace Syndication.Ingestion;

/// <summary>
/// A listing of the incoming container reduced to what reconciliation compares: each slug's source signature, the
/// slugs spread over <see cref="Buckets"/> buckets by a hash of the slug, and one digest per bucket.
/// </summary>
internal sealed class ListingDigest
{
    /// <summary>256 buckets: a changed slug costs reading one bucket row of about N/256 entries.</summary>
    public const int Buckets = 256;

    /// <summary>The signature recorded for a slug whose pass failed, so the next pass looks at it again.</summary>
    public const string Failed = "!";

    private readonly List<(string Slug, string Signature)>[] entries = Enumerable.Range(0, Buckets).Select(_ => new List<(string, string)>()).ToArray();
    private readonly string[] digests = new string[Buckets];

    public ListingDigest(IEnumerable<(string Slug, string Signature)> slugs)
    {
        foreach (var entry in slugs) entries[BucketOf(entry.Slug)].Add(entry);
        for (var b = 0; b < Buckets; b++) digests[b] = Digest(entries[b]);
    }

    public IReadOnlyList<string> BucketDigests => digests;

    public IReadOnlyList<(string Slug, string Signature)> Entries(int bucket) => entries[bucket];

    /// <summary>Marks a slug's pass as failed (listed or not), changing its bucket's digest.</summary>
    public void Fail(string slug)
    {
        var b = BucketOf(slug);
        entries[b].RemoveAll(e => e.Slug == slug);
        entries[b].Add((slug, Failed));
        digests[b] = Digest(entries[b]);
    }

    public static int BucketOf(string slug) => SHA256.HashData(Encoding.UTF8.GetBytes(slug))[0];

    private static string Digest(List<(string Slug, string Signature)> bucket)
    {
        if (bucket.Count == 0) return "";
        bucket.Sort((a, b) => string.CompareOrdinal(a.Slug, b.Slug));
        return ContentHash.Hex(string.Concat(bucket.Select(e => $"{e.Slug}\t{e.Signature}\n")), 8);
    }
}
