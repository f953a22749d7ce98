namespace Syndication.Tests.Hostile;

// Long inputs (issue 22): documents under the default 5 MB cap, shaped so that a pattern or parser that is not linear
// in its input spends minutes on them. The corpus site's 256 KB cap would refuse most of them unread, so they run on
// a site with the default cap (LongInputTests).
public static partial class HostileCorpus
{
    /// <summary>The long-input cases; each must settle within <see cref="LongInputLimit"/>.</summary>
    public static IReadOnlyList<HostileCase> LongInputs { get; } = [.. Long()];

    /// <summary>How long one long input may take to parse, or to ingest, before it counts as a hang.</summary>
    public static readonly TimeSpan LongInputLimit = TimeSpan.FromSeconds(10);

    private static IEnumerable<HostileCase> Long()
    {
        const string paragraph = "markdown: a paragraph of";
        byte[] Page(string inner) => Utf8(Articles.Write(Shape.Html, new Fields()).Replace("</article>", inner + "</article>"));
        var line = Repeat("The harbour reopened on Tuesday morning after three days of gales, and ", 14_000);
        yield return Published("long", "heading-of-spaces", Shape.Md, Utf8("# Harbour " + new string(' ', 200_000) + "x\n\nBody."), "Harbour");
        yield return Published("long", "unclosed-a-300000", Shape.Html, Page(Repeat("<a", 300_000)));
        yield return Published("long", "unclosed-a-attributes-300000", Shape.Html, Page(Repeat("<a ", 300_000)));
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
