using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Syndication.Articles;

/// <summary>HTML encoding that keeps every script's letters readable (only markup characters are escaped).</summary>
public static class Html
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static string Encode(string? text) => string.IsNullOrEmpty(text) ? string.Empty : Encoder.Encode(text);

    /// <summary>Paragraphs of plain text as <c>&lt;p&gt;</c> elements.</summary>
    public static string Paragraphs(IEnumerable<string> paragraphs) =>
        string.Concat(paragraphs.Select(p => "<p>" + Encode(p) + "</p>\n"));
}
