namespace Syndication.Tests.Hostile;

// Long inputs (issue 22): documents under the default 5 MB cap, shaped so that a pattern or parser that is not linear
// in its input spends minutes on them. The corpus site's 256 KB cap would refuse most of them unread, so they run on
// a site with the default cap (LongInputTests).
public static partial class HostileCorpus
{
    /// <summary>The long-input cases; each must settle within the harness's hang limit, <see cref="PerCaseLimit"/>.</summary>
    public static IReadOnlyList<HostileCase> LongInputs { get; } = [.. Long()];

    private static IEnumerable<HostileCase> Long()
    {
        const string paragraph = "markdown: a paragraph of";
        byte[] Page(string inner) => Utf8(Articles.Write(Shape.Html, new Fields()).Replace("</article>", inner + "</article>"));
        var line = Repeat("The harbour reopened on Tuesday morning after three days of gales, and ", 14_000);
        yield return Published("long", "heading-of-spaces", Shape.Md, Utf8("# Harbour " + new string(' ', 200_000) + "x\n\nBody."), "Harbour");
        yield return Published("long", "unclosed-a-300000", Shape.Html, Page(Repeat("<a", 300_000)));
        yield return Published("long", "unclosed-a-attributes-300000", Shape.Html, Page(Repeat("<a ", 300_000)));
        yield return Published("long", "unclosed-a-at-the-end-300000", Shape.Html,
            Utf8("<html><head><title>Harbour</title></head><body><article><h1>Harbour</h1><p>Body.</p>" + Repeat("<a", 300_000)));
        yield return Published("long", "unclosed-a-300000", Shape.Json, Utf8($$"""{"title": "Harbour tags", "body_html": "<p>Body.</p>{{Repeat("<a", 300_000)}}"}"""));
        const string elements = "html: more than 20000 elements";
        yield return Rejected("long", "unclosed-a-blocks-300000", Shape.Md, Markdown("title: Harbour tags", Repeat("<a\n\n", 300_000)),
            "markdown: more than 50000 paragraphs, headings and list items");
        yield return Rejected("long", "paragraphs-40000", Shape.Md, Markdown("title: Harbour tags", Repeat("a\n\n", 40_000)), elements);
        yield return Rejected("long", "paragraphs-300000", Shape.Json, Utf8($$"""{"title": "Harbour paragraphs", "body_html": "{{Repeat("<p>a</p>", 300_000)}}"}"""), elements);
        yield return Published("long", "paragraphs-300000", Shape.Txt, Utf8("Harbour paragraphs\n\n" + Repeat("a\n\n", 300_000)));
        yield return Rejected("long", "one-line-paragraph-1mb", Shape.Md, Markdown("title: Harbour", line), paragraph);
        yield return Published("long", "one-line-paragraph-1mb", Shape.Txt, Utf8("Harbour line\n\n" + line));
        yield return Published("long", "one-line-paragraph-1mb", Shape.Html, Page("<p>" + line + "</p>"));
        yield return Published("long", "one-line-paragraph-1mb", Shape.Json, Utf8($$"""{"title": "Harbour line", "body_text": "{{line}}"}"""));
        yield return Rejected("long", "nested-lists-10000", Shape.Md, Markdown("title: Harbour lists", Repeat("- ", 10_000) + "x"), "markdown:");
        yield return Rejected("long", "indented-lists-2000", Shape.Md,
            Markdown("title: Harbour lists", string.Concat(Enumerable.Range(0, 2000).Select(i => new string(' ', 2 * i) + "- x\n"))), "markdown:");
        yield return Published("long", "front-matter-5mb-scalar", Shape.Md, Markdown("title: Harbour\nsummary: " + Repeat("storm ", 830_000)));
        yield return Published("long", "front-matter-5mb-comments", Shape.Md, Markdown("title: Harbour\n" + Repeat("# a comment line of the front matter\n", 135_000)));
        yield return Rejected("long", "front-matter-5mb-keys", Shape.Md,
            Markdown("title: Harbour\n" + string.Concat(Enumerable.Range(0, 300_000).Select(i => $"k{i}: v\n"))), "markdown: the front matter has more than 5000 values");
        yield return Published("long", "heading-spaces-in-title-field", Shape.Md, Markdown("title: Harbour " + new string(' ', 200_000) + "x"));
        yield return Published("long", "json-backslashes-1mb", Shape.Json, Utf8($$"""{"title": "Harbour slashes", "body_text": "{{Repeat(@"\\", 500_000)}}"}"""));
        yield return Published("long", "caption-spaces-1mb", Shape.Txt, Utf8("Harbour credits\n\n" + "photo " + new string(' ', 1_000_000) + "x"));
    }
}
