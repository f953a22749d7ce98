using Syndication.Storage;
using static Syndication.Feeds.ProfileRules;

namespace Syndication.Feeds;

/// <summary>
/// The partner profiles: the one table, beside the format table. A partner names its row; each rule cites its source
/// (docs/profiles/ has the page per row).
/// </summary>
public static class FeedProfiles
{
    public const string MiNs = "http://schemas.ingestion.microsoft.com/common/";
    public const string DctermsNs = "http://purl.org/dc/terms/";
    public const string SnfNs = "http://www.smartnews.be/snf";

    private const string MsnMetadata = "https://support.microsoft.com/en-us/topic/msn-feed-item-metadata-requirements-0114c19c-36bb-4fef-8322-4a1ed6888329";
    private const string MsnSpecs = "https://helpcenter.microsoftstart.com/kb/articles/25-feed-content-specifications";
    private const string FlipboardSpec = "https://about.flipboard.com/rss-spec/";
    private const string SmartFormat = "https://publishers.smartnews.com/hc/en-us/articles/360036526213";

    /// <summary>RSS as the public feeds have it.</summary>
    public static readonly FeedProfile Standard = new() { Name = StoredPartner.DefaultProfile, Platform = "any feed reader" };

    /// <summary>MSN Partner Hub: MRSS with dcterms and mi, the lead image primary, withdrawals listed expired, under 10 MB.</summary>
    public static readonly FeedProfile Msn = new()
    {
        Name = "msn", Platform = "MSN Partner Hub",
        Namespaces = [("dcterms", DctermsNs), ("mi", MiNs)],
        ItemModified = true, ShortTitleOver = 54, Images = ProfileImages.Primary, ListWithdrawals = true, MaxBytes = 10_000_000,
        Rules =
        [
            TitleLength(20, 150, 54, RuleOutcome.Refused, MsnMetadata),
            TitleTruncatedFrom(75, MsnMetadata),
            BodyLength(450, 500_000, RuleOutcome.Refused, MsnSpecs),
            MaxAgeDays(365, RuleOutcome.Refused, MsnMetadata),
            LeadImage(RuleOutcome.Downgraded, MsnMetadata),
            ImageSize(720, 0, RuleOutcome.Refused, MsnSpecs),
            ImageAspect(0.5, 1.89, RuleOutcome.Refused, MsnSpecs),
            NoGifLead(RuleOutcome.Refused, MsnSpecs),
        ],
    };

    /// <summary>SmartNews SmartFormat: channel pubDate and logos, item thumbnails from the renditions.</summary>
    public static readonly FeedProfile SmartNews = new()
    {
        Name = "smartnews", Platform = "SmartNews (SmartFormat)",
        Namespaces = [("snf", SnfNs)],
        ChannelPubDate = true, ChannelLogo = true, Images = ProfileImages.Thumbnail,
        Rules = [LeadImage(RuleOutcome.Downgraded, SmartFormat)],
    };

    /// <summary>Flipboard: an enclosure at least 500 px on its short side, dc:creator and categories, at least 30 items.</summary>
    public static readonly FeedProfile Flipboard = new()
    {
        Name = "flipboard", Platform = "Flipboard",
        Images = ProfileImages.LargeEnclosure, MinImageShortSide = 500, MinItems = 30,
        Rules =
        [
            LeadImage(RuleOutcome.Refused, FlipboardSpec),
            ImageSize(0, 500, RuleOutcome.Refused, FlipboardSpec),
            Author(RuleOutcome.Downgraded, FlipboardSpec),
            BodyLength(300, int.MaxValue, RuleOutcome.Downgraded, FlipboardSpec),
        ],
    };

    public static readonly IReadOnlyList<FeedProfile> All = [Standard, Msn, SmartNews, Flipboard];

    /// <summary>The profile with this name, or null.</summary>
    public static FeedProfile? Find(string? name) => All.FirstOrDefault(p => p.Name == name);

    /// <summary>A stored partner's profile: none stored (partners from before profiles) or one since removed is standard.</summary>
    public static FeedProfile Of(string? name) => Find(name) ?? Standard;

    /// <summary>The names, for messages ("standard, msn, smartnews or flipboard").</summary>
    public static string List() => string.Join(", ", All.SkipLast(1).Select(p => p.Name)) + " or " + All[^1].Name;

    /// <summary>Every format a feed may be written in: the format table's rows and each profile's RSS (the item cache keeps bytes per format).</summary>
    public static IReadOnlyList<FeedFormat> Formats { get; } = FeedFormats.All.Concat(All.Select(p => p.Rss)).Distinct().ToList();
}
