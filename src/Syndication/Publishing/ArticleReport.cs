namespace Syndication.Publishing;

/// <summary>
/// What readers will see of one document and its images, worked out on the publisher's machine without touching
/// storage (<c>syndication check</c>, <c>publish --dry-run</c>): the fields, where the date comes from, each image as
/// its bytes state it, warnings, and the reason it would be rejected, if it would.
/// </summary>
public sealed record ArticleReport
{
    public required string Path { get; init; }
    /// <summary>The slug the file name gives; null when the name is not one we publish.</summary>
    public string? Slug { get; init; }
    public string? Format { get; init; }
    public long Bytes { get; init; }
    public string? Title { get; init; }
    public string? ShortTitle { get; init; }
    public string? Summary { get; init; }
    public IReadOnlyList<string> Authors { get; init; } = [];
    public IReadOnlyList<string> Categories { get; init; } = [];
    public IReadOnlyList<string> Tags { get; init; } = [];
    public string? Language { get; init; }
    /// <summary>The date the feeds will carry; null when the upload time will be used.</summary>
    public DateTimeOffset? Published { get; init; }
    public DateSource DateSource { get; init; }
    /// <summary>For a saved page, the precedence row that decided its headline, byline and date ("byline.jsonld-person"); else empty.</summary>
    public IReadOnlyDictionary<string, string> DecidedBy { get; init; } = new Dictionary<string, string>();
    /// <summary>Where the date comes from, in words ("not stated: the upload time will be used").</summary>
    public string DateNote { get; init; } = "";
    /// <summary>When the embargo lifts (UTC); null when there is none.</summary>
    public DateTimeOffset? Embargo { get; init; }
    /// <summary>When the article expires (UTC); null when it does not.</summary>
    public DateTimeOffset? Expires { get; init; }
    public int BodyWords { get; init; }
    public int BodyParagraphs { get; init; }
    /// <summary>Characters of text in the body (markup left out), as platforms count an article's length.</summary>
    public int BodyCharacters { get; init; }
    public IReadOnlyList<ImageReport> Images { get; init; } = [];
    public IReadOnlyList<string> Warnings { get; init; } = [];
    /// <summary>Why the document would be rejected; null when it would be published.</summary>
    public string? Rejection { get; init; }

    /// <summary>With <c>check --for</c>: each rule of the platform's profile the article breaks, and what that costs it there.</summary>
    public IReadOnlyList<Feeds.ProfileFinding> Platform { get; init; } = [];

    /// <summary>The document or any of its images would be rejected.</summary>
    public bool HasRejections => Rejection is not null || Images.Any(i => i.Rejection is not null);

    /// <summary>The platform checked for would refuse the article or its image.</summary>
    public bool RefusedByPlatform => Platform.Any(f => f.Outcome == Feeds.RuleOutcome.Refused);
}

/// <summary>Where the published date comes from.</summary>
public enum DateSource { Field, Text, Page, NotStated, NotBelieved }

/// <summary>One image as readers will get it: type and size from its bytes, caption and credit from the document.</summary>
public sealed record ImageReport
{
    /// <summary>The file beside the document (<c>{slug}/{file}</c>), or the document's own reference for a remote image.</summary>
    public required string File { get; init; }
    public string? ContentType { get; init; }
    public int Width { get; init; }
    public int Height { get; init; }
    public long Bytes { get; init; }
    public string? Caption { get; init; }
    public string? Credit { get; init; }
    public string? Alt { get; init; }
    /// <summary>The document reference it pairs with ("reference 1: boats.jpg"), or "none".</summary>
    public required string PairsWith { get; init; }
    /// <summary>A remote image the document links and nobody uploaded: kept as a link.</summary>
    public string? Url { get; init; }
    /// <summary>Why this image would be left out and recorded as rejected; null when it would be published.</summary>
    public string? Rejection { get; init; }
}
