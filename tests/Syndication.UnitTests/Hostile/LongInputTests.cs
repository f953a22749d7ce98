using System.Diagnostics;
using System.Reflection;
using System.Text.RegularExpressions;
using Syndication.Articles;
using Xunit.Abstractions;

namespace Syndication.Tests.Hostile;

/// <summary>Issue 22: long inputs settle (parsed, or rejected with a reason) within seconds, and no pattern runs unbounded.</summary>
public sealed partial class LongInputTests(ITestOutputHelper output)
{
    public static TheoryData<string> Cases() => [.. HostileCorpus.LongInputs.Select(c => c.ToString())];

    [Theory]
    [MemberData(nameof(Cases))]
    public void ALongInputIsParsedOrRejectedWithinSeconds(string name)
    {
        var hostile = HostileCorpus.LongInputs.Single(c => c.ToString() == name);
        var blob = hostile.Blobs.Single();
        var format = DocumentFormat.FromExtension(Path.GetExtension(blob.Name).TrimStart('.'))!;
        var clock = Stopwatch.StartNew();
        string outcome;
        try
        {
            var parsed = DocumentParser.Parse(format, blob.Content);
            outcome = "parsed: " + parsed.Title[..Math.Min(40, parsed.Title.Length)];
            Assert.Equal(Expected.Sanitized, hostile.Expected);
            Assert.Contains(hostile.TitleContains ?? "", parsed.Title, StringComparison.Ordinal);
        }
        catch (ArticleRejectedException e)
        {
            outcome = "rejected: " + e.Message;
            Assert.True(hostile.Expected == Expected.Rejected, e.Message);
            Assert.StartsWith(hostile.Reason!, e.Message, StringComparison.Ordinal);
        }
        output.WriteLine($"{name}: {blob.Content.Length:N0} bytes, {clock.ElapsedMilliseconds} ms, {outcome}");
        Assert.True(clock.Elapsed < HostileCorpus.PerCaseLimit, $"{clock.ElapsedMilliseconds} ms");
    }

    [Fact]
    public void EveryPatternInTheLibraryGivesUpAfterTheMatchTimeout()
    {
        var patterns = typeof(DocumentParser).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public | BindingFlags.DeclaredOnly))
            .Where(m => m.ReturnType == typeof(Regex) && m.GetParameters().Length == 0 && m.GetCustomAttribute<GeneratedRegexAttribute>() is not null)
            .Select(m => (Name: $"{m.DeclaringType!.Name}.{m.Name}", Regex: (Regex)m.Invoke(null, null)!)).ToList();

        Assert.True(patterns.Count >= 50, $"{patterns.Count} patterns");
        Assert.All(patterns, p => Assert.True(p.Regex.MatchTimeout == RegexTimeout.Limit, $"{p.Name}: {p.Regex.MatchTimeout}"));
    }

    [Fact]
    public void ACatastrophicPatternThrowsOnceTheLibraryIsLoaded()
    {
        Assert.Equal(RegexTimeout.Limit, AppContext.GetData("REGEX_DEFAULT_MATCH_TIMEOUT"));
        var clock = Stopwatch.StartNew();

        Assert.Throws<RegexMatchTimeoutException>(() => Catastrophic().IsMatch(new string('a', 64) + "!"));
        Assert.InRange(clock.Elapsed, RegexTimeout.Limit / 2, RegexTimeout.Limit * 10);
    }

    [Fact]
    public void APatternThatRunsOutOfTimeIsARejectionNamingTheShape()
    {
        var timeout = new RegexMatchTimeoutException("x", "(a+)+$", RegexTimeout.Limit);

        var rejection = DocumentParser.TookTooLong("markdown", timeout);

        Assert.Equal("markdown: the document took too long to read: a text pattern ran for over 2000 ms on it", rejection.Message);
    }

    // Exponential backtracking; a generated pattern without a timeout of its own takes the process default.
    [GeneratedRegex("^(a+)+$")]
    private static partial Regex Catastrophic();
}
