using System.Text;
using Syndication.Articles;

namespace Syndication.Tests.Articles;

/// <summary>Text cut at any position never splits a surrogate pair (emoji, flags, CJK beyond the BMP).</summary>
public sealed class TruncationTests
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static TheoryData<string> Texts => new()
    {
        "🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉",
        "Harbour festival 🎉 opens 🇺🇦 with 👩‍👩‍👧 families 🎆🎆🎆🎆",
        "東京都庁舎で会議が開かれた。𠀋𡈽𡌛𠮷野家の新店舗",
        "a𠮷b𠮷c𠮷d𠮷e𠮷f𠮷 𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷",
        "\U0001F600",
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void CuttingAtEveryPositionLeavesNoLoneSurrogate(string text)
    {
        for (var max = 0; max <= text.Length + 1; max++)
        {
            var head = CleanText.Cut(text, max);
            Assert.StartsWith(head, text, StringComparison.Ordinal);
            Assert.InRange(head.Length, Math.Max(0, Math.Min(max, text.Length) - 1), max);
            AssertWellFormed(head, $"Cut at {max}");

            var tail = CleanText.CutStart(text, max);
            Assert.EndsWith(tail, text, StringComparison.Ordinal);
            Assert.InRange(tail.Length, Math.Max(0, Math.Min(max, text.Length) - 1), max);
            AssertWellFormed(tail, $"CutStart at {max}");
        }
    }

    [Theory]
    [MemberData(nameof(Texts))]
    public void ALineCutAtEveryLengthLeavesNoLoneSurrogate(string text)
    {
        foreach (var repeated in new[] { text, string.Concat(Enumerable.Repeat(text, 8)) })
        {
            for (var max = 2; max <= repeated.Length + 1; max++)
            {
                var line = CleanText.Line(repeated, max);
                Assert.True(line.Length <= max, $"Line at {max}: {line.Length} characters");
                AssertWellFormed(line, $"Line at {max}");
                Assert.DoesNotContain('\uFFFD', line);
            }
        }
    }

    private static void AssertWellFormed(string text, string what)
    {
        var bytes = Strict.GetBytes(text); // throws on a lone surrogate
        Assert.True(System.Xml.XmlConvert.VerifyXmlChars(text) == text, what);
        Assert.Equal(text, Strict.GetString(bytes));
    }
}
