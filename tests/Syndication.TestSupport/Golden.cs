namespace Syndication.Tests.Support;

/// <summary>
/// Output compared with a committed golden file, so a change in what we publish shows as a diff in review. With
/// SYNDICATION_UPDATE_GOLDEN=1 the test rewrites the file instead of failing: review its diff, then commit it.
/// </summary>
public static class Golden
{
    public const string UpdateVariable = "SYNDICATION_UPDATE_GOLDEN";

    /// <summary>
    /// Asserts that <paramref name="actual"/> is the text of the golden file at <paramref name="path"/> (in the source
    /// tree, not the build output), naming the first line that differs; <paramref name="filter"/> is the test filter
    /// that rewrites it.
    /// </summary>
    public static void Matches(string path, string actual, string filter)
    {
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1") File.WriteAllText(path, actual);
        Assert.True(File.Exists(path), $"{path} is missing: run with {UpdateVariable}=1 to write it");
        var expected = File.ReadAllText(path);
        var line = FirstDifferentLine(expected, actual);
        Assert.True(line is null, $"{Path.GetFileName(path)} differs from {path} at line {line}:\n  golden: {Line(expected, line)}\n  actual: {Line(actual, line)}\n" +
            $"If the change is intended: {UpdateVariable}=1 dotnet test --filter {filter}, and review the diff.");
    }

    private static int? FirstDifferentLine(string a, string b)
    {
        var (x, y) = (a.Split('\n'), b.Split('\n'));
        for (var i = 0; i < Math.Max(x.Length, y.Length); i++)
            if (i >= x.Length || i >= y.Length || x[i] != y[i]) return i + 1;
        return null;
    }

    private static string Line(string text, int? line) => text.Split('\n').ElementAtOrDefault((line ?? 1) - 1) is { } l ? (l.Length > 300 ? l[..300] + "…" : l) : "(end of file)";
}
