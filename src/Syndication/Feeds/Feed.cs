using Syndication.Articles;

namespace Syndication.Feeds;

/// <summary>One neutral, immutable feed: every format is a pure writer from this model to bytes.</summary>
public sealed record Feed
{
    /// <summary>A stable, format-independent identifier (urn:uuid) for the feed.</summary>
    public required string Id { get; init; }
    public required string Title { get; init; }
    public required string Description { get; init; }
    /// <summary>The human page the feed belongs to.</summary>
    public required Uri Link { get; init; }
    /// <summary>The URL this feed is served at, in this format.</summary>
    public required Uri SelfUrl { get; init; }
    public string? Language { get; init; }
    public required DateTimeOffset Updated { get; init; }
    public string? Author { get; init; }
    public Uri? ImageUrl { get; init; }
    public Uri? IconUrl { get; init; }
    /// <summary>The publisher's logo and its dark-mode variant, for platforms that show one (SmartFormat snf:logo).</summary>
    public Uri? LogoUrl { get; init; }
    public Uri? DarkLogoUrl { get; init; }
    public string Generator { get; init; } = "Syndication";
    /// <summary>RFC 5005 paging: the first (newest) page, and the neighbouring pages when there are any.</summary>
    public Uri? FirstUrl { get; init; }
    public Uri? NextUrl { get; init; }
    /// <summary>
    /// For a writer that may stop before the last item (a byte bound): the next-page link after the item at an index, so
    /// the page it writes links on to the first item it left out. Made only when asked (a signed cursor each), so once
    /// for a page cut short and never for one written whole. Null when the page is not bounded (then <see cref="NextUrl"/>).
    /// </summary>
    public Func<int, Uri?>? NextUrlAfter { get; init; }
    public Uri? PreviousUrl { get; init; }
    /// <summary>The WebSub hub readers may subscribe at.</summary>
    public Uri? HubUrl { get; init; }
    /// <summary>An XSLT stylesheet so a browser shows the XML feed as a page.</summary>
    public Uri? StylesheetUrl { get; init; }
    public required IReadOnlyList<FeedItem> Items { get; init; }
    /// <summary>Articles withdrawn lately from this feed (RFC 6721 tombstones), newest first; formats that can say so write them.</summary>
    public IReadOnlyList<FeedTombstone> Tombstones { get; init; } = [];
}

/// <summary>A withdrawn entry: the id it had (urn:uuid), when it was withdrawn, the page it had, and its title and publish time when kept.</summary>
public sealed record FeedTombstone(string Ref, DateTimeOffset When, Uri Link, string? Title = null, DateTimeOffset? Published = null);

/// <summary>One article as every format sees it: its <see cref="ArticleFields"/> with absolute links, content and images.</summary>
public sealed record FeedItem : ArticleFields
{
    public FeedItem()
    {
    }

    /// <summary>An item with the fields <paramref name="fields"/> states (copied whole, whatever fields it has).</summary>
    public FeedItem(ArticleFields fields) : base(fields)
    {
    }

    /// <summary>Stable identity (urn:uuid) kept across updates of the article.</summary>
    public required string Id { get; init; }
    public required Uri Link { get; init; }
    /// <summary>
    /// Full content as sanitized HTML, the lead image at its top, in pieces to write one after another (lead figure,
    /// body, other figures): a render never joins them into one more copy of the body.
    /// </summary>
    public required IReadOnlyList<string> ContentHtml { get; init; }
    public required DateTimeOffset Published { get; init; }
    /// <summary>Whether the publisher stated <see cref="Published"/>; if not, it is when we first received the article.</summary>
    public bool DateStated { get; init; } = true;
    public required DateTimeOffset Updated { get; init; }
    /// <summary>The article's images, the lead image first.</summary>
    public IReadOnlyList<FeedImage> Images { get; init; } = [];
    /// <summary>
    /// Names this version of the item: two items with the same <see cref="Link"/> and revision are equal in every
    /// field, so a rendered item may be reused (<see cref="ItemCache"/>). Null: never reused. Writers do not read it.
    /// </summary>
    public string? Revision { get; init; }
}

/// <summary>
/// An image as an enclosure: absolute URL, true byte length, MIME type from the bytes, pixel size, caption and credit.
/// A remote image (referenced, not uploaded) has Length 0, no ContentType and no size: writers leave those out.
/// </summary>
public sealed record FeedImage(Uri Url, long Length, string ContentType, int Width, int Height, string? Caption, string? Credit, string? Alt)
{
    /// <summary>The image's renditions (content-addressed, exact sizes), for media:group, thumbnails, banners and srcset.</summary>
    public IReadOnlyList<FeedRendition> Renditions { get; init; } = [];

    /// <summary>Whether the true length and type are known (we serve it), so it may be an RSS enclosure.</summary>
    public bool IsKnown => Length > 0 && ContentType.Length > 0;
}
