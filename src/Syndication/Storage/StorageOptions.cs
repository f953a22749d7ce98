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

    /// <summary>
    /// Whether the app creates the table and containers when missing. On by default (Azurite, tests); off in Azure,
    /// where Bicep creates them, so the app's identity needs data rights only, never create rights.
    /// </summary>
    public bool CreateIfMissing { get; set; } = true;
}
