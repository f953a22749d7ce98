using System.IO.Compression;
using System.Text;

namespace Syndication.Tests.Hostile;

// Documents broken at the byte level: empty, blank, binary, truncated, enormous, invalid UTF-8, UTF-16 and UTF-32.
public static partial class HostileCorpus
{
    private const string BinaryReason = "document: the blob holds binary data, not text";

    private static IEnumerable<HostileCase> Empty() =>
        Shapes.All.Select(s => Rejected("empty", "zero-bytes", s, [], "document: the blob is empty"));

    private static IEnumerable<HostileCase> Blank()
    {
        (string Name, byte[] Bytes)[] blanks = [("spaces", "  \n\t \r\n  "u8.ToArray()), ("utf8-bom", [0xEF, 0xBB, 0xBF]), ("utf16-bom", [0xFF, 0xFE])];
        foreach (var shape in Shapes.All)
        foreach (var (name, bytes) in blanks)
            yield return Rejected("blank", name, shape, bytes, NothingReason(shape));
    }

    private static IEnumerable<HostileCase> Binary()
    {
        var random = new byte[4096];
        new Random(20240501).NextBytes(random);
        using var gzip = new MemoryStream();
        using (var z = new GZipStream(gzip, CompressionLevel.Optimal, leaveOpen: true))
            z.Write(Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("Harbour reopens. ", 200))));
        (string Name, byte[] Bytes)[] seeds =
        [
            ("png", ImageBytes.Png(4, 4)),
            ("gzip", gzip.ToArray()),
            ("elf", [0x7F, (byte)'E', (byte)'L', (byte)'F', 2, 1, 1, 0, .. new byte[56], .. random[..512]]),
            ("random", random),
            ("pdf", [.. "%PDF-1.7\n%\u00E2\u00E3\n1 0 obj\n<< /Length 12 >>\nstream\n"u8, 0, 0, 1, 2, 0xFF, 0, .. "\nendstream\nendobj\n%%EOF\n"u8]),
        ];
        foreach (var shape in Shapes.All)
        foreach (var (name, bytes) in seeds)
            yield return Rejected("binary", name, shape, bytes, BinaryReason);
    }

    private static IEnumerable<HostileCase> Truncated()
    {
        var euro = new Fields { Body = [.. Fields.DefaultBody, "Tickets cost 12 €"] };
        byte[] CutMidCharacter(Shape shape)
        {
            var text = Articles.Write(shape, euro);
            var end = text.LastIndexOf('€');
            return Encoding.UTF8.GetBytes(text[..(end + 1)])[..^1];
        }
        byte[] Until(Shape shape, string marker)
        {
            var text = Articles.Write(shape, new Fields());
            return Encoding.UTF8.GetBytes(text[..text.IndexOf(marker, StringComparison.Ordinal)]);
        }
        var txt = Articles.Utf8(Shape.Txt, new Fields());
        var json = Articles.Utf8(Shape.Json, new Fields());
        yield return Published("truncated", "at-40-percent", Shape.Txt, txt[..(txt.Length * 2 / 5)]);
        yield return Published("truncated", "mid-character", Shape.Txt, CutMidCharacter(Shape.Txt));
        yield return Rejected("truncated", "in-front-matter", Shape.Md, Until(Shape.Md, "tags:"),
            "markdown: the front matter starts with '---' but never ends");
        yield return Published("truncated", "mid-character", Shape.Md, CutMidCharacter(Shape.Md));
        yield return Rejected("truncated", "at-40-percent", Shape.Json, json[..(json.Length * 2 / 5)], "json: the document is not valid JSON");
        yield return Rejected("truncated", "last-byte", Shape.Json, json[..^1], "json: the document is not valid JSON");
        yield return Published("truncated", "in-title", Shape.Html, Until(Shape.Html, " after the storm</title>"));
        yield return Published("truncated", "mid-character", Shape.Html, CutMidCharacter(Shape.Html));
    }

    private static IEnumerable<HostileCase> Enormous()
    {
        foreach (var shape in Shapes.All)
        {
            var paragraphs = (MaxDocumentBytes - 8192) / 260;
            var big = new Fields { Body = Enumerable.Range(0, paragraphs).Select(i => $"Paragraph {i}. " + Fields.DefaultBody[i % 3]).ToList() };
            var under = Articles.Utf8(shape, big);
            if (under.Length >= MaxDocumentBytes) throw new InvalidOperationException($"{shape} just under the cap is {under.Length} bytes");
            yield return Published("enormous", "just-under-cap", shape, under) with { ContentContains = $"Paragraph {paragraphs - 1}." };
            var over = new byte[MaxDocumentBytes + 1];
            Array.Fill(over, (byte)' ');
            under.CopyTo(over, 0);
            yield return Rejected("enormous", "one-byte-over-cap", shape, over,
                $"document: {MaxDocumentBytes + 1} bytes is over the {MaxDocumentBytes}-byte limit");
        }
    }

    private static IEnumerable<HostileCase> InvalidUtf8()
    {
        (string Name, byte[] Bytes)[] lies =
        [
            ("stray-bytes", [0xFF, 0x80, 0xBF, 0xFE]),
            ("overlong-and-surrogates", [0xC0, 0x80, 0xE0, 0x80, 0x80, 0xED, 0xA0, 0x80, 0xF8, 0x88, 0x80, 0x80, 0x80]),
            ("cut-sequences", [0xE2, 0x82, (byte)'x', 0xF0, 0x9F, 0x8E]),
        ];
        foreach (var shape in Shapes.All)
        foreach (var (name, bytes) in lies)
            yield return Published("invalid-utf8", name, shape, Splice(shape, new Fields { Title = "Harbour \uE000 reopens" }, bytes), "reopens");
        // Undeclared, invalid as UTF-8: read as windows-1252, whose unassigned bytes must not become control characters.
        var page = Articles.Write(Shape.Html, new Fields { Title = "Harbour \uE000 reopens" }).Replace("<meta charset=\"utf-8\">", "");
        yield return Published("invalid-utf8", "undeclared-windows-1252", Shape.Html, Splice(page, [0x81, 0x8D, 0x8F, 0x90, 0x9D, 0xE9]), "reopens");
    }

    // The document with every U+E000 replaced by the given bytes.
    private static byte[] Splice(Shape shape, Fields fields, byte[] bytes) => Splice(Articles.Write(shape, fields), bytes);

    private static byte[] Splice(string text, byte[] bytes)
    {
        var parts = text.Split('\uE000').Select(Encoding.UTF8.GetBytes);
        return parts.Aggregate((a, b) => [.. a, .. bytes, .. b]);
    }

    private static IEnumerable<HostileCase> Utf16()
    {
        const string title = "Harbour reopens: ünïcödé ✓ 🎉 שלום";
        var fields = new Fields { Title = title };
        (string Name, Func<string, byte[]> Encode)[] encodings =
        [
            ("utf16le-bom", s => [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(s)]),
            ("utf16be-bom", s => [0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes(s)]),
            ("utf16le-no-bom", Encoding.Unicode.GetBytes),
            ("utf16be-no-bom", Encoding.BigEndianUnicode.GetBytes),
            ("utf32le-bom", s => [0xFF, 0xFE, 0, 0, .. Encoding.UTF32.GetBytes(s)]),
        ];
        foreach (var shape in Shapes.All)
        foreach (var (name, encode) in encodings)
            yield return Published("utf16", name, shape, encode(Articles.Write(shape, fields)), title);
        yield return Published("utf16", "utf32be-bom", Shape.Txt, [0, 0, 0xFE, 0xFF, .. new UTF32Encoding(true, false).GetBytes(Articles.Write(Shape.Txt, fields))], title);
        var odd = Encoding.Unicode.GetBytes(Articles.Write(Shape.Md, fields));
        yield return Published("utf16", "utf16le-odd-length", Shape.Md, [0xFF, 0xFE, .. odd[..^1]], title);
        var lone = Encoding.Unicode.GetBytes(Articles.Write(Shape.Txt, new Fields { Title = "Harbour \uE000 reopens" }));
        var at = lone.AsSpan().IndexOf(Encoding.Unicode.GetBytes("\uE000"));
        lone[at] = 0x00;
        lone[at + 1] = 0xD8;
        yield return Published("utf16", "utf16le-lone-surrogate", Shape.Txt, [0xFF, 0xFE, .. lone], "reopens");
    }
}
