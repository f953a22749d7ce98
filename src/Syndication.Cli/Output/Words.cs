using System.Globalization;

namespace Syndication.Cli.Output;

/// <summary>Counts as a person writes them: "1 document", "2 documents".</summary>
internal static class Words
{
    public static string Count(int count, string noun) =>
        $"{count.ToString("N0", CultureInfo.InvariantCulture)} {(count == 1 ? noun : noun + "s")}";
}
