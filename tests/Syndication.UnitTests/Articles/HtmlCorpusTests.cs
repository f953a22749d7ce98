using System.Text.Json;
using AngleSharp.Html.Parser;
using Syndication.Articles;
using Xunit.Abstractions;

namespace Syndication.Tests.Articles;

/// <summary>
/// The saved-page corpus (testdata/html, each page's stated facts in expected.json): the share of pages whose
/// headline, byline and stated date come out right, printed with every miss so it can be quoted, and held to the
/// goals; for the pages described in full (a summary given), their other fields too.
/// </summary>
public sealed class HtmlCorpusTests(ITestOutputHelper output)
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "testdata", "html");

    // Published null: the page states no date. Authors empty: it names no writer. Summary null: only the three facts
    // are described, the other fields are not checked.
    private sealed record Expected(string Title, string[] Authors, DateTimeOffset? Published, string? Summary, string[]? Images,
        string? LeadCredit, string? Language, string[]? BodyContains, string[]? BodyExcludes);

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
    public void TheCorpusHasAtLeastSixtyPagesEachWithExpectedValues()
    {
        var expected = Load();
        var pages = Directory.GetFiles(Folder, "*.html").Select(Path.GetFileName).ToList();
        Assert.True(pages.Count >= 60, $"only {pages.Count} pages");
        Assert.Equal(pages.Order(), expected.Keys.Order());
    }

    [Fact]
    public void HeadlinesBylinesAndStatedDatesMeetTheGoals()
    {
        var tally = new Tally();
        foreach (var (page, want) in Load())
        {
            var got = HtmlArticleParser.Parse(File.ReadAllBytes(Path.Combine(Folder, page)));
            tally.Count("headline", page, got.Title == want.Title, $"\"{got.Title}\", want \"{want.Title}\"");
            tally.Count("byline", page, got.Authors.SequenceEqual(want.Authors),
                $"[{string.Join(" / ", got.Authors)}], want [{string.Join(" / ", want.Authors)}]");
            tally.Count("stated date", page, got.Published == want.Published,
                $"{got.Published?.ToString("O") ?? "none"}, want {want.Published?.ToString("O") ?? "none"}");
        }
        foreach (var line in tally.Lines()) output.WriteLine(line);

        Assert.True(tally.Share("headline") >= 0.95, "headlines below 95%");
        Assert.True(tally.Share("byline") >= 0.90, "bylines below 90%");
        Assert.True(tally.Share("stated date") >= 0.95, "stated dates below 95%");
    }

    [Fact]
    public void TheFullyDescribedPagesKeepTheirSummaryImagesLanguageAndBody()
    {
        var tally = new Tally();
        foreach (var (page, want) in Load().Where(p => p.Value.Summary is not null))
        {
            var got = HtmlArticleParser.Parse(File.ReadAllBytes(Path.Combine(Folder, page)));
            tally.Count("summary", page, got.Summary?.StartsWith(want.Summary!, StringComparison.Ordinal) == true, got.Summary ?? "(none)");
            var files = got.Images.Select(i => i.File).ToList();
            var images = want.Images ?? [];
            if (images.Length > 0) tally.Count("lead image", page, files.FirstOrDefault() == images[0], string.Join(", ", files));
            tally.Count("all images", page, files.SequenceEqual(images), string.Join(", ", files));
            if (want.LeadCredit is not null) tally.Count("lead credit", page, got.Images.FirstOrDefault()?.Credit == want.LeadCredit, got.Images.FirstOrDefault()?.Credit ?? "(none)");
            tally.Count("language", page, got.Language == want.Language, got.Language ?? "(none)");
            var text = BodyText(got.BodyHtml);
            var contains = want.BodyContains ?? [];
            var excludes = want.BodyExcludes ?? [];
            tally.Count("body has text", page, contains.All(s => text.Contains(s, StringComparison.Ordinal)),
                string.Join(" | ", contains.Where(s => !text.Contains(s, StringComparison.Ordinal))));
            tally.Count("body no noise", page, !excludes.Any(s => text.Contains(s, StringComparison.Ordinal)),
                string.Join(" | ", excludes.Where(s => text.Contains(s, StringComparison.Ordinal))));
        }
        foreach (var line in tally.Lines()) output.WriteLine(line);

        Assert.True(tally.Share("lead image") >= 0.9, "lead image below 90%");
        Assert.Equal(1.0, tally.Share("summary"));
        Assert.Equal(1.0, tally.Share("language"));
    }

    private static string BodyText(string html) =>
        CleanText.Line(new HtmlParser().ParseDocument("<body>" + html + "</body>").Body!.TextContent, int.MaxValue);

    private static Dictionary<string, Expected> Load()
    {
        var options = new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
        return JsonSerializer.Deserialize<Dictionary<string, Expected>>(File.ReadAllText(Path.Combine(Folder, "expected.json")), options)!;
    }
}
