namespace Syndication.Articles;

/// <summary>
/// What an article says about itself in plain text, the same record from the parser through storage to every writer:
/// <see cref="ParsedArticle"/>, <see cref="Storage.StoredArticle"/> and <see cref="Feeds.FeedItem"/> extend it, the store
/// keeps each of its properties as a column, and each step copies it whole. A new field is added here, filled by the
/// parsers and written by the writers and the article page; nothing in between changes.
/// </summary>
public record ArticleFields
{
    /// <summary>The headline, plain text; every parser sets it (a document without one is rejected).</summary>
    public string Title { get; init; } = "";
    /// <summary>The standfirst: one paragraph of plain text.</summary>
    public string? Summary { get; init; }
    public IReadOnlyList<string> Authors { get; init; } = [];
    public IReadOnlyList<string> Categories { get; init; } = [];
    public IReadOnlyList<string> Tags { get; init; } = [];
    /// <summary>A BCP 47 language tag.</summary>
    public string? Language { get; init; }
}
