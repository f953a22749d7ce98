using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Syndication.Feeds;

/// <summary>
/// Items kept between feed renders, in front of the pure writers: each item (so a render after a publish downloads
/// only the new article's body) and its bytes in each format it was written in, found by link and
/// <see cref="FeedItem.Revision"/>. At most <see cref="FeedOptions.ItemCacheBytes"/>; the least recently used go first.
/// <see cref="Write"/> gives exactly <see cref="FeedFormat.Write"/>'s bytes: a kept item's bytes are its format's
/// <see cref="FeedFormat.Item"/> of an item equal to it.
/// </summary>
public sealed class ItemCache(IOptions<FeedOptions> options) : IDisposable
{
    // What an entry holds besides its item: the cache's bookkeeping, the key and the slots, roughly, for the bound.
    private const int EntryOverhead = 512;

    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = Math.Max(0, options.Value.ItemCacheBytes) });

    private sealed record Key(string Link, string Revision);

    private sealed class Entry(FeedItem item)
    {
        public FeedItem Item { get; } = item;
        public byte[]?[] Written { get; } = new byte[FeedFormats.All.Count][];
    }

    /// <summary>The item kept for this link at this revision, or null.</summary>
    public FeedItem? Find(Uri link, string revision) =>
        cache.TryGetValue(new Key(link.AbsoluteUri, revision), out Entry? entry) ? entry!.Item : null;

    /// <summary>Keeps the item for the next render; one without a revision is not kept.</summary>
    public void Keep(FeedItem item)
    {
        if (item.Revision is not { } revision) return;
        // The item's strings (two bytes a character) and its bytes in each public format: its text's UTF-8 bytes (three a
        // character in CJK) and a quarter more for escaping (Atom and RSS escape the HTML: &lt; for <). A partner
        // profile's bytes are not kept (see Write), so deployments without partners keep as many items as before.
        var texts = item.ContentHtml.Append(item.Title).Append(item.Summary ?? "");
        long chars = 0, utf8 = 0;
        foreach (var t in texts) (chars, utf8) = (chars + t.Length, utf8 + System.Text.Encoding.UTF8.GetByteCount(t));
        using var entry = cache.CreateEntry(new Key(item.Link.AbsoluteUri, revision));
        entry.Value = new Entry(item);
        entry.Size = EntryOverhead + chars * 2 + utf8 * 5 / 4 * FeedFormats.All.Count;
    }

    /// <summary>
    /// The feed in the format, each kept item's bytes written once and reused for the public formats; a partner
    /// profile's items are written from the kept item each time (its feed is cached whole per version by the render
    /// cache, and partners pull rarely), so the cache's bound holds however many profiles are in use.
    /// </summary>
    public byte[] Write(Feed feed, FeedFormat format)
    {
        var slot = Slot(format);
        var items = new ReadOnlyMemory<byte>[feed.Items.Count];
        for (var i = 0; i < items.Length; i++)
        {
            var item = feed.Items[i];
            if (item.Revision is { } revision && cache.TryGetValue(new Key(item.Link.AbsoluteUri, revision), out Entry? entry))
                items[i] = slot < 0 ? format.Item(item) : entry!.Written[slot] ??= format.Item(item);
            else
                items[i] = format.Item(item);
        }
        return format.WriteFeed(feed, items);
    }

    /// <summary>How many items are kept.</summary>
    public int Count => cache.Count;

    public void Dispose() => cache.Dispose();

    // The public format's slot, or -1 for a partner profile's (not kept).
    private static int Slot(FeedFormat format)
    {
        for (var i = 0; i < FeedFormats.All.Count; i++)
            if (ReferenceEquals(FeedFormats.All[i], format)) return i;
        if (FeedProfiles.Formats.Contains(format)) return -1;
        throw new ArgumentException($"{format} is not a format of {nameof(FeedFormats)} or {nameof(FeedProfiles)}", nameof(format));
    }
}
