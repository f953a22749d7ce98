namespace Syndication.Storage;

/// <summary>Container and table names (section "Syndication:Storage"); tests give each run its own.</summary>
public sealed class StorageOptions
{
    public const string Section = "Syndication:Storage";

    /// <summary>Where publishers drop documents and images (public contract: "articles").</summary>
    public string ArticlesContainer { get; set; } = "articles";
    /// <summary>Rendered bodies and the images we serve.</summary>
    public string PublishedContainer { get; set; } = "published";
    public string Table { get; set; } = "articles";
}
