namespace Syndication.Articles;

/// <summary>What one source of page metadata states (JSON-LD, meta tags, the markup); merged in order of trust.</summary>
internal sealed record PageFacts
{
    public string? Title { get; init; }
    public string? Description { get; init; }
    public IReadOnlyList<string> Authors { get; init; } = [];
    /// <summary>The source states its authors as organisations only (JSON-LD "@type": "Organization"): a named writer elsewhere wins.</summary>
    public bool AuthorsAreOrganizations { get; init; }
    public DateTimeOffset? Published { get; init; }
    public DateTimeOffset? Modified { get; init; }
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

    /// <summary>Each field from the first source that states it.</summary>
    public static PageFacts Merge(params PageFacts[] sources) => new()
    {
        Title = sources.Select(s => s.Title).FirstOrDefault(HasText),
        Description = sources.Select(s => s.Description).FirstOrDefault(HasText),
        Authors = sources.Select(s => s.Authors).FirstOrDefault(l => l.Count > 0) ?? [],
        Published = sources.Select(s => s.Published).FirstOrDefault(d => d is not null),
        Modified = sources.Select(s => s.Modified).FirstOrDefault(d => d is not null),
        Images = sources.Select(s => s.Images).FirstOrDefault(l => l.Count > 0) ?? [],
        Sections = sources.Select(s => s.Sections).FirstOrDefault(l => l.Count > 0) ?? [],
        Tags = sources.Select(s => s.Tags).FirstOrDefault(l => l.Count > 0) ?? [],
        Language = sources.Select(s => s.Language).FirstOrDefault(HasText),
        SiteName = sources.Select(s => s.SiteName).FirstOrDefault(HasText),
        Url = sources.Select(s => s.Url).FirstOrDefault(HasText),
    };

    private static bool HasText(string? s) => !string.IsNullOrWhiteSpace(s);
}
