using System.Text;

namespace Syndication.Tests.Hostile;

// Blob names that are not articles (path traversal, nested paths, odd Unicode, controls, reserved device names,
// very long names), each holding a good document or image. Storage may refuse or rename some of them.
public static partial class HostileCorpus
{
    private static IEnumerable<HostileCase> BlobNames()
    {
        string[] ignored =
        [
            "../escape.md", "../../etc/passwd.md", "a/b/c.md", "..\\backslash.md", "names-a\\b.md", "trailing-dot.md.", ".md", ".hidden.md",
            "double..md", "café.md", "ｆｕｌｌｗｉｄｔｈ.md", "rtl\u202Egpj.md", "nul\u0000byte.md", "control\u0001.md", "tab\tname.md",
            "new\nline.md", "space name.md", "zero\u200Bwidth.md", "🎉party.md", "lone\uD800surrogate.md", "noncharacter\uFFFE.md",
            "delete\u007F.md", "next-line\u0085.md", new string('a', 129) + ".md", new string('c', 1100) + ".md", "exe.md.exe",
            "noextension", "script.js", "-dash.md", "_underscore.md", "%2e%2e%2fencoded.md", "query.md?x=1", "fragment.md#x", "c:colon.md",
            "orphan/photo.png", "names-img/../../etc/passwd.jpg", "names-img/./dot.png",
        ];
        foreach (var name in ignored) yield return Named(name, Expected.Ignored);

        // Storage may rename these to names that are articles; the test then expects what the stored name is.
        foreach (var name in new[] { "./dot-segment.md", "names-dir/../traversed.md", "/leading-slash.md", "trailing-slash.md/" })
            yield return Named(name, Expected.Ignored);

        string[] articles = [new string('b', 128) + ".md", "CON.md", "aux.json", "LPT1.txt", "nul.html", "upper-extension.MD", "x.markdown", "y.htm"];
        foreach (var name in articles) yield return Named(name, Expected.Sanitized) with { Slug = name[..name.LastIndexOf('.')], TitleContains = "Harbour" };

        // A good document beside an image whose name is not one of ours: the article is published without it.
        string[] images = [".hidden.png", "sub/dir.png", "a b.png", "ünï.png", "photo.png.exe", "x\u202Egnp.png", "photo.svg", "-dash.png"];
        for (var i = 0; i < images.Length; i++)
        {
            var slug = $"names-image-{i}";
            yield return new HostileCase("blob-names", $"{slug}/{Printable(images[i])}", Expected.Sanitized,
                [new($"{slug}.md", Articles.Utf8(Shape.Md, new Fields())), new($"{slug}/{images[i]}", ImageBytes.Png(8, 8))])
            {
                Slug = slug,
                TitleContains = "Harbour",
                ImageTypes = [],
            };
        }
    }

    private static HostileCase Named(string name, Expected expected) =>
        new("blob-names", Printable(name), expected, [new(name, ContentFor(name))]);

    // What a blob of that name would hold if it were an article: a good document of its shape, or a good image.
    private static byte[] ContentFor(string name)
    {
        var ext = Path.GetExtension(name).TrimStart('.').ToLowerInvariant();
        return ext switch
        {
            "md" or "markdown" => Articles.Utf8(Shape.Md, new Fields()),
            "json" => Articles.Utf8(Shape.Json, new Fields()),
            "txt" => Articles.Utf8(Shape.Txt, new Fields()),
            "html" or "htm" => Articles.Utf8(Shape.Html, new Fields()),
            "png" or "jpg" => ImageBytes.Png(8, 8),
            _ => Articles.Utf8(Shape.Md, new Fields()),
        };
    }

    /// <summary>A blob name as a person can read it in a table: controls and invisible characters as \uXXXX, long names cut.</summary>
    public static string Printable(string name)
    {
        var sb = new StringBuilder();
        foreach (var c in name)
            sb.Append(char.IsControl(c) || char.IsSurrogate(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format || c > '\uFFFD'
                ? $"\\u{(int)c:X4}" : c.ToString());
        var text = sb.ToString();
        return text.Length > 60 ? $"{text[..40]}…({name.Length} chars)" : text;
    }
}
