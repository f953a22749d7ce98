namespace Syndication.Articles;

/// <summary>
/// What an article says about itself in plain text, the same record from the parser through storage to every writer:
/// <see cref="ParsedArticle"/>, <see cref="Storage.StoredArticle"/> and <see cref="Feeds.FeedItem"/> extend it, the store
/// keeps each of its properties as a column, and each step copies it whole. A new field is added here (with a bump of
/// <see cref="ParserVersion"/>), filled by the parsers and written by the writers and the article page; nothing in
/// between changes: <see cref="PlainText.Apply"/> cleans every string and list of strings here, and the content hash
/// leaves out a property that is empty, so articles that do not state the new field keep their hashes and `updated`.
/// </summary>
public record ArticleFields
{
    /// <summary>
    /// Bump when parsing changes what readers see, a new field here included: every article's source signature carries
    /// it, so the next reconcile pass reads every document again and articles published before gain the field (without
    /// a bump, only when their document is uploaded again).
    /// </summary>
    public const string ParserVersion = "7"; // 2: images gain renditions; 3: short titles; 4: issue 24 date and byline rows; 5: its round two; 6: round three; 7: round four

    /// <summary>The headline, plain text; every parser sets it (a document without one is rejected).</summary>
    public string Title { get; init; } = "";
    /// <summary>A shorter headline the publisher gives for tight spaces (MSN's mi:shortTitle), plain text.</summary>
    public string? ShortTitle { get; init; }
    /// <summary>The standfirst: one paragraph of plain text.</summary>
    public string? Summary { get; init; }
    public IReadOnlyList<string> Authors { get; init; } = [];
    public IReadOnlyList<string> Categories { get; init; } = [];
    public IReadOnlyList<string> Tags { get; init; } = [];
    /// <summary>A BCP 47 language tag.</summary>
    public string? Language { get; init; }
}
