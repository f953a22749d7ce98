namespace Syndication.Tests.Hostile;

/// <summary>What must become of a hostile case.</summary>
public enum Expected { Sanitized, Rejected, Ignored }

/// <summary>One blob a case uploads: its name in the incoming container and its bytes.</summary>
public sealed record HostileBlob(string Name, byte[] Content);

/// <summary>
/// A named set of blobs and what must become of it: Sanitized (the article is published and passes the checks),
/// Rejected (a rejection row for <see cref="RejectedBlob"/> whose reason starts with <see cref="Reason"/>; when that
/// blob is an image the article is still published, without it) or Ignored (no article, no rejection).
/// </summary>
public sealed record HostileCase(string Category, string Name, Expected Expected, IReadOnlyList<HostileBlob> Blobs)
{
    /// <summary>The article's slug, when the case has a document.</summary>
    public string? Slug { get; init; }
    public string? RejectedBlob { get; init; }
    /// <summary>How the rejection reason starts: its component prefix at least ("json:", "image: the bytes").</summary>
    public string? Reason { get; init; }
    public string? TitleContains { get; init; }
    public string? ContentContains { get; init; }
    /// <summary>MIME types of the published images, in order; null when not checked.</summary>
    public IReadOnlyList<string>? ImageTypes { get; init; }

    public override string ToString() => $"{Category}/{Name}";
}

/// <summary>
/// The hostile-input corpus (issue 8), generated deterministically: broken, enormous, mis-encoded and malicious
/// documents in all four shapes, lying and truncated images, and blob names that are not articles.
/// </summary>
public static partial class HostileCorpus
{
    /// <summary>The document size cap the corpus site is configured with (Syndication__MaxDocumentBytes).</summary>
    public const int MaxDocumentBytes = 256 * 1024;

    /// <summary>The image size cap the corpus site is configured with (Syndication__MaxImageBytes).</summary>
    public const int MaxImageBytes = 128 * 1024;

    /// <summary>Longer than this for one case (parsed alone, or ingested on a site) counts as a hang.</summary>
    public static readonly TimeSpan PerCaseLimit = TimeSpan.FromSeconds(15);

    public static IReadOnlyList<HostileCase> Cases { get; } = Build();

    private static List<HostileCase> Build()
    {
        IEnumerable<HostileCase>[] categories =
        [
            Empty(), Blank(), Binary(), Truncated(), Enormous(), InvalidUtf8(), Utf16(),
            ControlCharacters(), LongTitles(), Markup(), Dates(), Languages(),
            DeepNesting(), YamlBombs(), FrontMatter(), JsonTypes(), RegexBait(),
            LyingImages(), TruncatedImages(), HugeImages(), MislabelledImages(), BlobNames(),
        ];
        var cases = categories.SelectMany(c => c).ToList();
        var duplicate = cases.SelectMany(c => c.Blobs).GroupBy(b => b.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new InvalidOperationException($"Two cases upload '{duplicate.Key}'");
        return cases;
    }

    // A case with one document named {category}-{name}.{ext}.
    private static HostileCase Doc(string category, string name, Shape shape, byte[] content, Expected expected)
    {
        var slug = $"{category}-{name}-{shape.Ext()}";
        return new HostileCase(category, $"{name}.{shape.Ext()}", expected, [new($"{slug}.{shape.Ext()}", content)])
        {
            Slug = slug,
            RejectedBlob = expected == Expected.Rejected ? $"{slug}.{shape.Ext()}" : null,
        };
    }

    private static HostileCase Published(string category, string name, Shape shape, byte[] content, string? title = "Harbour") =>
        Doc(category, name, shape, content, Expected.Sanitized) with { TitleContains = title };

    private static HostileCase Rejected(string category, string name, Shape shape, byte[] content, string reason) =>
        Doc(category, name, shape, content, Expected.Rejected) with { Reason = reason };

    /// <summary>A case whose document is fine and whose one image is the hostile part.</summary>
    private static HostileCase WithImage(string category, string name, string file, byte[] image, Expected expected, string? reason = null)
    {
        var slug = $"{category}-{name}";
        return new HostileCase(category, name, expected,
            [new($"{slug}.md", Articles.Utf8(Shape.Md, new Fields { ImageFile = file })), new($"{slug}/{file}", image)])
        {
            Slug = slug,
            TitleContains = "Harbour",
            RejectedBlob = expected == Expected.Rejected ? $"{slug}/{file}" : null,
            Reason = reason,
            ImageTypes = expected == Expected.Rejected ? [] : null,
        };
    }

    // The reason each shape gives for a document with nothing in it.
    private static string NothingReason(Shape shape) => shape switch
    {
        Shape.Txt => "text: the document has no text",
        Shape.Md => "markdown: the document has no title",
        Shape.Json => "json: the document is not valid JSON",
        _ => "html: the page has no title or headline",
    };
}
