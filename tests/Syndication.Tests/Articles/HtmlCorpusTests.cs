using System.Text.Json;
using AngleSharp.Html.Parser;
using Syndication.Articles;
using Xunit.Abstractions;

namespace Syndication.Tests.Articles;

/// <summary>
/// The saved-page corpus (testdata/html, each page's stated facts in expected.json): the share of pages whose
/// every field comes out right, printed so it can be quoted, and held to the aim.
/// </summary>
public sealed class HtmlCorpusTests(ITestOutputHelper output)
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "testdata", "html");

    private sealed record Expected(string Title, string[] Authors, DateTimeOffset? Published, string Summary, string[] Images,
        string? LeadCredit, string? Language, string[] BodyContains, string[] BodyExcludes);

    private sealed class Tally
    {
        private readonly Dictionary<string, (int Right, int Total, List<string> Misses)> fields = [];

        public void Count(string field, string page, bool right, string detail)
        {
            var (r, t, misses) = fields.TryGetValue(field, out var f) ? f : (0, 0, new List<string>());
            if (!right) misses.Add($"{page}: {detail}");
            fields[field] = (r + (right ? 1 : 0), t + 1, misses);
        }

        public double Share(string field) => fields[field].Right / (double)fields[field].Total;

        public IEnumerable<string> Lines() => fields.Select(f =>
            $"{f.Key,-16} {f.Value.Right,2}/{f.Value.Total,-2} {100.0 * f.Value.Right / f.Value.Total,5:0.0}%"
            + string.Concat(f.Value.Misses.Select(m => "\n    miss " + m)));
    }

    [Fact]
    public void TheCorpusHasAtLeastThirtyPagesEachWithExpectedValues()
    {
        var expected = Load();
        var pages = Directory.GetFiles(Folder, "*.html").Select(Path.GetFileName).ToList();
        Assert.True(pages.Count >= 30, $"only {pages.Count} pages");
        Assert.Equal(pages.Order(), expected.Keys.Order());
    }

    [Fact]
    public void EveryStatedTitleAndDateIsRightAndMostAuthorsAndLeadImagesAre()
    {
        var tally = new Tally();
        foreach (var (page, want) in Load())
        {
            var got = HtmlArticleParser.Parse(File.ReadAllBytes(Path.Combine(Folder, page)));
            tally.Count("title", page, got.Title == want.Title, got.Title);
            if (want.Published is { } published) tally.Count("published", page, got.Published == published, $"{got.Published:O}");
            else tally.Count("no date made up", page, got.Published is null, $"{got.Published:O}");
            if (want.Authors.Length > 0) tally.Count("authors", page, got.Authors.SequenceEqual(want.Authors), string.Join(" / ", got.Authors));
            else tally.Count("no author made up", page, got.Authors.Count == 0, string.Join(" / ", got.Authors));
            tally.Count("summary", page, got.Summary?.StartsWith(want.Summary, StringComparison.Ordinal) == true, got.Summary ?? "(none)");
            var files = got.Images.Select(i => i.File).ToList();
            if (want.Images.Length > 0) tally.Count("lead image", page, files.FirstOrDefault() == want.Images[0], string.Join(", ", files));
            tally.Count("all images", page, files.SequenceEqual(want.Images), string.Join(", ", files));
            if (want.LeadCredit is not null) tally.Count("lead credit", page, got.Images.FirstOrDefault()?.Credit == want.LeadCredit, got.Images.FirstOrDefault()?.Credit ?? "(none)");
            tally.Count("language", page, got.Language == want.Language, got.Language ?? "(none)");
            var text = BodyText(got.BodyHtml);
            tally.Count("body has text", page, want.BodyContains.All(s => text.Contains(s, StringComparison.Ordinal)),
                string.Join(" | ", want.BodyContains.Where(s => !text.Contains(s, StringComparison.Ordinal))));
            tally.Count("body no noise", page, !want.BodyExcludes.Any(s => text.Contains(s, StringComparison.Ordinal)),
                string.Join(" | ", want.BodyExcludes.Where(s => text.Contains(s, StringComparison.Ordinal))));
        }
        foreach (var line in tally.Lines()) output.WriteLine(line);

        Assert.Equal(1.0, tally.Share("title"));
        Assert.Equal(1.0, tally.Share("published"));
        Assert.True(tally.Share("authors") >= 0.9, "authors below 90%");
        Assert.True(tally.Share("lead image") >= 0.9, "lead image below 90%");
        Assert.True(tally.Share("no date made up") == 1.0 && tally.Share("no author made up") == 1.0, "a date or author was made up");
    }

    private static string BodyText(string html) =>
        CleanText.Line(new HtmlParser().ParseDocument("<body>" + html + "</body>").Body!.TextContent, int.MaxValue);

    private static Dictionary<string, Expected> Load()
    {
        var options = new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
        return JsonSerializer.Deserialize<Dictionary<string, Expected>>(File.ReadAllText(Path.Combine(Folder, "expected.json")), options)!;
    }
}
