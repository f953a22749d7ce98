using Syndication.Articles;

namespace Syndication.Ingestion;

/// <summary>Size caps on what ingestion reads (section "Syndication", e.g. app setting Syndication__MaxDocumentBytes).</summary>
public sealed class IngestionOptions
{
    public const string Section = "Syndication";

    /// <summary>Largest document parsed; a larger one is rejected without being downloaded.</summary>
    public int MaxDocumentBytes { get; set; } = DocumentParser.MaxDocumentBytes;

    /// <summary>Largest image published; a larger one is rejected without being downloaded.</summary>
    public int MaxImageBytes { get; set; } = 20 * 1024 * 1024;
}
