namespace Syndication.Feeds;

/// <summary>How a profile's RSS items carry the article's images.</summary>
public enum ProfileImages
{
    /// <summary>One enclosure, every image as media:content with its renditions' media:group, a media:thumbnail.</summary>
    Standard,
    /// <summary>Every image as item-level media:content, the lead one isDefault; no rendition groups (MSN reads a media:group as a slideshow).</summary>
    Primary,
    /// <summary>One enclosure and a media:thumbnail from the thumbnail rendition.</summary>
    Thumbnail,
    /// <summary>One enclosure only, at least <see cref="FeedProfile.MinImageShortSide"/> on its short side: the promo rendition, else the original, else none.</summary>
    LargeEnclosure,
}

/// <summary>
/// What a partner platform requires of the RSS it pulls, as one row: extra namespaces, channel and item elements,
/// item limits, which image, how a withdrawal shows, and the rules an article must meet (<see cref="Rules"/>, read by
/// <c>syndication check --for</c>). The RSS writer reads the row; there is no writer per partner. A new platform is a row
/// in <see cref="FeedProfiles"/> and a page under docs/profiles/.
/// </summary>
public sealed class FeedProfile
{
    /// <summary>The name partners are given ("msn").</summary>
    public required string Name { get; init; }
    /// <summary>The platform, for people ("MSN Partner Hub").</summary>
    public required string Platform { get; init; }
    /// <summary>Namespaces declared on the root beyond RSS's own (prefix, URI).</summary>
    public IReadOnlyList<(string Prefix, string Uri)> Namespaces { get; init; } = [];
    /// <summary>Channel pubDate (SmartFormat requires it).</summary>
    public bool ChannelPubDate { get; init; }
    /// <summary>Channel snf:logo and snf:darkModeLogo (SmartFormat).</summary>
    public bool ChannelLogo { get; init; }
    /// <summary>Item dcterms:modified: the date a platform compares to take an update (MSN).</summary>
    public bool ItemModified { get; init; }
    /// <summary>Item mi:shortTitle when the headline is longer than this and the document gives one; 0: never.</summary>
    public int ShortTitleOver { get; init; }
    /// <summary>Which images an item carries, and how.</summary>
    public ProfileImages Images { get; init; }
    /// <summary>For <see cref="ProfileImages.LargeEnclosure"/>: the least short side, in pixels.</summary>
    public int MinImageShortSide { get; init; }
    /// <summary>Whether withdrawn articles stay listed, expired (mi:expirationDate in the past, a newer dcterms:modified), for the tombstone period.</summary>
    public bool ListWithdrawals { get; init; }
    /// <summary>A page holds at least this many items when the archive has them (the partner's limit is raised to it).</summary>
    public int MinItems { get; init; }
    /// <summary>The feed stays under this many bytes: the oldest items of a page are left out to keep it there; 0: no bound.</summary>
    public long MaxBytes { get; init; }
    /// <summary>What the platform refuses or downgrades in an article, each with its source.</summary>
    public IReadOnlyList<ProfileRule> Rules { get; init; } = [];
    /// <summary>Where the row is explained, rule by rule.</summary>
    public string Docs => $"docs/profiles/{Name}.md";

    /// <summary>The RSS row of the format table as this profile writes it (the table's own row for the standard profile).</summary>
    public FeedFormat Rss => field ??= Images == ProfileImages.Standard && Namespaces.Count == 0 ? FeedFormats.Rss : new FeedFormat
    {
        Extension = FeedFormats.Rss.Extension, MediaType = FeedFormats.Rss.MediaType, Name = FeedFormats.Rss.Name,
        FullName = FeedFormats.Rss.FullName, OpmlType = FeedFormats.Rss.OpmlType,
        // Platforms' ingestion reads the XML; no browser needs our stylesheet here.
        Stylesheet = false, Tombstones = ListWithdrawals, Profile = Name,
        WriteItem = (item, output) => RssWriter.Item(item, output, this),
        WriteFeed = (feed, items) => RssWriter.Feed(feed, items, this),
    };

    /// <summary>Each of <see cref="Rules"/> the article breaks; empty when it meets them all.</summary>
    public IReadOnlyList<ProfileFinding> Check(ProfileSubject article, DateTimeOffset now) =>
        Rules.Select(r => r.Fails(article, now) is { } reason ? new ProfileFinding(r.Name, r.Outcome, reason, r.Source) : null)
            .OfType<ProfileFinding>().ToList();

    /// <summary>The format a partner with this profile gets when it asks for <paramref name="format"/>: RSS takes the profile's shape.</summary>
    public FeedFormat Shape(FeedFormat format) => ReferenceEquals(format, FeedFormats.Rss) ? Rss : format;

    public override string ToString() => Name;
}
