using System.Text.RegularExpressions;

namespace Syndication.Articles;

/// <summary>What a blob in the incoming container is: a document <c>{slug}.{ext}</c>, an image <c>{slug}/{file}</c>, or neither.</summary>
public sealed partial record ArticleBlobName(string Slug, string FileName, BlobRole Role)
{
    /// <summary>Image file extensions we publish; the MIME type itself is read from the bytes.</summary>
    public static readonly IReadOnlySet<string> ImageExtensions = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        { "jpg", "jpeg", "png", "gif", "webp" };

    /// <summary>What a blob name of ours looks like, for messages.</summary>
    public static readonly string Expected = $"a document {DocumentFormat.NamePattern} or an image {{slug}}/{{file}}";

    /// <summary>Classifies a blob name, or returns null when it is not one of ours (bad slug, other file).</summary>
    public static ArticleBlobName? Parse(string blobName)
    {
        var slash = blobName.IndexOf('/');
        if (slash < 0)
        {
            var dot = blobName.LastIndexOf('.');
            if (dot <= 0 || !IsValidSlug(blobName[..dot])) return null;
            return DocumentFormat.FromExtension(blobName[(dot + 1)..]) is null
                ? null
                : new ArticleBlobName(blobName[..dot], blobName, BlobRole.Document);
        }
        var slug = blobName[..slash];
        var file = blobName[(slash + 1)..];
        if (!IsValidSlug(slug) || !IsValidFileName(file)) return null;
        var ext = Path.GetExtension(file).TrimStart('.');
        return ImageExtensions.Contains(ext) ? new ArticleBlobName(slug, file, BlobRole.Image) : null;
    }

    /// <summary>Slugs are URL- and key-safe: letters, digits, '-' and '_', at most 128 characters.</summary>
    public static bool IsValidSlug(string slug) => SlugPattern().IsMatch(slug);

    /// <summary>Image file names: one path segment of safe characters.</summary>
    public static bool IsValidFileName(string file) => FilePattern().IsMatch(file);

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9_-]{0,127}\z")]
    private static partial Regex SlugPattern();

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]{0,127}\z")]
    private static partial Regex FilePattern();
}

public enum BlobRole { Document, Image }
