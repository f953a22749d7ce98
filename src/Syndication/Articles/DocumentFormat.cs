namespace Syndication.Articles;

/// <summary>The document shapes we take in, chosen by the blob's extension.</summary>
public enum DocumentFormat { Text, Markdown, Json, Html }

public static class DocumentFormats
{
    /// <summary>Document extensions in the order we prefer them when one slug has several documents.</summary>
    public static readonly IReadOnlyList<string> Extensions = ["md", "markdown", "json", "html", "htm", "txt"];

    public static DocumentFormat? FromExtension(string extension) => extension.ToLowerInvariant() switch
    {
        "txt" => DocumentFormat.Text,
        "md" or "markdown" => DocumentFormat.Markdown,
        "json" => DocumentFormat.Json,
        "html" or "htm" => DocumentFormat.Html,
        _ => null,
    };
}
