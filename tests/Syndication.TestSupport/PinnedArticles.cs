namespace Syndication.Tests.Support;

/// <summary>
/// Two articles whose hashes were computed before issue 23 changed the hashing and are pinned: at ingestion
/// (<c>ContentHashPinTests</c>) and without storage (<c>ContentHashTests</c>).
/// </summary>
public static class PinnedArticles
{
    /// <summary>Every field set, and an image referenced by URL (no bytes, so no renditions).</summary>
    public const string Full = """
        ---
        title: Harbour reopens after storm
        summary: The port is open again after three days.
        authors: [Ana Lima, Ben Okafor]
        published: 2024-03-05T08:30:00Z
        updated: 2024-03-06T10:00:00Z
        categories: [Local, Weather]
        tags: [storms, harbour]
        language: en-GB
        images:
          - url: https://images.example.com/boats.jpg
            caption: Boats return to the harbour.
            credit: Ana Lima
        ---
        The **harbour** reopened on Tuesday.
        """;

    /// <summary>Only a title and a date: every other field null or empty.</summary>
    public const string Bare = "---\ntitle: Bare facts\npublished: 2024-03-05T08:30:00Z\n---\nOne line.\n";
}
