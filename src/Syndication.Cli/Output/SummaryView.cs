using Spectre.Console;
using Syndication.Ingestion;
using Syndication.Publishing;

namespace Syndication.Cli.Output;

/// <summary>The end of a publish run: how many were published, updated, unchanged and rejected, and each reason.</summary>
internal static class SummaryView
{
    public static readonly IngestResult[] Results = [IngestResult.Published, IngestResult.Updated, IngestResult.Unchanged, IngestResult.Rejected];

    public static void Write(IAnsiConsole console, PublishSummary summary, TimeSpan elapsed)
    {
        var counts = new Table().Border(TableBorder.Rounded).AddColumn("result").AddColumn(new TableColumn("documents").RightAligned());
        foreach (var result in Results) counts.AddRow(Name(result), summary.Count(result).ToString("N0"));
        var other = summary.Documents.Count(d => !Results.Contains(d.Result));
        if (other > 0) counts.AddRow("other", other.ToString("N0"));
        console.Write(counts);
        var rejections = summary.Documents.Where(d => d.Result == IngestResult.Rejected).Select(d => (d.Path, d.Reason ?? ""))
            .Concat(summary.ImageRejections.Select(r => ($"image {r.BlobName}", r.Reason))).ToList();
        if (rejections.Count > 0)
        {
            var table = new Table().Border(TableBorder.Rounded).Title("rejected").AddColumn("what").AddColumn("reason");
            foreach (var (what, reason) in rejections) table.AddRow(new Text(what), new Text(reason));
            console.Write(table);
        }
        console.WriteLine($"{Words.Count(summary.Documents.Count, "document")} in {elapsed.TotalSeconds:0.0} s: "
            + string.Join(", ", Results.Select(r => $"{summary.Count(r):N0} {Name(r)}"))
            + (summary.ImageRejections.Count > 0 ? $"; {Words.Count(summary.ImageRejections.Count, "image")} rejected" : ""));
    }

    public static string Name(IngestResult result) => result.ToString().ToLowerInvariant();
}
