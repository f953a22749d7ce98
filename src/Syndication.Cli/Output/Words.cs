using System.Globalization;

namespace Syndication.Cli.Output;

/// <summary>Counts as a person writes them: "1 document", "2 documents".</summary>
internal static class Words
{
    public static string Count(int count, string one, string? many = null) =>
        $"{count.ToString("N0", CultureInfo.InvariantCulture)} {(count == 1 ? one : many ?? one + "s")}";
}
