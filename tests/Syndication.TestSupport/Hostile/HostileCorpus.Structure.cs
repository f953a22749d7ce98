using System.Text;

namespace Syndication.Tests.Hostile;

// Documents broken in their structure: deep nesting, YAML bombs, malformed front matter, JSON of the wrong types,
// and input shaped to make regular expressions backtrack.
public static partial class HostileCorpus
{
    private static string Repeat(string s, int n) => string.Concat(Enumerable.Repeat(s, n));

    private static byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);

    private static byte[] Markdown(string frontMatter, string body = "The harbour reopened on Tuesday.") =>
        Utf8($"---\n{frontMatter}\n---\n{body}\n");

    private static IEnumerable<HostileCase> DeepNesting()
    {
        const string html = "html: elements are nested more than 512 deep";
        const string markdown = "markdown:";
        const string yaml = "markdown: the front matter is nested more than 64 deep";
        byte[] Page(string inner) => Utf8(Articles.Write(Shape.Html, new Fields()).Replace("</article>", inner + "</article>"));
        yield return Published("deep-nesting", "divs-200", Shape.Html, Page(Repeat("<div>", 200) + "Deep text" + Repeat("</div>", 200)));
        yield return Published("deep-nesting", "svg-paths-5000", Shape.Html, Page("<svg>" + Repeat("<path d=\"M0 0\"/>", 5000) + "</svg>"));
        yield return Rejected("deep-nesting", "divs-20000", Shape.Html, Page(Repeat("<div>", 20_000) + "Deep text" + Repeat("</div>", 20_000)), html);
        yield return Rejected("deep-nesting", "self-closed-divs-40000", Shape.Html, Page(Repeat("<div/>", 40_000) + "Deep text"), html);
        yield return Rejected("deep-nesting", "unclosed-i-60000", Shape.Html, Page(Repeat("<i>", 60_000) + "Deep text"), html);
        yield return Rejected("deep-nesting", "unclosed-span-30000", Shape.Html, Page(Repeat("<span>", 30_000) + "Deep text"), html);
        yield return Rejected("deep-nesting", "tables-10000", Shape.Html, Page(Repeat("<table><tr><td>", 10_000) + "Deep text"), html);
        yield return Rejected("deep-nesting", "lists-25000", Shape.Html, Page(Repeat("<ul><li>", 25_000) + "Deep text"), html);
        yield return Rejected("deep-nesting", "blockquotes-100000", Shape.Md, Markdown("title: Harbour quotes", Repeat(">", 100_000) + " Deep text"), markdown);
        yield return Rejected("deep-nesting", "lists-100000", Shape.Md, Markdown("title: Harbour lists", Repeat("- ", 100_000) + "Deep text"), markdown);
        yield return Rejected("deep-nesting", "emphasis-50000", Shape.Md, Markdown("title: Harbour emphasis", Repeat("*", 50_000) + "Deep text" + Repeat("*", 50_000)), markdown);
        yield return Rejected("deep-nesting", "brackets-100000", Shape.Md, Markdown("title: Harbour brackets", Repeat("[", 100_000) + "Deep text" + Repeat("](x)", 1000)), markdown);
        yield return Rejected("deep-nesting", "raw-html-divs-20000", Shape.Md, Markdown("title: Harbour raw", Repeat("<div>\n\n", 20_000) + "Deep text"), html);
        yield return Rejected("deep-nesting", "body-html-divs-20000", Shape.Json,
            Utf8($$"""{"title": "Harbour nested", "body_html": "{{Repeat("<div>", 20_000)}}Deep text"}"""), html);
        yield return Rejected("deep-nesting", "arrays-10000", Shape.Json,
            Utf8($$"""{"title": "Harbour", "tags": {{Repeat("[", 10_000)}}{{Repeat("]", 10_000)}}}"""), "json: the document is not valid JSON");
        yield return Rejected("deep-nesting", "objects-40", Shape.Json,
            Utf8($$"""{"title": "Harbour", "extra": {{Repeat("{\"a\": ", 40)}}1{{Repeat("}", 40)}}}"""), "json: the document is not valid JSON");
        yield return Published("deep-nesting", "markup-as-text-40000", Shape.Txt, Utf8("Harbour text\n\n" + Repeat("<div>", 40_000)));
        yield return Rejected("deep-nesting", "yaml-flow-10000", Shape.Md, Markdown("title: Harbour flow\ntags: " + Repeat("[", 10_000) + Repeat("]", 10_000)), yaml);
        yield return Rejected("deep-nesting", "yaml-unclosed-flow-250000", Shape.Md, Markdown("title: Harbour flow\ntags: " + Repeat("[", 250_000)), yaml);
        yield return Rejected("deep-nesting", "yaml-compact-lists-100000", Shape.Md, Markdown("title: Harbour\ntags:\n  " + Repeat("- ", 100_000) + "x"), yaml);
        yield return Rejected("deep-nesting", "yaml-block-300", Shape.Md,
            Markdown("title: Harbour block\nextra:\n" + string.Concat(Enumerable.Range(1, 300).Select(i => new string(' ', 2 * i) + $"k{i}:\n")) + new string(' ', 602) + "leaf"), yaml);
        yield return Rejected("deep-nesting", "yaml-flow-maps-10000", Shape.Md, Markdown("title: Harbour maps\nextra: " + Repeat("{a: ", 10_000) + "1" + Repeat("}", 10_000)), yaml);
    }

    private static IEnumerable<HostileCase> YamlBombs()
    {
        const string tooMany = "markdown: the front matter has more than 5000 values";
        var laughs = new StringBuilder("title: Harbour laughs\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        foreach (var (name, prev) in "bcdefghi".Zip("abcdefgh"))
            laughs.Append($"{name}: &{name} [{string.Join(',', Enumerable.Repeat("*" + prev, 9))}]\n");
        yield return Rejected("yaml", "billion-laughs", Shape.Md, Markdown(laughs.ToString().TrimEnd()), tooMany);
        yield return Rejected("yaml", "quadratic-aliases", Shape.Md,
            Markdown("title: Harbour\nbase: &b [" + string.Join(',', Enumerable.Repeat("x", 100)) + "]\ntags: [" + string.Join(',', Enumerable.Repeat("*b", 100)) + "]"), tooMany);
        yield return Rejected("yaml", "twelve-thousand-anchors", Shape.Md,
            Markdown("title: Harbour\n" + string.Concat(Enumerable.Range(0, 12_000).Select(i => $"k{i}: &a{i} v\n")).TrimEnd()), tooMany);
        yield return Rejected("yaml", "self-alias", Shape.Md, Markdown("title: Harbour\na: &a [*a, *a]\nb: *a"), "markdown: the front matter is not valid YAML");
        yield return Rejected("yaml", "undefined-alias", Shape.Md, Markdown("title: *nowhere"), "markdown: the front matter is not valid YAML");
        yield return Published("yaml", "merge-keys", Shape.Md, Markdown("base: &b {title: Harbour merged, summary: x}\n<<: *b\ntitle: Harbour own"));
        yield return Published("yaml", "huge-scalar", Shape.Md, Markdown("title: Harbour " + Repeat("storm ", 30_000)));
        yield return Published("yaml", "python-tag", Shape.Md,
            Markdown("title: !!python/object/apply:os.system [\"rm -rf /\"]\nsummary: !!python/name:os.system", "# Harbour heading\n\nBody."));
        yield return Published("yaml", "binary-tag", Shape.Md, Markdown("title: !!binary SGFyYm91cg==\nsummary: Harbour"), null);
        yield return Published("yaml", "custom-tags", Shape.Md, Markdown("title: !<tag:evil.example,2024:x> Harbour tagged\nauthors: !!set {a, b}"));
    }

    private static IEnumerable<HostileCase> FrontMatter()
    {
        const string invalid = "markdown: the front matter is not valid YAML";
        const string notMapping = "markdown: the front matter is not a mapping of fields";
        const string noTitle = "markdown: the document has no title";
        yield return Rejected("front-matter", "never-closed", Shape.Md, Utf8("---\ntitle: Harbour\nsummary: x\n\nBody without an end."),
            "markdown: the front matter starts with '---' but never ends");
        yield return Rejected("front-matter", "tab-indented", Shape.Md, Markdown("title: Harbour\nimages:\n\t- file: x.png"), invalid);
        yield return Rejected("front-matter", "unbalanced-quote", Shape.Md, Markdown("title: \"Harbour\nsummary: x"), invalid);
        yield return Rejected("front-matter", "unclosed-flow", Shape.Md, Markdown("title: [Harbour\nsummary: x"), invalid);
        yield return Rejected("front-matter", "a-list", Shape.Md, Markdown("- title\n- Harbour"), notMapping);
        yield return Rejected("front-matter", "a-scalar", Shape.Md, Markdown("Harbour reopens"), notMapping);
        yield return Rejected("front-matter", "duplicate-keys", Shape.Md, Markdown("title: Harbour one\ntitle: Harbour two"), "markdown: the front matter names 'title' twice");
        yield return Published("front-matter", "empty-uses-heading", Shape.Md, Utf8("---\n---\n# Harbour heading\n\nBody."));
        yield return Published("front-matter", "yaml-end-marker", Shape.Md, Utf8("---\ntitle: Harbour ended\n...\nBody."));
        yield return Published("front-matter", "bom-and-crlf", Shape.Md, Utf8("\uFEFF---\r\ntitle: Harbour crlf\r\n---\r\nBody.\r\n"));
        yield return Rejected("front-matter", "title-mapping", Shape.Md, Markdown("title: {text: Harbour}"), noTitle);
        yield return Rejected("front-matter", "title-list", Shape.Md, Markdown("title: [Harbour, reopens]"), noTitle);
        yield return Rejected("front-matter", "title-blank", Shape.Md, Markdown("title: \"\\x01 \\t \\x1b\""), noTitle);
        yield return Published("front-matter", "title-boolean", Shape.Md, Markdown("title: true"), "true");
        yield return Published("front-matter", "wrong-types", Shape.Md,
            Markdown("title: Harbour typed\nauthors: 42\ntags: {a: b}\nimages: 12\npublished: [1, 2]\nsummary: {x: y}\nlanguage: [en]\ncategories: ~"));
        yield return Published("front-matter", "second-document", Shape.Md, Utf8("---\ntitle: Harbour first\n---\ntitle: second\n---\nBody."));
        // Leading blank lines are trimmed before the front matter is looked for.
        yield return Published("front-matter", "after-blank-lines", Shape.Md, Utf8("\n\n---\ntitle: Harbour\n---\nBody."));
        yield return Published("front-matter", "complex-key", Shape.Md, Markdown("? [a, b]\n: c\ntitle: Harbour complex"));
        yield return Rejected("front-matter", "six-thousand-tags", Shape.Md,
            Markdown("title: Harbour\ntags: [" + string.Join(',', Enumerable.Range(0, 6000)) + "]"), "markdown: the front matter has more than 5000 values");
    }

    private static IEnumerable<HostileCase> JsonTypes()
    {
        const string body = "\"body\": \"The harbour reopened on Tuesday.\"";
        const string noTitle = "json: the document has no title";
        const string notObject = "json: the document is not a JSON object";
        const string invalid = "json: the document is not valid JSON";
        HostileCase Ok(string name, string json, string? title = "Harbour") => Published("json-types", name, Shape.Json, Utf8(json), title);
        HostileCase No(string name, string json, string reason) => Rejected("json-types", name, Shape.Json, Utf8(json), reason);
        yield return Ok("title-number", $"{{\"title\": 42, {body}}}", "42");
        yield return Ok("title-huge-number", $"{{\"title\": 1e400, {body}}}", "1e400");
        yield return No("title-true", $"{{\"title\": true, {body}}}", noTitle);
        yield return No("title-null", $"{{\"title\": null, {body}}}", noTitle);
        yield return No("title-array", $"{{\"title\": [\"Harbour\"], {body}}}", noTitle);
        yield return No("title-object", $"{{\"title\": {{\"text\": \"Harbour\"}}, {body}}}", noTitle);
        yield return No("title-empty", $"{{\"title\": \"\", {body}}}", noTitle);
        yield return No("title-only-controls", $"{{\"title\": \"\\u0001 \\t\\u001b\\u0085\", {body}}}", noTitle);
        yield return Ok("body-object", "{\"title\": \"Harbour\", \"body\": {\"x\": 1}}");
        yield return Ok("body-number", "{\"title\": \"Harbour\", \"body\": 7}");
        yield return Ok("body-html-array", "{\"title\": \"Harbour\", \"body_html\": [\"<p>x</p>\"], \"body_text\": false}");
        yield return Ok("authors-number", $"{{\"title\": \"Harbour\", \"authors\": 42, {body}}}");
        yield return Ok("authors-nested", $"{{\"title\": \"Harbour\", \"authors\": [[[\"deep\"]], {{\"name\": {{\"first\": \"x\"}}}}, null, true, 1.5], {body}}}");
        yield return Ok("author-object-controls", $"{{\"title\": \"Harbour\", \"author\": {{\"name\": \"A\\u0001na\\u0000\"}}, {body}}}");
        yield return Ok("tags-and-categories", $"{{\"title\": \"Harbour\", \"tags\": 12, \"categories\": {{\"a\": \"b\"}}, \"keywords\": \",,, ,\", {body}}}");
        yield return Ok("images-path", $"{{\"title\": \"Harbour\", \"images\": \"../../etc/passwd\", {body}}}");
        yield return Ok("images-garbage", $"{{\"title\": \"Harbour\", \"images\": [null, 1, {{\"file\": {{\"x\": 1}}}}, [[]], \"{new string('x', 1000)}\"], {body}}}");
        yield return Ok("images-thousand", $"{{\"title\": \"Harbour\", \"images\": [{string.Join(',', Enumerable.Range(0, 1000).Select(i => $"{{\"file\": \"p{i}.png\", \"caption\": \"c{i}\"}}"))}], {body}}}");
        yield return Ok("published-number", $"{{\"title\": \"Harbour\", \"published\": 1e20, \"updated\": -5, {body}}}");
        yield return Ok("published-boolean", $"{{\"title\": \"Harbour\", \"published\": true, \"updated\": {{}}, {body}}}");
        yield return No("root-array", "[{\"title\": \"Harbour\"}]", notObject);
        yield return No("root-string", "\"Harbour\"", notObject);
        yield return No("root-number", "42", notObject);
        yield return No("root-null", "null", notObject);
        yield return No("root-true", "true", notObject);
        yield return No("duplicate-keys", $"{{\"title\": \"Harbour one\", \"title\": \"Harbour two\", {body}}}", "json: the document is not valid JSON (Duplicate property 'title'");
        yield return No("nan", "{\"title\": NaN}", invalid);
        yield return No("comments", "{\"title\": \"Harbour\" /* a comment */}", invalid);
        yield return No("single-quotes", "{'title': 'Harbour'}", invalid);
        yield return Ok("trailing-commas", $"{{\"title\": \"Harbour\", {body},}}");
        yield return No("concatenated", "{\"title\": \"Harbour\"}{\"title\": \"Again\"}", invalid);
        yield return Ok("escaped-lone-surrogate", $"{{\"title\": \"Harbour \\ud800 reopens \\udfff\", {body}}}");
        yield return Ok("escaped-nul", $"{{\"title\": \"Harbour\\u0000 reopens\", {body}}}");
        yield return Ok("key-case", $"{{\"TITLE\": \"Harbour\", {body}}}");
        yield return Ok("huge-key", $"{{\"{new string('k', 100_000)}\": 1, \"title\": \"Harbour\", {body}}}");
        yield return Ok("bom", $"\uFEFF{{\"title\": \"Harbour\", {body}}}");
        byte[] Linked(string jsonLd) => Utf8(Articles.Write(Shape.Html, new Fields())
            .Replace("</head>", $"<script type=\"application/ld+json\">{jsonLd}</script></head>"));
        yield return Published("json-types", "json-ld-duplicate-keys", Shape.Html,
            Linked("{\"@type\": \"NewsArticle\", \"headline\": \"Harbour one\", \"headline\": \"Harbour two\"}"));
        yield return Published("json-types", "json-ld-lone-surrogates", Shape.Html,
            Linked("{\"@type\": \"NewsArticle\", \"headline\": \"Harbour \\ud800 reopens\", \"author\": {\"name\": \"\\udfff\"}}"));
    }

    private static IEnumerable<HostileCase> RegexBait()
    {
        yield return Published("regex-bait", "photo-captions", Shape.Txt, Utf8("Harbour captions\n\n" + Repeat("(Photo: a ", 20_000)));
        yield return Published("regex-bait", "credits", Shape.Txt, Utf8("Harbour credits\n\n" + Repeat("photo credit credit ", 10_000)));
        yield return Published("regex-bait", "dates", Shape.Txt, Utf8("Harbour dates\n\n" + Repeat("12 of January, 2 of March 1 ", 8_000)));
        yield return Published("regex-bait", "headings", Shape.Md, Utf8("# Harbour headings\n" + Repeat("# \t# \t\n", 20_000)));
        const string paragraph = "markdown: a paragraph of";
        yield return Rejected("regex-bait", "links", Shape.Md, Markdown("title: Harbour links", Repeat("[a](", 50_000)), paragraph);
        yield return Rejected("regex-bait", "empty-links", Shape.Md, Markdown("title: Harbour links", Repeat("[](", 60_000)), paragraph);
        yield return Rejected("regex-bait", "emphasis", Shape.Md, Markdown("title: Harbour emphasis", Repeat("**_a", 50_000)), paragraph);
        yield return Published("regex-bait", "links-in-short-paragraphs", Shape.Md, Markdown("title: Harbour links", Repeat(Repeat("[a](", 2000) + "\n\n", 25)));
        yield return Published("regex-bait", "meta-charset", Shape.Html,
            Utf8(Repeat("<meta charset=", 1000) + Articles.Write(Shape.Html, new Fields())));
    }
}
