using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Syndication.Storage;

namespace Syndication.Feeds;

/// <summary>
/// Each item's rendered bytes per format, kept in memory up to <see cref="FeedOptions.FragmentCacheBytes"/>, so a feed
/// render after a publish renders, and downloads the body of, only the items not seen before. An entry is found only
/// for the same format, the same origin (<see cref="SiteUrls"/>) and an equal stored row: every field, BodyBlob
/// naming the body by its content hash. An item's bytes are a pure function of those, so what is found is what a
/// fresh render would write. Thread-safe; when full, the least recently used entries are evicted.
/// </summary>
public sealed class ItemFragments(IOptions<FeedOptions> options) : IDisposable
{
    // What an entry holds besides its bytes: the cache's bookkeeping and the key's objects, roughly, for the bound.
    private const int EntryOverhead = 512;

    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = Math.Max(0, options.Value.FragmentCacheBytes) });

    /// <summary>The article's item as already rendered in the format for this origin, or null.</summary>
    public byte[]? Find(FeedFormat format, SiteUrls urls, StoredArticle article) =>
        cache.TryGetValue(new Key(format, urls.Origin.AbsoluteUri, article), out byte[]? bytes) ? bytes : null;

    /// <summary>
    /// Renders the article's item in the format from its body, and keeps it for the next render; not an empty body,
    /// which is how a lost body blob reads, so that the body's restoration shows at the next render.
    /// </summary>
    public byte[] Render(FeedFormat format, SiteUrls urls, StoredArticle article, string body)
    {
        var bytes = FeedFormats.WriteItem(FeedService.ToItem(article, body, urls), format);
        if (body.Length == 0) return bytes;
        using (var entry = cache.CreateEntry(new Key(format, urls.Origin.AbsoluteUri, article)))
        {
            entry.Value = bytes;
            entry.Size = bytes.Length + EntryOverhead + RowBytes(article);
        }
        return bytes;
    }

    // The stored row the key keeps: its strings, two bytes a character, and a little per image.
    private static long RowBytes(StoredArticle a) =>
        2L * (a.Slug.Length + a.Title.Length + (a.Summary?.Length ?? 0) + a.Authors.Sum(n => n.Length) + a.Categories.Sum(n => n.Length)
            + a.Tags.Sum(n => n.Length) + (a.Language?.Length ?? 0) + a.BodyBlob.Length + a.SourceBlob.Length + a.SourceETag.Length
            + a.SourceSignature.Length + a.ContentHash.Length
            + a.Images.Sum(i => i.File.Length + i.SourceETag.Length + i.ContentType.Length + (i.Caption?.Length ?? 0)
                + (i.Credit?.Length ?? 0) + (i.Alt?.Length ?? 0) + (i.RemoteUrl?.Length ?? 0) + 40));

    /// <summary>Drops the article's item in the format for this origin (benchmarks keep one item a miss with it).</summary>
    public void Forget(FeedFormat format, SiteUrls urls, StoredArticle article) =>
        cache.Remove(new Key(format, urls.Origin.AbsoluteUri, article));

    /// <summary>How many items are kept, in all formats.</summary>
    public int Count => cache.Count;

    public void Dispose() => cache.Dispose();

    // Hashes a few fields that change with every edit; equality compares every field of the row.
    private sealed class Key(FeedFormat format, string origin, StoredArticle article) : IEquatable<Key>
    {
        private readonly FeedFormat format = format;
        private readonly string origin = origin;
        private readonly StoredArticle article = article;
        private readonly int hash = HashCode.Combine(format, origin, article.Slug, article.ContentHash, article.Updated.UtcTicks);

        public override int GetHashCode() => hash;

        public override bool Equals(object? other) => Equals(other as Key);

        public bool Equals(Key? other) => other is not null && hash == other.hash && format == other.format
            && string.Equals(origin, other.origin, StringComparison.Ordinal) && Same(article, other.article);

        private static bool Same(StoredArticle a, StoredArticle b) =>
            ReferenceEquals(a, b) || (a.Id == b.Id && a.Slug == b.Slug && a.Title == b.Title && a.Summary == b.Summary
                && a.Authors.SequenceEqual(b.Authors) && a.Categories.SequenceEqual(b.Categories) && a.Tags.SequenceEqual(b.Tags)
                && a.Published.EqualsExact(b.Published) && a.Updated.EqualsExact(b.Updated) && a.Images.SequenceEqual(b.Images)
                && a.Language == b.Language && a.BodyBlob == b.BodyBlob && a.SourceBlob == b.SourceBlob
                && a.SourceETag == b.SourceETag && a.SourceSignature == b.SourceSignature && a.ContentHash == b.ContentHash);
    }
}
