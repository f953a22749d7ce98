using Syndication.Articles;

namespace Syndication.Partners;

/// <summary>Partner ids are slugs: lower-case letters, digits and single hyphens, at most 64 characters ("acme-news").</summary>
public static class PartnerId
{
    public const int MaxLength = 64;

    public static bool IsValid(string? id) => id is { Length: > 0 and <= MaxLength } && FeedKey.IsSlug(id);
}
