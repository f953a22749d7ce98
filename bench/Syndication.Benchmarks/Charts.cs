using System.Globalization;
using ScottPlot;

namespace Syndication.Benchmarks;

/// <summary>
/// <c>chart FILE.tsv…</c>: draws each figures file as a grouped bar chart, FILE.svg beside it (ScottPlot). A figures
/// file is what a bench script wrote after its run (or what docs/benchmarks.md's table says): "# title: …",
/// "# unit: …", "# note: …" and optionally "# goal: N" (a dashed line) lines, then one "group TAB series TAB value" line
/// per bar.
/// </summary>
public static class Charts
{
    private static readonly Color[] Palette = [new("#1f6feb"), new("#8b949e"), new("#d29922"), new("#2da44e")];

    public static int Run(string[] files)
    {
        if (files.Length == 0)
        {
            Console.Error.WriteLine("usage: Syndication.Benchmarks chart FILE.tsv...");
            return 2;
        }
        foreach (var file in files)
        {
            var svg = Path.ChangeExtension(file, ".svg");
            Draw(Figures.Read(file)).SaveSvg(svg, 900, 440);
            Console.WriteLine($"chart: {svg}");
        }
        return 0;
    }

    private static Plot Draw(Figures figures)
    {
        var plot = new Plot();
        plot.Font.Set("DejaVu Sans");
        plot.Title(figures.Title, 15);
        plot.Axes.Left.Label.Text = figures.Unit;
        var series = figures.Rows.Select(r => r.Series).Distinct().ToList();
        var groups = figures.Rows.Select(r => r.Group).Distinct().ToList();
        var bars = new List<Bar>();
        foreach (var row in figures.Rows)
        {
            var (g, s) = (groups.IndexOf(row.Group), series.IndexOf(row.Series));
            bars.Add(new Bar
            {
                Position = g * (series.Count + 1) + s,
                Value = row.Value,
                FillColor = Palette[s % Palette.Length],
                Label = row.Value.ToString(row.Value >= 1000 ? "N0" : "0.###", CultureInfo.InvariantCulture),
            });
        }
        var plotted = plot.Add.Bars(bars);
        plotted.ValueLabelStyle.FontSize = 11;
        plot.Axes.Bottom.SetTicks(
            groups.Select((_, g) => g * (series.Count + 1) + (series.Count - 1) / 2.0).ToArray(),
            groups.Select(g => groups.Count > 4 ? g.Replace(", ", "\n") : g).ToArray());
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        plot.Grid.XAxisStyle.IsVisible = false;
        plot.Axes.Margins(bottom: 0, top: 0.15);
        plot.Legend.ManualItems.AddRange(series.Select((s, i) => new LegendItem { LabelText = s, FillColor = Palette[i % Palette.Length] }));
        plot.Legend.Alignment = Alignment.UpperLeft;
        if (figures.Goal is { } goal)
        {
            var line = plot.Add.HorizontalLine(goal, 1.5f, new Color("#cf222e"), LinePattern.Dashed);
            line.Text = $"goal {goal.ToString("N0", CultureInfo.InvariantCulture)}";
            line.LabelOppositeAxis = true;
        }
        if (figures.Note is { } note) (plot.Axes.Bottom.Label.Text, plot.Axes.Bottom.Label.FontSize, plot.Axes.Bottom.Label.Bold) = (note, 11, false);
        return plot;
    }

    private sealed record Row(string Group, string Series, double Value);

    private sealed record Figures(string Title, string Unit, string? Note, double? Goal, IReadOnlyList<Row> Rows)
    {
        public static Figures Read(string file)
        {
            var lines = File.ReadAllLines(file);
            string? Header(string name) => lines.Where(l => l.StartsWith($"# {name}:")).Select(l => l[(name.Length + 3)..].Trim()).FirstOrDefault();
            var rows = lines.Where(l => l.Length > 0 && !l.StartsWith('#')).Select(l => l.Split('\t'))
                .Select(c => new Row(c[0], c[1], double.Parse(c[2], CultureInfo.InvariantCulture))).ToList();
            var goal = Header("goal") is { } g ? double.Parse(g, CultureInfo.InvariantCulture) : (double?)null;
            return new Figures(Header("title") ?? Path.GetFileNameWithoutExtension(file), Header("unit") ?? "", Header("note"), goal, rows);
        }
    }
}
