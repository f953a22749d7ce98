using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Syndication.Tests.Support;

namespace Syndication.Tests.Articles;

/// <summary>
/// tests/corpus/real-pages: the labels others wrote for saved pages, and the comparison rules of its README (title,
/// author, published), declared here once for the C# side.
/// </summary>
public static partial class RealPageLabels
{
    public static readonly string Folder = Repo.Path("tests", "corpus", "real-pages");

    /// <summary>
    /// One labelled page; a field that is absent (not labelled) is null here, a label of "none" is <c>Stated</c> with a
    /// null value. <c>TimeZone</c>: the zone the site's postlight extractor reads zoneless times in (none: UTC).
    /// </summary>
    public sealed record Page(string Path, string Source, string Split, string? Title, Stated<string>? Author, string? AuthorNormalised,
        Stated<string>? Published, string? Granularity, string? PublishedDay, string? TimeZone = null)
    {
        public byte[] Bytes()
        {
            using var gzip = new GZipStream(File.OpenRead(System.IO.Path.Combine(Folder, Path)), CompressionMode.Decompress);
            using var memory = new MemoryStream();
            gzip.CopyTo(memory);
            return memory.ToArray();
        }
    }

    /// <summary>A labelled value; null <c>Value</c>: the source asserts the page states none.</summary>
    public sealed record Stated<T>(T? Value);

    /// <summary>A label not scored, with its reason (exceptions.json).</summary>
    public sealed record Exception(string Page, string Field, string Reason);

    public static IReadOnlyList<Page> Load()
    {
        using var json = JsonDocument.Parse(File.ReadAllBytes(System.IO.Path.Combine(Folder, "labels.json")));
        return json.RootElement.EnumerateObject().Select(p => new Page(p.Name, p.Name.Split('/')[0], p.Value.GetProperty("split").GetString()!,
            String(p.Value, "title"), Optional(p.Value, "author"), String(p.Value, "author_normalised"), Optional(p.Value, "published"),
            String(p.Value, "published_granularity"), String(p.Value, "published_day"), String(p.Value, "timezone"))).ToList();
    }

    public static IReadOnlyList<Exception> Exceptions()
    {
        using var json = JsonDocument.Parse(File.ReadAllBytes(System.IO.Path.Combine(Folder, "exceptions.json")));
        return json.RootElement.GetProperty("exceptions").EnumerateArray()
            .Select(e => new Exception(e.GetProperty("page").GetString()!, e.GetProperty("field").GetString()!, e.GetProperty("reason").GetString()!))
            .ToList();
    }

    /// <summary>Titles compare equal after NFKC, white space runs to one space, trimmed; case and punctuation count.</summary>
    public static string NormaliseTitle(string title) => Space().Replace(title.Normalize(NormalizationForm.FormKC), " ").Trim();

    /// <summary>An author string (a label, or the parser's names joined with ", ") as its comparable form "name|name".</summary>
    public static string NormaliseAuthors(string text)
    {
        var s = Space().Replace(text.Normalize(NormalizationForm.FormKC), " ").Trim().ToLowerInvariant();
        return string.Join('|', AuthorSeparators().Split(s)
            .Select(name => EdgePunctuation().Replace(Marker().Replace(name, ""), ""))
            .Where(name => name.Length > 0));
    }

    /// <summary>Whether the parser's date is the labelled one: the same second (instant), the same day as the page wrote it (day), none (null).</summary>
    public static bool SameDate(Page page, DateTimeOffset? got)
    {
        if (page.Published!.Value is null) return got is null;
        if (got is null) return false;
        if (page.Granularity == "day")
            return got.Value.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) == page.PublishedDay;
        var want = DateTimeOffset.Parse(page.Published.Value, CultureInfo.InvariantCulture);
        return want.ToUnixTimeSeconds() == got.Value.ToUnixTimeSeconds();
    }

    private static string? String(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static Stated<string>? Optional(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) ? new Stated<string>(v.ValueKind == JsonValueKind.String ? v.GetString() : null) : null;

    [GeneratedRegex(@"\s+")]
    private static partial Regex Space();

    [GeneratedRegex(@"\s*(?:,\s*and\s+|,|;|\||&|、|\s+and\s+)\s*")]
    private static partial Regex AuthorSeparators();

    [GeneratedRegex(@"^by\s+|^(?:著者|作者|筆者|文)\s*[:●]\s*")]
    private static partial Regex Marker();

    [GeneratedRegex(@"^[\p{P}\s]+|[\p{P}\s]+$")]
    private static partial Regex EdgePunctuation();
}
