using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Syndication.Articles;
using Xunit.Abstractions;

namespace Syndication.Tests.Articles;

/// <summary>
/// Filter-evasion payloads (testdata/xss/payloads.txt, one a line) through all three document shapes that carry
/// HTML: nothing executable, styled or able to navigate elsewhere may reach the body we publish.
/// </summary>
public sealed partial class XssCorpusTests(ITestOutputHelper output)
{
    private static readonly string[] Payloads =
        File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "testdata", "xss", "payloads.txt")).Where(l => l.Length > 0).ToArray();

    private static readonly HashSet<string> ForbiddenElements =
    [
        "script", "iframe", "frame", "frameset", "object", "embed", "applet", "param", "style", "link", "form", "input",
        "button", "textarea", "select", "meta", "base", "svg", "math", "template",
    ];

    private static readonly HashSet<string> UrlAttributes =
        ["href", "src", "srcset", "cite", "action", "formaction", "xlink:href", "background", "poster", "data", "lowsrc", "dynsrc", "codebase"];

    private const string Paragraph = "The harbour reopened on Tuesday after three days of repairs to the breakwater, and the first ferries left on time.";

    [Fact]
    public void TheCorpusHoldsEnoughPayloads() => Assert.True(Payloads.Length >= 80, $"only {Payloads.Length} payloads");

    [Fact]
    public void TheCheckCatchesThePayloadsWhenNothingSanitizesThem()
    {
        var caught = Payloads.Count(p => Unsafe(p).Any());
        output.WriteLine($"{caught} of {Payloads.Length} raw payloads are caught by the check");
        Assert.True(caught >= Payloads.Length * 0.8, $"the check catches only {caught} raw payloads");
    }

    [Fact]
    public void NoPayloadSurvivesInAnHtmlPageBody() => AssertNoneSurvive("html page", payload =>
        HtmlArticleParser.Parse(Encoding.UTF8.GetBytes(
            $"<!doctype html><html lang=en><head><meta charset=utf-8><title>Harbour reopens</title></head><body><article>"
            + $"<h1>Harbour reopens</h1><p>{Paragraph}</p><p>{Paragraph} {payload} {Paragraph}</p>{payload}<p>{Paragraph}</p>"
            + "</article></body></html>")).BodyHtml);

    [Fact]
    public void NoPayloadSurvivesInAMarkdownBody() => AssertNoneSurvive("markdown", payload =>
        MarkdownArticleParser.Parse($"---\ntitle: Harbour reopens\n---\n{Paragraph}\n\n{payload}\n\nInline {payload} text.\n").BodyHtml);

    [Fact]
    public void NoPayloadSurvivesInAJsonBodyHtml() => AssertNoneSurvive("json", payload =>
        JsonArticleParser.Parse(new JsonObject
        {
            ["title"] = "Harbour reopens",
            ["body_html"] = $"<p>{Paragraph}</p>{payload}<p>Inline {payload} text.</p>",
        }.ToJsonString()).BodyHtml);

    private void AssertNoneSurvive(string shape, Func<string, string> bodyOf)
    {
        var failures = new List<string>();
        var rejected = 0;
        foreach (var payload in Payloads)
        {
            string body;
            try
            {
                body = bodyOf(payload);
            }
            catch (ArticleRejectedException)
            {
                rejected++; // a rejected document publishes nothing
                continue;
            }
            failures.AddRange(Unsafe(body).Select(problem => $"{payload}\n    -> {problem} in {body}"));
        }
        output.WriteLine($"{shape}: {Payloads.Length} payloads, {rejected} documents rejected, {failures.Count} unsafe results");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static IEnumerable<string> Unsafe(string html)
    {
        var body = new HtmlParser().ParseDocument("<!doctype html><body>" + html + "</body>").Body!;
        foreach (var e in body.QuerySelectorAll("*"))
        {
            if (ForbiddenElements.Contains(e.LocalName)) yield return $"<{e.LocalName}>";
            foreach (var a in e.Attributes)
            {
                var name = a.Name.ToLowerInvariant();
                if (name.StartsWith("on", StringComparison.Ordinal)) yield return $"{name}= on <{e.LocalName}>";
                if (name == "style") yield return $"style= on <{e.LocalName}>";
                if (UrlAttributes.Contains(name))
                    foreach (var url in name == "srcset" ? a.Value.Split(',').Select(c => c.Trim().Split(' ')[0]) : [a.Value])
                        if (!IsSafeUrl(url)) yield return $"{name}=\"{a.Value}\" on <{e.LocalName}>";
            }
        }
    }

    // Browsers ignore whitespace and control characters in a scheme; entities are already decoded by the parser;
    // percent-escapes are decoded too, to be strict.
    private static bool IsSafeUrl(string url)
    {
        var plain = new string(url.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).ToArray());
        try
        {
            plain = Uri.UnescapeDataString(plain);
        }
        catch (UriFormatException)
        {
        }
        plain = new string(plain.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).ToArray());
        var scheme = Scheme().Match(plain);
        return !scheme.Success || scheme.Groups[1].Value.ToLowerInvariant() is "http" or "https" or "mailto";
    }

    [GeneratedRegex(@"^([a-zA-Z][a-zA-Z0-9+.\-]*):")]
    private static partial Regex Scheme();
}
