namespace Syndication.Articles;

/// <summary>What a document says about its article, whatever its shape: the neutral result of every parser.</summary>
public sealed record ParsedArticle : ArticleFields
{
    /// <summary>The body as safe HTML (paragraphs, headings, lists, links), without the images.</summary>
    public required string BodyHtml { get; init; }
    public DateTimeOffset? Published { get; init; }
    public DateTimeOffset? Updated { get; init; }
    /// <summary>Image descriptions in document order; paired with the image blobs at ingest.</summary>
    public IReadOnlyList<ImageDescription> Images { get; init; } = [];
    /// <summary>
    /// The document's embargo and expiry as written (ingestion parses and checks them): null when the document has no
    /// such field, "" when the field is empty, a list or mapping as its JSON. Not content, so not hashed.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string? Embargo { get; init; }
    [System.Text.Json.Serialization.JsonIgnore]
    public string? Expires { get; init; }
}

/// <summary>
/// A caption, credit and alt text the document gives for one image, the file it names if any, and its absolute
/// http(s) URL when the document references it remotely (used when no blob of that file is uploaded beside it).
/// </summary>
public sealed record ImageDescription(string? File, string? Caption, string? Credit, string? Alt, string? Url = null);
