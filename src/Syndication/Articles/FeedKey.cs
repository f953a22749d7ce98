using System.Text;

namespace Syndication.Articles;

/// <summary>Which articles a feed lists: all of them, or those of one category, tag or author.</summary>
public sealed record FeedKey(FeedKind Kind, string Slug)
{
    public static readonly FeedKey All = new(FeedKind.All, "all");

    /// <summary>The path under feeds/ without the extension: "all", "category/politics", "tag/city-council".</summary>
    public string Path => Kind == FeedKind.All ? "all" : $"{KindName(Kind)}/{Slug}";

    /// <summary>Parses the route's kind segment ("category", "tag", "author"); null for anything else.</summary>
    public static FeedKind? ParseKind(string kind) => kind switch
    {
        "category" => FeedKind.Category,
        "tag" => FeedKind.Tag,
        "author" => FeedKind.Author,
        _ => null,
    };

    public static string KindName(FeedKind kind) => kind switch
    {
        FeedKind.Category => "category",
        FeedKind.Tag => "tag",
        FeedKind.Author => "author",
        _ => "all",
    };

    /// <summary>The URL slug of a name: lower-case letters and digits, anything else one hyphen ("City Council" → "city-council").</summary>
    public static string Slugify(string name)
    {
        var sb = new StringBuilder(name.Length);
        foreach (var c in name.Normalize(NormalizationForm.FormKC))
        {
            if (char.IsLetterOrDigit(c)) sb.Append(char.ToLowerInvariant(c));
            else if (sb.Length > 0 && sb[^1] != '-') sb.Append('-');
        }
        var slug = sb.ToString().Trim('-');
        return slug.Length > 80 ? slug[..80].TrimEnd('-') : slug;
    }

    /// <summary>Whether a requested slug is in the form <see cref="Slugify"/> produces.</summary>
    public static bool IsSlug(string slug) => slug.Length is > 0 and <= 80 && slug == Slugify(slug);
}

public enum FeedKind { All, Category, Tag, Author }
