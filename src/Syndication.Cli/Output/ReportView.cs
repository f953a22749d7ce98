using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;
using Syndication.Feeds;
using Syndication.Publishing;

namespace Syndication.Cli.Output;

/// <summary>A check report as a person reads it: one block per document, fields on the left, warnings last.</summary>
internal static class ReportView
{
    public static void Write(IAnsiConsole console, ArticleReport report)
    {
        console.Write(new Rule($"[bold]{Markup.Escape(Path.GetFileName(report.Path))}[/]").LeftJustified());
        var grid = new Grid().AddColumn(new GridColumn().NoWrap().PadRight(2)).AddColumn();
        Row(grid, "file", $"{report.Path} ({report.Format ?? "not a document"}, {report.Bytes.ToString("N0", CultureInfo.InvariantCulture)} bytes)");
        if (report.Title is not null)
        {
            Row(grid, "title", report.Title);
            Row(grid, "summary", report.Summary ?? "none");
            Row(grid, "byline", report.Authors.Count == 0 ? "none" : "By " + Names(report.Authors));
            Row(grid, "categories", List(report.Categories));
            Row(grid, "tags", List(report.Tags));
            Row(grid, "language", report.Language ?? "not stated (the site's language)");
            Row(grid, "date", report.Published is { } date ? $"{Utc(date)}, {report.DateNote}" : report.DateNote);
            if (report.DecidedBy.Count > 0) Row(grid, "decided by", string.Join(", ", report.DecidedBy.Values));
            if (report.Embargo is { } embargo) Row(grid, "embargo", $"embargoed until {Utc(embargo)}");
            if (report.Expires is { } expires) Row(grid, "expiry", $"expires {Utc(expires)}");
            Row(grid, "body", $"{Words.Count(report.BodyWords, "word")} in {Words.Count(report.BodyParagraphs, "paragraph")}");
            Row(grid, "images", report.Images.Count == 0 ? "none" : $"{report.Images.Count}");
        }
        console.Write(grid);
        foreach (var (image, i) in report.Images.Select((image, i) => (image, i + 1))) console.Write(Image(image, i));
        foreach (var warning in report.Warnings) console.MarkupLine($"  [yellow]warning[/]  {Markup.Escape(warning)}");
        foreach (var f in report.Platform) Finding(console, f);
        var rejected = report.Images.Where(i => i.Rejection is not null).Select(i => $"{i.File}: {i.Rejection}").ToList();
        if (report.Rejection is { } reason) console.MarkupLine($"  [red bold]would be rejected[/]  {Markup.Escape(reason)}");
        else if (rejected.Count > 0)
            foreach (var r in rejected) console.MarkupLine($"  [red bold]image would be left out and rejected[/]  {Markup.Escape(r)}");
        else console.MarkupLine($"  [green]would be published[/] as {Markup.Escape(report.Slug ?? "")}{(report.Warnings.Count == 0 ? ", no warnings" : "")}");
        console.WriteLine();
    }

    /// <summary>One platform rule an article fails: refuse or downgrade, the rule and why, and the rule's source.</summary>
    public static void Finding(IAnsiConsole console, ProfileFinding f) =>
        console.MarkupLine($"  {(f.Outcome == RuleOutcome.Refused ? "[red bold]platform would refuse[/]" : "[yellow]platform would downgrade[/]")}  "
            + $"{Markup.Escape(f.Rule)}: {Markup.Escape(f.Reason)}\n      [dim]source: {Markup.Escape(f.Source)}[/]");

    private static IRenderable Image(ImageReport image, int number)
    {
        var grid = new Grid().AddColumn(new GridColumn().NoWrap().PadLeft(4).PadRight(2)).AddColumn();
        var what = image.Url is not null ? $"a link to {image.Url} (not uploaded; kept as a link)"
            : image.ContentType is null ? $"{image.Bytes:N0} bytes, not a readable web image"
            : $"{image.ContentType}, {image.Width}x{image.Height} pixels, {image.Bytes.ToString("N0", CultureInfo.InvariantCulture)} bytes";
        Row(grid, $"{number}. {image.File}", what);
        Row(grid, "   caption", image.Caption ?? "none");
        Row(grid, "   credit", image.Credit ?? "none");
        if (image.Alt is not null) Row(grid, "   alt", image.Alt);
        Row(grid, "   pairs with", image.PairsWith);
        return grid;
    }

    private static void Row(Grid grid, string key, string value) =>
        grid.AddRow(new Text($"  {key}", new Style(decoration: Decoration.Dim)), new Text(value));

    private static string Utc(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC";

    private static string List(IReadOnlyList<string> items) => items.Count == 0 ? "none" : string.Join(", ", items);

    private static string Names(IReadOnlyList<string> names) =>
        names.Count == 1 ? names[0] : string.Join(", ", names.Take(names.Count - 1)) + " and " + names[^1];
}
