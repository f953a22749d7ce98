using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Syndication.Articles;

/// <summary>
/// JSON parsed for our readers (documents and JSON-LD): a field named twice is an error instead of an exception on
/// first use, and a "\ud800" escape without its pair reads as U+FFFD instead of throwing when the string is read.
/// </summary>
internal static partial class JsonText
{
    public static JsonNode? Parse(string json, JsonDocumentOptions options) =>
        JsonNode.Parse(LoneSurrogateEscape().Replace(json, "\\uFFFD"), documentOptions: options with { AllowDuplicateProperties = false });

    /// <summary>A <see cref="JsonException"/>'s message without its path and position suffix.</summary>
    public static string Message(JsonException e)
    {
        var message = e.Message;
        var cut = message.IndexOf(" Path: ", StringComparison.Ordinal);
        if (cut < 0) cut = message.IndexOf(" LineNumber: ", StringComparison.Ordinal);
        return (cut < 0 ? message : message[..cut]).Trim();
    }

    // A \u escape of a high surrogate not followed by a low one, or of a low surrogate not preceded by a high one,
    // after an even number of backslashes (an odd number escapes the backslash instead).
    [GeneratedRegex(@"(?<=(?:^|[^\\])(?:\\\\)*)(?:\\u[dD][89abAB][0-9a-fA-F]{2}(?!\\u[dD][c-fC-F][0-9a-fA-F]{2})|(?<!\\u[dD][89abAB][0-9a-fA-F]{2})\\u[dD][c-fC-F][0-9a-fA-F]{2})")]
    private static partial Regex LoneSurrogateEscape();
}
