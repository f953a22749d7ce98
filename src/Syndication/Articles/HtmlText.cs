using System.Net;
using System.Text.RegularExpressions;

namespace Syndication.Articles;

/// <summary>The text of an HTML fragment as people and platforms count it: markup left out, entities decoded.</summary>
public static partial class HtmlText
{
    /// <summary>The words of the fragment's text.</summary>
    public static string[] Words(string html) =>
        WebUtility.HtmlDecode(Tag().Replace(html, " ")).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Characters of text in these words with one space between each (an article's length, as MSN counts it).</summary>
    public static int Characters(IReadOnlyCollection<string> words) => words.Count == 0 ? 0 : words.Sum(w => w.Length) + words.Count - 1;

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tag();
}
