namespace Syndication.Tests.Hostile;

// Hostile values in the fields themselves: control characters and "]]>" everywhere, 10,000-character titles,
// scripts and broken URLs, impossible dates, language tags that are not languages.
public static partial class HostileCorpus
{
    private static string Controls(string field) =>
        $"{field} ]]> <script>alert(1) & \"q\" \u0001\u0008\u000B\u000C\u001B\u007F\u0085\u009F\uFFFE\uFFFF end";

    private static IEnumerable<HostileCase> ControlCharacters()
    {
        var hostile = new Fields
        {
            Title = Controls("Harbour"), Summary = Controls("Summary"), Author = Controls("Ana"), Tag = Controls("Tag"),
            Caption = Controls("Caption"), Language = "en\u0001",
            Body = [.. Fields.DefaultBody, "Body ]]> <script>alert(1)</script> <img src=x onerror=alert(2)> \u0001\u001B\u0085 end"],
        };
        var cdata = new Fields
        {
            Title = "Harbour <![CDATA[ ]]> ]]]]><![CDATA[> end", Summary = "]]>]]>]]>", Author = "]]>", Tag = "<![CDATA[",
            Body = [.. Fields.DefaultBody, "<![CDATA[ x ]]> and ]]]]><![CDATA[> after"],
        };
        foreach (var shape in Shapes.All)
        {
            yield return shape == Shape.Json
                ? Rejected("control-chars", "raw", shape, Articles.Utf8(shape, hostile), "json: the document is not valid JSON")
                : Published("control-chars", "raw", shape, Articles.Utf8(shape, hostile), "]]>");
            yield return Published("control-chars", "escaped", shape, Articles.Utf8(shape, hostile, escaped: true), "]]>");
            yield return Published("control-chars", "cdata", shape, Articles.Utf8(shape, cdata), "]]>");
        }
    }

    private static IEnumerable<HostileCase> LongTitles()
    {
        var words = string.Join(' ', Enumerable.Repeat("Harbour", 1250));
        (string Name, Fields Fields)[] variants =
        [
            ("words", new Fields { Title = words, Summary = words, Author = words, Tag = words, Caption = words }),
            ("one-word", new Fields { Title = "Harbour" + new string('H', 9993) }),
            ("emoji", new Fields { Title = "Harbour " + string.Concat(Enumerable.Repeat("🎉", 4996)) }),
            ("combining-marks", new Fields { Title = "Harbour e" + new string('\u0301', 9991) }),
        ];
        foreach (var shape in Shapes.All)
        foreach (var (name, fields) in variants)
            yield return Published("long-title", name, shape, Articles.Utf8(shape, fields));
    }

    private static IEnumerable<HostileCase> Markup()
    {
        const string xss = """
            <p>Before <script>alert(1)</script> <img src="x" onerror="alert(2)"> <svg onload="alert(3)"></svg>
            <iframe src="https://evil.example/"></iframe> <a href="javascript:alert(4)">js</a>
            <a href="data:text/html,&lt;script&gt;alert(5)&lt;/script&gt;">data</a> <a href="//evil.example/x">protocol-relative</a>
            <a href="http://[">broken</a> <a href="https://exa mple.com/a b">spaces</a> <a href="http://%%%/">percent</a>
            <img srcset=",,, ,x 2x, javascript:alert(6) 1x"> <img src="http://[::1">
            <style>body{display:none}</style> <object data="x.swf"></object> <base href="https://evil.example/">
            <meta http-equiv="refresh" content="0;url=https://evil.example/"> <form action="https://evil.example/"><input name="q"></form>
            <a href="relative/page.html">relative</a> <a href="https://news.example.com/ok">ok</a> after</p>
            """;
        var longUrl = $"<p>Long <a href=\"https://example.com/{new string('a', 70_000)}\">link</a> and <img src=\"https://example.com/{new string('b', 70_000)}.png\"> end</p>";
        foreach (var shape in Shapes.All)
        {
            yield return Published("markup", "scripts-and-broken-urls", shape, Articles.Utf8(shape, new Fields { Body = [.. Fields.DefaultBody, xss] }));
            // In Markdown (and JSON, whose body is Markdown) the two URLs make one paragraph longer than Markdig is given.
            var longUrls = Articles.Utf8(shape, new Fields { Body = [.. Fields.DefaultBody, longUrl] });
            yield return shape is Shape.Md or Shape.Json
                ? Rejected("markup", "70k-character-urls", shape, longUrls, "markdown: a paragraph of 140096 characters is longer than the 32768 we render")
                : Published("markup", "70k-character-urls", shape, longUrls);
            yield return Published("markup", "markup-in-title", shape,
                Articles.Utf8(shape, new Fields { Title = "Harbour <b>bold</b> &amp; <i>news</i> <script>alert(1)</script>", Tag = "<b>tag</b>" }));
        }
        var markdownLinks = "[js](javascript:alert(1)) [rel](relative/page.html) ![img](http://[) [data](data:text/html;base64,PHNjcmlwdD4=) " +
            "<javascript:alert(2)> [ref][r]\n\n[r]: javascript:alert(3)";
        yield return Published("markup", "markdown-links", Shape.Md, Articles.Utf8(Shape.Md, new Fields { Body = [.. Fields.DefaultBody, markdownLinks] }));
    }

    private static IEnumerable<HostileCase> Dates()
    {
        (string Name, string Date)[] dates =
        [
            ("far-future", "9999-12-31T23:59:59Z"), ("year-one", "0001-01-01T00:00:00Z"), ("epoch", "1970-01-01T00:00:00Z"),
            ("impossible", "2024-02-30T25:61:00Z"), ("words", "yesterday at noon"), ("offset-overflow", "9999-12-31T23:59:59-14:00"),
            ("negative-offset-underflow", "0001-01-01T00:00:00+14:00"),
        ];
        foreach (var shape in new[] { Shape.Md, Shape.Json, Shape.Html })
        foreach (var (name, date) in dates)
            yield return Published("dates", name, shape, Articles.Utf8(shape, new Fields { Published = date }));
    }

    private static IEnumerable<HostileCase> Languages()
    {
        (string Name, string Language)[] languages =
        [
            ("markup", "<script>"), ("underscore", "en_US"), ("too-long", new string('x', 50)), ("bogus-subtags", "zz-ZZZZZZZZZZ-!!"),
            ("space", "en US"), ("digits", "42"),
        ];
        foreach (var shape in new[] { Shape.Md, Shape.Json, Shape.Html })
        foreach (var (name, language) in languages)
            yield return Published("language", name, shape, Articles.Utf8(shape, new Fields { Language = language }));
    }
}
