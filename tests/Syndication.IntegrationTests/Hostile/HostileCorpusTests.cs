using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Syndication.Articles;
using Syndication.Http;
using Syndication.Tests.Support;
using Xunit.Abstractions;

namespace Syndication.Tests.Hostile;

/// <summary>
/// Issue 8: every case of the hostile corpus ends as a sanitized item, a rejection a person can read, or nothing; nothing
/// crashes or hangs; the publisher's blobs are untouched; every feed stays valid for independent parsers.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed partial class HostileCorpusTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private static readonly string[] Outcomes = ["sanitized", "rejected", "ignored", "refused by storage", "crashed"];

    [Fact]
    public void TheCorpusHasTwoHundredCasesCoveringEveryKindOfBadInputInEveryShape()
    {
        var cases = HostileCorpus.Cases;
        Assert.True(cases.Count >= 200, $"{cases.Count} cases");
        string[] categories =
        [
            "empty", "blank", "binary", "truncated", "enormous", "invalid-utf8", "utf16", "control-chars", "long-title", "deep-nesting",
            "yaml", "front-matter", "json-types", "image-lies", "image-truncated", "image-huge", "image-mislabelled", "blob-names",
        ];
        Assert.Empty(categories.Except(cases.Select(c => c.Category)));
        foreach (var category in new[] { "empty", "binary", "enormous", "invalid-utf8", "utf16", "control-chars", "long-title", "markup" })
            Assert.Empty(Shapes.All.Select(s => "." + s.Ext()).Except(cases.Where(c => c.Category == category).SelectMany(c => c.Blobs).Select(b => Path.GetExtension(b.Name))));
        Assert.Equal(cases.Count, cases.Select(c => c.ToString()).Distinct().Count());
    }

    [NeedsValidatorsFact]
    public async Task EveryHostileCaseIsSanitizedRejectedOrIgnoredWithoutCrashesAndEveryFeedStaysValid()
    {
        await using var site = new TestSite(azurite, new Dictionary<string, string?>
        {
            ["Syndication:MaxDocumentBytes"] = HostileCorpus.MaxDocumentBytes.ToString(CultureInfo.InvariantCulture),
            ["Syndication:MaxImageBytes"] = HostileCorpus.MaxImageBytes.ToString(CultureInfo.InvariantCulture),
        });
        var run = new CorpusRun(site, azurite.ConnectionString);
        var problems = new List<string>();

        var outcomes = new Dictionary<CaseRun, string>();
        try
        {
            await IngestAndCheckAsync(site, run, outcomes, problems);
        }
        finally
        {
            Report(run, outcomes, problems);
        }
        Assert.Empty(problems);
        await RetryAfterFixingAsync(site);
    }

    private static async Task IngestAndCheckAsync(TestSite site, CorpusRun run, Dictionary<CaseRun, string> outcomes, List<string> problems)
    {
        await run.UploadAsync(HostileCorpus.Cases);
        if (await run.ReconcileAsync() is { } reconcileProblem) problems.Add(reconcileProblem);
        await run.IngestEachAsync();
        var rejections = await run.RejectionsAsync();
        var clock = Stopwatch.StartNew();
        var pages = new Dictionary<string, List<(string Url, TestResponse Response)>>();
        foreach (var file in new[] { "all.rss", "all.atom", "all.json" })
        {
            pages[file] = await CorpusFeeds.PagesAsync(site, file);
            foreach (var (url, page) in pages[file]) problems.AddRange(await CorpusFeeds.ProblemsAsync(file, url, page));
        }
        run.Phases["feeds"] = clock.Elapsed;
        var items = CorpusFeeds.JsonItems(pages["all.json"]).ToDictionary(i => CorpusFeeds.Text(i, "url")!.Split('/')[^1], StringComparer.Ordinal);

        foreach (var caseRun in run.Cases)
        {
            outcomes[caseRun] = Outcome(caseRun, rejections, items);
            problems.AddRange(CaseProblems(caseRun, outcomes[caseRun], rejections, items).Select(p => $"{caseRun.Case}: {p}"));
        }
        var published = run.Cases.Where(r => outcomes[r] == "sanitized" || (outcomes[r] == "rejected" && IsImage(r.Case.RejectedBlob)))
            .Select(r => ExpectedSlug(r)!).ToHashSet(StringComparer.Ordinal);
        problems.AddRange(items.Keys.Except(published).Select(slug => $"'{slug}' is in the feed but no case publishes it"));
        foreach (var file in pages.Keys)
        {
            var count = pages[file].Sum(p => p.Response.Status == 200 ? ItemCount(file, p.Response.Body) : 0);
            if (count != published.Count) problems.Add($"{file} lists {count} items over {pages[file].Count} pages, not {published.Count}");
        }
        var expectedRejections = run.Cases.Where(r => outcomes[r] == "rejected").SelectMany(r => r.Stored.Values).ToHashSet(StringComparer.Ordinal);
        problems.AddRange(rejections.Where(r => !r.Value.Reason.StartsWith(global::Syndication.Ingestion.ArticleIngestor.WithoutRenditions, StringComparison.Ordinal))
            .Select(r => r.Key).Except(expectedRejections).Select(b => $"rejection for '{HostileCorpus.Printable(b)}' belongs to no rejected case"));
        problems.AddRange(await run.IntegrityProblemsAsync());
        var again = await site.Ingestor.ReconcileAsync();
        if (again.Ingested + again.Rejected + again.Deleted + again.Failed > 0) problems.Add($"a second reconciliation did work again: {again}");
    }

    // A person fixes a rejected document, uploads it again and asks for a retry: it is published and the rejection goes.
    private static async Task RetryAfterFixingAsync(TestSite site)
    {
        const string blob = "json-types-root-array-json.json";
        Assert.Contains(blob, (await site.Rejections.RejectionsAsync()).Select(r => r.BlobName));
        await site.UploadTextAsync(blob, """{"title": "Harbour fixed by hand", "body": "Fixed."}""");

        var reply = await TestSite.ExecuteAsync(r => site.Get<ManageHandlers>().RetryAsync(r), "POST", "/api/manage/rejections/retry", "?blob=" + blob);

        Assert.Equal(200, reply.Status);
        Assert.Equal("Published", JsonDocument.Parse(reply.Body).RootElement.GetProperty("result").GetString());
        Assert.DoesNotContain(blob, (await site.Rejections.RejectionsAsync()).Select(r => r.BlobName));
        var feed = await AllSamples.FeedAsync(site, "all.json", "?limit=200");
        Assert.Contains("Harbour fixed by hand", CorpusFeeds.JsonItems([("", feed)]).Select(i => CorpusFeeds.Text(i, "title")));
    }

    private static string Outcome(CaseRun run, Dictionary<string, ListedRejection> rejections, Dictionary<string, JsonElement> items)
    {
        if (run.Refused is not null) return "refused by storage";
        if (run.Crashed is not null) return "crashed";
        // An image published without renditions (SkiaSharp could not decode it, or it is over the decoding limit: the
        // truncated JPEG, the 100 MP PNG) is listed as a warning; its article and image are published, so that is no rejection.
        if (run.Stored.Values.Any(b => rejections.TryGetValue(b, out var r) && !r.Reason.StartsWith(global::Syndication.Ingestion.ArticleIngestor.WithoutRenditions, StringComparison.Ordinal)))
            return "rejected";
        return ExpectedSlug(run) is { } slug && items.ContainsKey(slug) ? "sanitized" : "ignored";
    }

    // The slug the case's document is stored under (storage may have renamed the blob).
    private static string? ExpectedSlug(CaseRun run) =>
        run.Stored.Values.Select(ArticleBlobName.Parse).FirstOrDefault(n => n?.Role == BlobRole.Document)?.Slug;

    private static Expected ExpectedOf(CaseRun run)
    {
        var renamed = run.Stored.Any(s => s.Key != s.Value);
        if (!renamed) return run.Case.Expected;
        return ExpectedSlug(run) is null ? Expected.Ignored : Expected.Sanitized;
    }

    private static IEnumerable<string> CaseProblems(CaseRun run, string outcome, Dictionary<string, ListedRejection> rejections,
        Dictionary<string, JsonElement> items)
    {
        var hostile = run.Case;
        if (run.Crashed is not null)
        {
            yield return "crashed: " + run.Crashed;
            yield break;
        }
        if (run.Refused is not null)
        {
            if (hostile.Category != "blob-names" || hostile.Expected != Expected.Ignored) yield return "storage refused it: " + run.Refused;
            yield break;
        }
        var expected = ExpectedOf(run);
        if (!outcome.Equals(expected.ToString(), StringComparison.OrdinalIgnoreCase))
        {
            var said = run.Stored.Values.Select(b => rejections.GetValueOrDefault(b)?.Reason).FirstOrDefault(r => r is not null);
            yield return $"expected {expected.ToString().ToLowerInvariant()}, was {outcome}{(said is null ? "" : $" ({said})")}";
            yield break;
        }
        if (expected == Expected.Rejected)
        {
            if (hostile.RejectedBlob is null || !rejections.TryGetValue(hostile.RejectedBlob, out var rejection))
            {
                yield return $"no rejection for '{hostile.RejectedBlob}'";
                yield break;
            }
            if (!rejection.Reason.StartsWith(hostile.Reason!, StringComparison.Ordinal))
                yield return $"reason '{rejection.Reason}' does not start with '{hostile.Reason}'";
            if (!Readable(rejection.Reason)) yield return $"reason is not a readable sentence: '{rejection.Reason}'";
            if (rejection.Attempts < 2) yield return $"{rejection.Attempts} attempt(s) recorded after two ingestions";
            if (rejection.LastSeen < rejection.FirstSeen || rejection.FirstSeen < DateTimeOffset.UtcNow.AddHours(-1)) yield return "implausible times";
            if (!IsImage(hostile.RejectedBlob)) yield break;
        }
        if (expected == Expected.Ignored) yield break;
        if (!items.TryGetValue(ExpectedSlug(run)!, out var item))
        {
            yield return "not in the feed";
            yield break;
        }
        foreach (var p in CorpusFeeds.ItemProblems(item)) yield return p;
        if (hostile.TitleContains is { } title && !(CorpusFeeds.Text(item, "title") ?? "").Contains(title, StringComparison.Ordinal))
            yield return $"title '{CorpusFeeds.Text(item, "title")}' lacks '{title}'";
        if (hostile.ContentContains is { } text && !(CorpusFeeds.Text(item, "content_html") ?? "").Contains(text, StringComparison.Ordinal))
            yield return $"content lacks '{text}'";
        var types = item.TryGetProperty("attachments", out var a) ? a.EnumerateArray().Select(x => CorpusFeeds.Text(x, "mime_type")).ToList() : [];
        if (hostile.ImageTypes is { } expectedTypes && !types.SequenceEqual(expectedTypes))
            yield return $"images are [{string.Join(", ", types)}], not [{string.Join(", ", expectedTypes)}]";
    }

    private static bool IsImage(string? blob) => blob is not null && ArticleBlobName.Parse(blob)?.Role == BlobRole.Image;

    // "component: a sentence": a known prefix, words, no control characters, no exception names or stack frames, not a wall of text.
    private static bool Readable(string reason) =>
        ReasonPattern().IsMatch(reason) && reason.Length <= 600 && !reason.Any(char.IsControl) && !MachineText().IsMatch(reason);

    [GeneratedRegex(@"^(document|text|markdown|json|html|image|ingest): \S+( \S+){2,}")]
    private static partial Regex ReasonPattern();

    [GeneratedRegex(@"Exception\b|\bat [\w.`]+\(|LineNumber:|Path: \$")]
    private static partial Regex MachineText();

    private static int ItemCount(string file, byte[] body) => file.EndsWith(".json", StringComparison.Ordinal)
        ? JsonDocument.Parse(body).RootElement.GetProperty("items").GetArrayLength()
        : FeedParsers.Document(body).Descendants().Count(e => e.Name.LocalName is "item" or "entry");

    private void Report(CorpusRun run, Dictionary<CaseRun, string> outcomes, List<string> problems)
    {
        var table = new StringBuilder();
        table.AppendLine($"{"category",-18} {"cases",5} " + string.Join(' ', Outcomes.Select(o => $"{o,9}")));
        var done = run.Cases.Where(outcomes.ContainsKey).ToList();
        foreach (var (category, rows) in done.GroupBy(r => r.Case.Category).Select(g => (g.Key, g.ToList())).Append(("total", done)))
            table.AppendLine($"{category,-18} {rows.Count,5} " + string.Join(' ', Outcomes.Select(o => $"{rows.Count(r => outcomes[r] == o),9}")));
        output.WriteLine(table.ToString());
        foreach (var (phase, elapsed) in run.Phases) output.WriteLine($"{phase}: {elapsed.TotalSeconds:F1} s");
        output.WriteLine("slowest cases: " + string.Join(", ", run.Cases.OrderByDescending(r => r.Elapsed).Take(8)
            .Select(r => $"{r.Case} {r.Elapsed.TotalMilliseconds:F0} ms")));
        foreach (var r in run.Cases.Where(r => r.Refused is not null)) output.WriteLine($"refused by storage: {r.Case}: {r.Refused}");
        foreach (var r in run.Cases.Where(r => r.Stored.Any(s => s.Key != s.Value)))
            output.WriteLine($"renamed by storage: {string.Join(", ", r.Stored.Where(s => s.Key != s.Value).Select(s => $"'{HostileCorpus.Printable(s.Key)}' -> '{HostileCorpus.Printable(s.Value)}'"))}");
        foreach (var p in problems) output.WriteLine("PROBLEM " + p[..Math.Min(p.Length, 1500)]);
    }
}
