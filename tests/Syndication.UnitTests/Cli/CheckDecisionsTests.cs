using System.Text;
using Syndication.Ingestion;
using Syndication.Publishing;

namespace Syndication.Tests.Cli;

/// <summary>What <c>syndication check</c> reports of a saved page: the precedence rows behind its headline, byline and date.</summary>
public sealed class CheckDecisionsTests
{
    [Fact]
    public void ACheckedPageNamesTheRowsThatDecidedItsHeadlineBylineAndDate()
    {
        var folder = Directory.CreateTempSubdirectory("syndication-check-").FullName;
        var path = Path.Combine(folder, "harbour.html");
        File.WriteAllText(path, """
            <!doctype html><html lang=en><head><meta charset=utf-8><title>Harbour reopens | Harbour Times</title>
            <meta property="article:published_time" content="2024-03-05T08:30:00Z"></head>
            <body><article><h1>Harbour reopens</h1><p class=byline>By Ben Okafor</p>
            <p>The harbour reopened on Tuesday after three days of repairs to the breakwater, and the first ferries left on time.</p>
            </article></body></html>
            """, Encoding.UTF8);

        var report = ArticleCheck.Check(path, new IngestionOptions(), DateTimeOffset.Parse("2025-01-01T00:00:00Z"));

        Assert.Equal("byline.visible", report.DecidedBy["byline"]);
        Assert.Equal("published.meta", report.DecidedBy["published"]);
        Assert.StartsWith("headline.", report.DecidedBy["headline"]);
    }

    [Fact]
    public void TheCheckBlockPrintsTheRowsUnderTheDate()
    {
        var report = new ArticleReport
        {
            Path = "harbour.html", Title = "Harbour reopens", Published = DateTimeOffset.Parse("2024-03-05T08:30:00Z"), DateNote = "stated by the page",
            DecidedBy = new Dictionary<string, string> { ["headline"] = "headline.jsonld", ["byline"] = "byline.visible", ["published"] = "published.meta" },
        };
        var text = new StringWriter();
        var console = Spectre.Console.AnsiConsole.Create(new Spectre.Console.AnsiConsoleSettings
        {
            Out = new Spectre.Console.AnsiConsoleOutput(text), Ansi = Spectre.Console.AnsiSupport.No,
            ColorSystem = Spectre.Console.ColorSystemSupport.NoColors,
        });
        console.Profile.Width = 200;
        Syndication.Cli.Output.ReportView.Write(console, report);
        var plain = System.Text.RegularExpressions.Regex.Replace(text.ToString(), @"\x1b\[[0-9;]*m", "");
        Assert.Matches(@"decided by +headline\.jsonld, byline\.visible, published\.meta", plain);
    }

    [Fact]
    public void OtherDocumentShapesHaveNoRows()
    {
        var folder = Directory.CreateTempSubdirectory("syndication-check-").FullName;
        var path = Path.Combine(folder, "note.md");
        File.WriteAllText(path, "---\ntitle: Note\n---\nBody.");
        Assert.Empty(ArticleCheck.Check(path, new IngestionOptions(), DateTimeOffset.UtcNow).DecidedBy);
    }
}
