namespace Syndication.Articles;

/// <summary>
/// Reads a document's bytes into the neutral article, or throws <see cref="ArticleRejectedException"/>; a time the
/// document states without a zone is read in <paramref name="zone"/> (<see cref="PublisherZone"/>).
/// </summary>
public delegate ParsedArticle DocumentReader(ReadOnlySpan<byte> content, TimeZoneInfo zone);

/// <summary>
/// A document shape we take in: a label, its blob extensions and its parser. <see cref="All"/> is the one table of
/// shapes, in the order we prefer them when one slug has several documents; adding a shape is one row here.
/// </summary>
public sealed class DocumentFormat
{
    /// <summary>Markdown with YAML front matter.</summary>
    public static readonly DocumentFormat Markdown = new("Markdown", ["md", "markdown"], (b, zone) => MarkdownArticleParser.Parse(CleanText.Decode(b), zone));

    /// <summary>The article's fields as one JSON object.</summary>
    public static readonly DocumentFormat Json = new("JSON", ["json"], (b, zone) => JsonArticleParser.Parse(CleanText.Decode(b), zone));

    /// <summary>A saved web page; pages declare their own character set, so it is decoded from the bytes.</summary>
    public static readonly DocumentFormat Html = new("HTML", ["html", "htm"], (b, zone) => HtmlArticleParser.Parse(b, zone));

    /// <summary>Text scraped from a web page.</summary>
    public static readonly DocumentFormat Text = new("text", ["txt"], (b, zone) => TextArticleParser.Parse(CleanText.Decode(b), zone));

    /// <summary>Every shape, most preferred first.</summary>
    public static readonly IReadOnlyList<DocumentFormat> All = [Markdown, Json, Html, Text];

    /// <summary>Every document extension, most preferred first.</summary>
    public static readonly IReadOnlyList<string> AllExtensions = [.. All.SelectMany(f => f.Extensions)];

    /// <summary>How a document blob is named, for messages: <c>{slug}.{md|markdown|…}</c>.</summary>
    public static readonly string NamePattern = $"{{slug}}.{{{string.Join('|', AllExtensions)}}}";

    private DocumentFormat(string label, IReadOnlyList<string> extensions, DocumentReader read) =>
        (Label, Extensions, Read) = (label, extensions, read);

    /// <summary>The shape's name for people.</summary>
    public string Label { get; }

    /// <summary>Its blob extensions (lower case, without the dot), most preferred first.</summary>
    public IReadOnlyList<string> Extensions { get; }

    /// <summary>The parser: bytes as downloaded to the neutral article (size and binary checks are the caller's).</summary>
    internal DocumentReader Read { get; }

    /// <summary>The shape a blob extension (without the dot, any case) names, or null.</summary>
    public static DocumentFormat? FromExtension(string extension) =>
        All.FirstOrDefault(f => f.Extensions.Contains(extension, StringComparer.OrdinalIgnoreCase));

    /// <summary>Where a document blob's extension ranks when one slug has several documents (0 first; unknown last).</summary>
    public static int Preference(string documentName)
    {
        var extension = Path.GetExtension(documentName).TrimStart('.');
        var index = AllExtensions.ToList().FindIndex(e => e.Equals(extension, StringComparison.OrdinalIgnoreCase));
        return index < 0 ? int.MaxValue : index;
    }

    public override string ToString() => Label;
}
