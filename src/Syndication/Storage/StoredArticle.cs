using Syndication.Articles;

namespace Syndication.Storage;

/// <summary>An article as stored: its <see cref="ArticleFields"/> and everything else a feed item needs but the body, which lives in a blob.</summary>
public sealed record StoredArticle : ArticleFields
{
    public StoredArticle()
    {
    }

    /// <summary>An article with the fields <paramref name="fields"/> states (copied whole, whatever fields it has).</summary>
    public StoredArticle(ArticleFields fields) : base(fields)
    {
    }

    public required Guid Id { get; init; }
    public required string Slug { get; init; }
    public required DateTimeOffset Published { get; init; }
    /// <summary>Whether the publisher stated the published date (blob metadata, the document, its text); if not, it is the first upload's time.</summary>
    public bool DateStated { get; init; } = true;
    public required DateTimeOffset Updated { get; init; }
    public IReadOnlyList<StoredImage> Images { get; init; } = [];
    /// <summary>Name of the rendered-body blob in the published container (content-addressed).</summary>
    public required string BodyBlob { get; init; }
    /// <summary>The incoming document blob this article comes from, and its ETag.</summary>
    public required string SourceBlob { get; init; }
    public required string SourceETag { get; init; }
    /// <summary>Hash of the document's and images' names and ETags: unchanged sources need no work.</summary>
    public required string SourceSignature { get; init; }
    /// <summary>Hash of what readers see: an unchanged hash keeps the updated date.</summary>
    public required string ContentHash { get; init; }
    /// <summary>Hash of the article's text and dates alone (not its images): whether an edit changed what it says.</summary>
    public string TextHash { get; init; } = "";
}

/// <summary>
/// One published image: its file under the article, the source ETag, and what its bytes are (with a hash of them,
/// <paramref name="Sha256"/>); or, for an image the document references remotely and nobody uploaded, its
/// <paramref name="RemoteUrl"/> (length, type and size unknown: 0/"").
/// </summary>
public sealed record StoredImage(
    string File, string SourceETag, long Length, string ContentType, int Width, int Height,
    string? Caption, string? Credit, string? Alt, string? RemoteUrl = null, string? Sha256 = null)
{
    /// <summary>
    /// The renditions made from these bytes (content-addressed, served under renditions/); empty when the source is too
    /// small for any; null when none are made yet (a row from before renditions, or bytes that could not be decoded:
    /// the next ingestion tries again).
    /// </summary>
    public IReadOnlyList<StoredRendition>? Renditions { get; init; }

    /// <summary>Whether we serve the bytes ourselves (and so know their true length and type).</summary>
    public bool IsLocal => RemoteUrl is null;

    /// <summary>
    /// Names this version of the image's bytes in its URL (?v=): from the hash of the bytes, so the same bytes uploaded
    /// again keep their URL, new bytes get a new one, and a URL's bytes never change (rows from before byte hashes: from
    /// the source blob's ETag, which storage changes with every write). Not serialized.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string Version => Sha256 is { Length: >= 16 } sha ? sha[..16]
        : Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(SourceETag)).AsSpan(0, 8));

    /// <summary>The same image as readers see it: without the source blob's ETag, which a byte-identical upload changes.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public StoredImage Visible => Sha256 is null ? this : this with { SourceETag = "" };
}
