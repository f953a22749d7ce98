using System.Net;
using System.Reflection;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Syndication.Articles;

/// <summary>
/// Text fields (every string and list of strings of <see cref="ArticleFields"/>; image captions, credits and alt text)
/// are plain text, whatever the document wrote in them: the text of <c>&lt;b&gt;x&lt;/b&gt;</c> stays,
/// <c>&lt;script&gt;</c> and <c>&lt;style&gt;</c> go with their content, entities are decoded once. Many readers treat a
/// feed's titles as HTML, so no field keeps a <c>&lt;</c> that starts a tag: markup that decoding revealed
/// ("&amp;lt;script&amp;gt;") is removed as well.
/// </summary>
public static partial class PlainText
{
    private static readonly HtmlParser Parser = new();

    private const string Dropped = "script, style, template, noscript, iframe, object, embed, svg, math, head, title, textarea, select";
    private const string Blocks = "p, div, br, li, ul, ol, h1, h2, h3, h4, h5, h6, tr, td, th, blockquote, section, article, figure, figcaption, hr, dd, dt";

    /// <summary>The plain text of <paramref name="text"/>: markup removed, entities decoded, whitespace folded to single spaces.</summary>
    public static string From(string? text)
    {
        if (string.IsNullOrEmpty(text)) return string.Empty;
        if (text.IndexOfAny(['<', '&']) < 0) return text;
        var plain = text;
        // Each round removes one layer of markup; escaped markup ("&lt;b&gt;") is one more layer.
        for (var round = 0; round < 3 && (round == 0 || TagStart().IsMatch(plain)); round++) plain = Strip(plain);
        return CleanText.Line(TagStart().Replace(plain, ""), int.MaxValue);
    }

    /// <summary>Whether the text holds markup (a tag, also an escaped one) that <see cref="From"/> removes.</summary>
    public static bool HasMarkup(string? text) =>
        !string.IsNullOrEmpty(text) && (TagStart().IsMatch(text) || (text.Contains('&') && TagStart().IsMatch(WebUtility.HtmlDecode(text))));

    /// <summary>
    /// The article with every plain-text field made plain text: each string and list of strings of
    /// <see cref="ArticleFields"/>, and the images' captions, credits and alt text. Rejected when its title was nothing
    /// but markup.
    /// </summary>
    public static ParsedArticle Apply(ParsedArticle article, string component)
    {
        var plain = article with { Images = article.Images.Select(i => i with { Caption = NullIfEmpty(From(i.Caption)), Credit = NullIfEmpty(From(i.Credit)), Alt = NullIfEmpty(From(i.Alt)) }).ToList() };
        // A fresh copy that no one has seen yet, so its fields are set in place.
        foreach (var (field, clean) in TextFields) field.SetValue(plain, clean(field.GetValue(plain)));
        if (plain.Title.Length == 0) throw new ArticleRejectedException($"{component}: the title holds only markup, no text");
        return plain;
    }

    // Every property of ArticleFields that holds text (a string, or a list of strings) and how it is made plain, found
    // once: a field added there is plain text with no change here.
    private static readonly (PropertyInfo Field, Func<object?, object?> Clean)[] TextFields = [.. typeof(ArticleFields).GetProperties()
        .Where(p => p.CanWrite && (p.PropertyType == typeof(string) || p.PropertyType.IsAssignableFrom(typeof(List<string>))))
        .Select(p => (p, Cleaner(p)))];

    // A list of names loses markup, empty names and repeats; a string loses markup, and becomes null where it may be.
    private static Func<object?, object?> Cleaner(PropertyInfo field) =>
        field.PropertyType != typeof(string) ? names => Names(names as IEnumerable<string> ?? [])
        : new NullabilityInfoContext().Create(field).WriteState == NullabilityState.Nullable ? text => NullIfEmpty(From(text as string))
        : text => From(text as string);

    private static string Strip(string html)
    {
        // An unclosed <script> or <textarea> would take the rest of the title with it; only the tag goes.
        foreach (var open in RawTextOpen().Matches(html).Reverse())
            if (html.IndexOf("</" + open.Groups["name"].Value, open.Index, StringComparison.OrdinalIgnoreCase) < 0)
                html = html.Remove(open.Index, open.Length);
        var body = Parser.ParseDocument("<!doctype html><body>" + html).Body!;
        foreach (var e in body.QuerySelectorAll(Dropped).ToList()) e.Remove();
        // Block boundaries are word boundaries: "<p>a</p><p>b</p>" is "a b", "x<b>y</b>" stays "xy".
        foreach (var e in body.QuerySelectorAll(Blocks).ToList()) e.After(body.Owner!.CreateTextNode(" "));
        return body.TextContent;
    }

    private static List<string> Names(IEnumerable<string> names) =>
        names.Select(From).Where(n => n.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    private static string? NullIfEmpty(string? s) => string.IsNullOrEmpty(s) ? null : s;

    [GeneratedRegex(@"<(?<name>script|style|template|noscript|iframe|textarea|title|xmp|noembed|noframes|plaintext)\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex RawTextOpen();

    // The '<' an HTML parser would read as the start of a tag, comment or declaration: one before a letter, '/', '!' or '?'.
    [GeneratedRegex(@"<(?=[A-Za-z/!?])")]
    private static partial Regex TagStart();
}
