namespace Syndication.Feeds;

/// <summary>What the publisher configures about its feeds (section "Syndication", e.g. app setting Syndication__Title).</summary>
public sealed class FeedOptions
{
    public const string Section = "Syndication";

    public string Title { get; set; } = "Syndication";
    public string Description { get; set; } = "The latest articles";
    /// <summary>Public origin readers use (e.g. https://news.example.com); the request's own origin when empty.</summary>
    public string? PublicBaseUrl { get; set; }
    public string Language { get; set; } = "en";
    /// <summary>The feed-level author (Atom requires one); the title when empty.</summary>
    public string? Author { get; set; }
    public string? ImageUrl { get; set; }
    public string? IconUrl { get; set; }
    /// <summary>The publisher's logo for platforms that show one (SmartNews snf:logo, at most 700x100); our own feeds/logo.png when empty.</summary>
    public string? LogoUrl { get; set; }
    /// <summary>The logo for dark backgrounds (snf:darkModeLogo); our own feeds/logo-dark.png when empty.</summary>
    public string? DarkModeLogoUrl { get; set; }
    public int DefaultLimit { get; set; } = 50;
    public int MaxLimit { get; set; } = 200;
    /// <summary>A WebSub hub (e.g. https://pubsubhubbub.appspot.com/): advertised in every feed and pinged on changes.</summary>
    public string? WebSubHub { get; set; }
    /// <summary>Whether RSS and Atom carry our XSLT stylesheet, so a browser shows the feed as a page.</summary>
    public bool Stylesheet { get; set; } = true;
    /// <summary>How long an instance trusts the feed version it read before reading it again (rendered-feed cache).</summary>
    public double VersionCheckSeconds { get; set; } = 1;
    /// <summary>Memory for items kept between feed renders (<see cref="ItemCache"/>), in bytes; 0 keeps none.</summary>
    public long ItemCacheBytes { get; set; } = 64L * 1024 * 1024;
    /// <summary>Memory for rendered feeds and pages kept between requests (their compressed copies counted as much again), in bytes; 0 keeps none.</summary>
    public long RenderCacheBytes { get; set; } = 64L * 1024 * 1024;
    /// <summary>The news:publication name in the news sitemap (as Google News knows the publication); the title when empty.</summary>
    public string? NewsPublicationName { get; set; }
    /// <summary>URLs per articles sitemap before it becomes an index of pages (the protocol allows 50,000).</summary>
    public int SitemapPageSize { get; set; } = 50_000;
    /// <summary>Cache-Control max-age for feeds and pages, in seconds.</summary>
    public int MaxAgeSeconds { get; set; } = 60;
    /// <summary>Cache-Control stale-while-revalidate for feeds and pages: how long a CDN may serve a stale copy while it revalidates; 0 omits it.</summary>
    public int StaleWhileRevalidateSeconds { get; set; } = 300;
    /// <summary>Cache-Control max-age for images and renditions (browsers), in seconds: how long a withdrawn image may stay on a reader's screen.</summary>
    public int ImageMaxAgeSeconds { get; set; } = 300;
    /// <summary>Cache-Control s-maxage for images and renditions (a CDN such as Front Door), in seconds; 0 omits it (the CDN then uses max-age).</summary>
    public int ImageSharedMaxAgeSeconds { get; set; } = 3600;
    /// <summary>How long a withdrawn (deleted or expired) article leaves a tombstone: Atom at:deleted-entry, withdrawn.json, 410 Gone.</summary>
    public double TombstoneDays { get; set; } = 30;

    /// <summary>The rules checked at start: limits of at least 1, durations and sizes not negative, URLs that are URLs.</summary>
    public static void Check(FeedOptions o, SettingRules rules) => rules
        .HttpUrl(nameof(PublicBaseUrl), o.PublicBaseUrl)
        .HttpUrl(nameof(WebSubHub), o.WebSubHub)
        .Url(nameof(ImageUrl), o.ImageUrl)
        .Url(nameof(IconUrl), o.IconUrl)
        .Url(nameof(LogoUrl), o.LogoUrl)
        .Url(nameof(DarkModeLogoUrl), o.DarkModeLogoUrl)
        .AtLeast(nameof(DefaultLimit), o.DefaultLimit, 1)
        .AtLeast(nameof(MaxLimit), o.MaxLimit, 1)
        .Rule(o.MaxLimit >= o.DefaultLimit, $"{rules.Setting(nameof(MaxLimit))} ({o.MaxLimit}) must be at least {rules.Setting(nameof(DefaultLimit))} ({o.DefaultLimit})")
        .AtLeast(nameof(VersionCheckSeconds), o.VersionCheckSeconds, 0)
        .AtLeast(nameof(ItemCacheBytes), o.ItemCacheBytes, 0)
        .AtLeast(nameof(RenderCacheBytes), o.RenderCacheBytes, 0)
        .Between(nameof(SitemapPageSize), o.SitemapPageSize, 1, 50_000)
        .AtLeast(nameof(MaxAgeSeconds), o.MaxAgeSeconds, 0)
        .AtLeast(nameof(StaleWhileRevalidateSeconds), o.StaleWhileRevalidateSeconds, 0)
        .AtLeast(nameof(ImageMaxAgeSeconds), o.ImageMaxAgeSeconds, 0)
        .AtLeast(nameof(ImageSharedMaxAgeSeconds), o.ImageSharedMaxAgeSeconds, 0)
        .AtLeast(nameof(TombstoneDays), o.TombstoneDays, 0);
}
