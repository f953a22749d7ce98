namespace Syndication.Feeds;

// What the profile rows change in an item and around the items: content, images, logos, the byte bound, withdrawals.
public static partial class RssWriter
{
    /// <summary>The class MSN reads as "this img is the lead image" in an item's HTML.</summary>
    public const string PrimaryImageClass = "type:primaryImage";

    /// <summary>Room kept for the channel and each withdrawal when a profile bounds the feed's bytes.</summary>
    private const int ChannelBytes = 64 * 1024, WithdrawalBytes = 1024;

    /// <summary>The most withdrawals a bounded feed lists, newest first (1 MB of the 10 MB at most).</summary>
    public const int MaxWithdrawals = 1000;

    // The item's HTML; MSN's profile marks the lead figure's img as its primary image.
    private static void Content(XmlMarkup w, FeedItem item, FeedProfile profile)
    {
        foreach (var part in profile.Images == ProfileImages.Primary ? Figures.WithLeadClass(item, PrimaryImageClass) : item.ContentHtml) w.Text(part);
    }

    private static void Images(XmlMarkup w, FeedItem item, FeedProfile profile)
    {
        switch (profile.Images)
        {
            case ProfileImages.Primary:
                for (var i = 0; i < item.Images.Count; i++) Xml.MediaContent(w, item.Images[i], renditions: false, isDefault: i == 0);
                break;
            case ProfileImages.LargeEnclosure:
                if (item.Images.Count > 0 && LargeImage(item.Images[0], profile.MinImageShortSide) is var (url, length, type))
                    Enclosure(w, url, length, type);
                break;
            case ProfileImages.Thumbnail:
                LeadEnclosure(w, item);
                if (item.Images.Count > 0) Xml.MediaThumbnail(w, item.Images[0]);
                break;
            default:
                LeadEnclosure(w, item);
                foreach (var image in item.Images) Xml.MediaContent(w, image);
                if (item.Images.Count > 0) Xml.MediaThumbnail(w, item.Images[0]);
                break;
        }
    }

    // Exactly one enclosure: the lead image among those whose true length and type we know.
    private static void LeadEnclosure(XmlMarkup w, FeedItem item)
    {
        if (item.Images.FirstOrDefault(i => i.IsKnown) is { } enclosure) Enclosure(w, enclosure.Url, enclosure.Length, enclosure.ContentType);
    }

    /// <summary>The lead image at least <paramref name="shortSide"/> px on its short side: its promo rendition, else itself, else null.</summary>
    public static (Uri Url, long Length, string ContentType)? LargeImage(FeedImage image, int shortSide)
    {
        if (FeedRendition.Pick(image.Renditions, FeedRendition.Promo) is { } promo && Math.Min(promo.Width, promo.Height) >= shortSide)
            return (promo.Url, promo.Length, promo.ContentType);
        return image.IsKnown && Math.Min(image.Width, image.Height) >= shortSide ? (image.Url, image.Length, image.ContentType) : null;
    }

    // SmartFormat's channel logos: snf:logo and snf:darkModeLogo, each an url element.
    private static void Logos(XmlMarkup w, Feed feed)
    {
        foreach (var (name, url) in new[] { ("snf:logo", feed.LogoUrl), ("snf:darkModeLogo", feed.DarkLogoUrl) })
        {
            if (url is null) continue;
            w.Start(name);
            w.Element("url", url.AbsoluteUri);
            w.End();
        }
    }

    // The newest items whose bytes fit under the bound (at least one), room kept for the channel and for the newest
    // MaxWithdrawals withdrawals (each counted at WithdrawalBytes, which a tombstone's title and links stay under).
    private static (IReadOnlyList<ReadOnlyMemory<byte>> Items, IReadOnlyList<FeedTombstone> Withdrawn) Within(
        IReadOnlyList<ReadOnlyMemory<byte>> items, Feed feed, long maxBytes)
    {
        var withdrawn = feed.Tombstones.Count > MaxWithdrawals ? feed.Tombstones.Take(MaxWithdrawals).ToList() : feed.Tombstones;
        var budget = maxBytes - ChannelBytes - (long)WithdrawalBytes * withdrawn.Count;
        var count = 0;
        for (long used = 0; count < items.Count && ((used += items[count].Length) <= budget || count == 0); count++) { }
        return (count == items.Count ? items : items.Take(count).ToList(), withdrawn);
    }

    // A withdrawn article, still listed under its id: expired now, modified when it was withdrawn (MSN's takedown).
    private static void Withdrawn(XmlMarkup w, FeedTombstone tombstone)
    {
        w.Start("item");
        // The title and date it had, as MSN requires of every item (tombstones from before they were kept have none).
        if (tombstone.Title is { Length: > 0 } title) w.Element("title", title);
        w.Element("link", tombstone.Link.AbsoluteUri);
        w.Start("guid");
        w.Attribute("isPermaLink", "false");
        w.Text(tombstone.Ref);
        w.End();
        if (tombstone.Published is { } published) w.Element("pubDate", Xml.Rfc822(published));
        w.Element("description", "This article has been withdrawn.");
        w.Element("dcterms:modified", Xml.Rfc3339(tombstone.When));
        w.Element("mi:expirationDate", Xml.Rfc3339(tombstone.When));
        w.End();
    }
}
