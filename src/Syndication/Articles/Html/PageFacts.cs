namespace Syndication.Articles;

/// <summary>What one source of page metadata states (JSON-LD, meta tags, the markup); chosen from by PagePrecedence.</summary>
internal sealed record PageFacts
{
    public string? Title { get; init; }
    public string? Description { get; init; }
    public IReadOnlyList<string> Authors { get; init; } = [];
    /// <summary>The source states its authors as organisations only (JSON-LD "@type": "Organization"): a named writer elsewhere wins.</summary>
    public bool AuthorsAreOrganizations { get; init; }
    public PageDate? Published { get; init; }
    /// <summary>The publication date comes from a tag that does not say which date it is (<c>&lt;meta name="date"&gt;</c>: many systems stamp the last change there).</summary>
    public bool PublishedIsUndescribed { get; init; }
    public PageDate? Modified { get; init; }
    /// <summary>Image URLs as written (not yet resolved), the lead image first.</summary>
    public IReadOnlyList<string> Images { get; init; } = [];
    public IReadOnlyList<string> Sections { get; init; } = [];
    public IReadOnlyList<string> Tags { get; init; } = [];
    public string? Language { get; init; }
    public string? SiteName { get; init; }
    /// <summary>The page's own address (canonical or og:url), for resolving relative links.</summary>
    public string? Url { get; init; }

    /// <summary>A source that states nothing.</summary>
    public static readonly PageFacts None = new();
}
