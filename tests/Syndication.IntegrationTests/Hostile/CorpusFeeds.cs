using System.Text.Json;
using System.Xml.Linq;
using AngleSharp.Html.Parser;
using Syndication.Tests.Conformance;
using Syndication.Tests.Support;

namespace Syndication.Tests.Hostile;

/// <summary>Reads every page of the corpus feeds and checks them with the independent parsers and validators.</summary>
public static class CorpusFeeds
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly HashSet<string> RiskyElements =
        ["script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "meta", "link", "base", "form", "input", "svg", "math"];

    /// <summary>Each page of a feed from <c>?limit=200</c>, following its next links: the URL asked for and the response.</summary>
    public static async Task<List<(string Url, TestResponse Response)>> PagesAsync(TestSite site, string file)
    {
        var pages = new List<(string, TestResponse)>();
        string? url = $"{AllSamples.Origin}/api/feeds/{file}?limit=200";
        while (url is not null && pages.Count < 20)
        {
            var response = await AllSamples.FeedAsync(site, file, new Uri(url).Query);
            pages.Add((url, response));
            url = response.Status == 200 ? Next(file, response.Body) : null;
        }
        return pages;
    }

    /// <summary>Validates one page with feedparser, jing and the W3C rules (RSS, Atom) or CodeHollow (JSON Feed); returns problems.</summary>
    public static async Task<List<string>> ProblemsAsync(string file, string url, TestResponse page)
    {
        if (page.Status != 200) return [$"{url}: status {page.Status}: {page.Text[..Math.Min(300, page.Text.Length)]}"];
        var problems = new List<string>();
        if (file.EndsWith(".json", StringComparison.Ordinal))
        {
            try
            {
                FeedParsers.FeedReader(page.Body);
                using var _ = JsonDocument.Parse(page.Body);
            }
            catch (Exception e)
            {
                problems.Add($"{url}: JSON Feed readers fail: {e.Message}");
            }
            return problems;
        }
        var parsed = await ExternalValidators.FeedparserAsync(page.Body, page.ContentType!);
        if (parsed.GetProperty("bozo").GetInt32() != 0)
            problems.Add($"{url}: feedparser bozo: {IndependentParserTests.Text(parsed, "bozo_exception")}");
        var doc = FeedParsers.Document(page.Body);
        if (file.EndsWith(".atom", StringComparison.Ordinal))
        {
            problems.AddRange(W3cFeedRules.Atom10(doc, url).Select(p => $"{url}: W3C {p}"));
            var (valid, messages) = await ExternalValidators.JingAsync(page.Body);
            if (!valid) problems.Add($"{url}: jing: {messages}");
        }
        else problems.AddRange(W3cFeedRules.Rss(doc, url).Where(p => !MarkupAsText(doc, p)).Select(p => $"{url}: W3C {p}"));
        return problems;
    }

    // Titles and categories are plain text and keep markup the author wrote, as text (HostileContentTests): the
    // validator's warning for an end tag in them is accepted, and nothing else.
    private static bool MarkupAsText(XDocument rss, string problem)
    {
        if (problem.StartsWith("ContainsHTML: ", StringComparison.Ordinal)) return true;
        var match = System.Text.RegularExpressions.Regex.Match(problem, @"^NotBlank: item\[(\d+)\]/category$");
        return match.Success && rss.Root!.Element("channel")!.Elements("item").ElementAt(int.Parse(match.Groups[1].Value) - 1)
            .Elements("category").All(c => c.Value.Trim().Length > 0);
    }

    /// <summary>The JSON Feed items of every page.</summary>
    public static List<JsonElement> JsonItems(IEnumerable<(string Url, TestResponse Response)> pages) =>
        pages.Where(p => p.Response.Status == 200)
            .SelectMany(p => JsonDocument.Parse(p.Response.Body).RootElement.GetProperty("items").EnumerateArray().Select(i => i.Clone()))
            .ToList();

    /// <summary>What a published item must never hold, whatever its document was.</summary>
    public static IEnumerable<string> ItemProblems(JsonElement item)
    {
        var title = Text(item, "title") ?? "";
        if (title.Trim().Length == 0) yield return "the title is empty";
        if (title.Length > 300) yield return $"the title is {title.Length} characters";
        if ((Text(item, "summary")?.Length ?? 0) > 1000) yield return "the summary is over 1000 characters";
        var plain = new List<(string Field, string Value)> { ("title", title), ("summary", Text(item, "summary") ?? "") };
        if (item.TryGetProperty("authors", out var authors)) plain.AddRange(authors.EnumerateArray().Select(a => ("author", Text(a, "name") ?? "")));
        if (item.TryGetProperty("tags", out var tags)) plain.AddRange(tags.EnumerateArray().Select(t => ("tag", t.GetString() ?? "")));
        foreach (var (field, value) in plain)
            if (BadCharacter(value, allowLineBreaks: false) is { } bad) yield return $"the {field} holds {bad}";
        var html = Text(item, "content_html") ?? "";
        if (BadCharacter(html, allowLineBreaks: true) is { } badInHtml) yield return $"the content holds {badInHtml}";
        using var content = new HtmlParser().ParseDocument(html);
        foreach (var element in content.All.Where(e => e.LocalName is not ("html" or "head" or "body")))
        {
            if (RiskyElements.Contains(element.LocalName)) yield return $"the content holds <{element.LocalName}>";
            foreach (var attribute in element.Attributes)
            {
                if (attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase) || attribute.Name == "style")
                    yield return $"the content holds <{element.LocalName} {attribute.Name}>";
                if (attribute.Name is "href" or "src" && !SafeUrl(attribute.Value))
                    yield return $"the content holds <{element.LocalName} {attribute.Name}=\"{attribute.Value[..Math.Min(60, attribute.Value.Length)]}\">";
            }
        }
    }

    public static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    // A control character, a lone surrogate or a noncharacter, named; null when the text is clean.
    private static string? BadCharacter(string text, bool allowLineBreaks)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }
            if (allowLineBreaks && c is '\n' or '\r' or '\t') continue;
            if (char.IsControl(c) || char.IsSurrogate(c) || c is '\uFFFE' or '\uFFFF') return $"U+{(int)c:X4} at {i}";
        }
        return null;
    }

    private static bool SafeUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" or "mailto";

    private static string? Next(string file, byte[] body)
    {
        if (file.EndsWith(".json", StringComparison.Ordinal))
            return JsonDocument.Parse(body).RootElement.TryGetProperty("next_url", out var next) ? next.GetString() : null;
        return FeedParsers.Link(FeedParsers.Document(body), "next")?.OriginalString;
    }
}
