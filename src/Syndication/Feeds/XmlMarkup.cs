using System.Buffers;
using System.Text;

namespace Syndication.Feeds;

/// <summary>
/// The UTF-8 XML writer of the RSS and Atom writers. It writes what <see cref="System.Xml.XmlWriter"/> writes with one-space
/// indentation (the same escaping, the same line breaks), but it can start at any depth under namespaces declared
/// elsewhere, so an item written alone has exactly the bytes it has inside its feed. Characters XML cannot hold
/// (control characters, lone surrogates, U+FFFE/U+FFFF) are left out rather than failing the render.
/// </summary>
internal sealed class XmlMarkup(IBufferWriter<byte> output, int depth = 0)
{
    private enum Content : byte { None, Text, Elements }

    // Text stops at markup, line breaks and characters that are not plain XML; attributes also at quotes and tabs.
    private static readonly SearchValues<char> TextStops = SearchValues.Create(Stops(attribute: false));
    private static readonly SearchValues<char> AttributeStops = SearchValues.Create(Stops(attribute: true));

    private readonly Stack<(string Name, Content Content)> open = new();
    private readonly int baseDepth = depth;
    private bool tagOpen;
    // Nothing written yet at the start of a document: its first element needs no line break. A fragment always does.
    private bool empty = depth == 0;

    /// <summary>The XML declaration every feed starts with.</summary>
    public void Declaration() => Raw("<?xml version=\"1.0\" encoding=\"utf-8\"?>"u8);

    /// <summary>A processing instruction on a line of its own (the feed's stylesheet).</summary>
    public void Instruction(string name, string value)
    {
        CloseTag();
        if (!empty) Raw("\n"u8);
        Raw("<?"u8);
        Plain(name);
        Raw(" "u8);
        Plain(value);
        Raw("?>"u8);
    }

    /// <summary>Opens an element (a qualified name such as "media:content"), on a new line at its depth.</summary>
    public void Start(string name)
    {
        CloseTag();
        MarkParent(Content.Elements);
        if (!empty) Indent(baseDepth + open.Count);
        Raw("<"u8);
        Plain(name);
        open.Push((name, Content.None));
        tagOpen = true;
    }

    /// <summary>An attribute of the element just opened.</summary>
    public void Attribute(string name, string value)
    {
        Raw(" "u8);
        Plain(name);
        Raw("=\""u8);
        Escape(value, AttributeStops, attribute: true);
        Raw("\""u8);
    }

    /// <summary>Text inside the current element.</summary>
    public void Text(string text)
    {
        CloseTag();
        MarkParent(Content.Text);
        Escape(text, TextStops, attribute: false);
    }

    /// <summary>Closes the current element: "&lt;x /&gt;" when it has no content.</summary>
    public void End()
    {
        var (name, content) = open.Pop();
        if (tagOpen)
        {
            tagOpen = false;
            Raw(" />"u8);
            return;
        }
        if (content == Content.Elements) Indent(baseDepth + open.Count);
        Raw("</"u8);
        Plain(name);
        Raw(">"u8);
    }

    /// <summary>Closes the current element with an end tag even when it has no content.</summary>
    public void FullEnd()
    {
        CloseTag();
        End();
    }

    /// <summary>An element holding only text; an empty text gives an empty element.</summary>
    public void Element(string name, string text)
    {
        Start(name);
        if (text.Length > 0) Text(text);
        End();
    }

    /// <summary>Already-written elements (items rendered at this depth), as children of the current element.</summary>
    public void Elements(IReadOnlyList<ReadOnlyMemory<byte>> written)
    {
        if (written.Count == 0) return;
        CloseTag();
        MarkParent(Content.Elements);
        foreach (var bytes in written) Raw(bytes.Span);
    }

    private void CloseTag()
    {
        if (!tagOpen) return;
        tagOpen = false;
        Raw(">"u8);
    }

    private void MarkParent(Content content)
    {
        if (open.Count == 0) return;
        var (name, current) = open.Pop();
        open.Push((name, current == Content.None ? content : current));
    }

    private void Indent(int level)
    {
        var span = output.GetSpan(level + 1);
        span[0] = (byte)'\n';
        span.Slice(1, level).Fill((byte)' ');
        output.Advance(level + 1);
    }

    private void Raw(ReadOnlySpan<byte> bytes)
    {
        output.Write(bytes);
        empty = false;
    }

    // Names and instruction values we write ourselves: no escaping needed.
    private void Plain(ReadOnlySpan<char> text)
    {
        var span = output.GetSpan(Encoding.UTF8.GetMaxByteCount(text.Length));
        output.Advance(Encoding.UTF8.GetBytes(text, span));
        empty = false;
    }

    private void Escape(ReadOnlySpan<char> text, SearchValues<char> stops, bool attribute)
    {
        while (text.Length > 0)
        {
            var i = text.IndexOfAny(stops);
            if (i < 0)
            {
                Plain(text);
                return;
            }
            if (i > 0) Plain(text[..i]);
            var c = text[i];
            var next = i + 1;
            switch (c)
            {
                case '&': Raw("&amp;"u8); break;
                case '<': Raw("&lt;"u8); break;
                case '>': Raw("&gt;"u8); break;
                case '"': Raw("&quot;"u8); break;
                case '\t': Raw("&#x9;"u8); break;
                case '\n': Raw(attribute ? "&#xA;"u8 : "\n"u8); break;
                case '\r':
                    // XmlWriter's NewLineHandling.Replace: one line break for "\r\n" or "\r" in text, each entitized in attributes.
                    if (attribute) Raw("&#xD;"u8);
                    else
                    {
                        Raw("\n"u8);
                        if (next < text.Length && text[next] == '\n') next++;
                    }
                    break;
                default:
                    if (char.IsHighSurrogate(c) && next < text.Length && char.IsLowSurrogate(text[next]))
                    {
                        Plain(text.Slice(i, 2));
                        next++;
                    }
                    break; // not an XML character: left out
            }
            text = text[next..];
        }
    }

    private static string Stops(bool attribute)
    {
        var stops = new StringBuilder("&<>\r\n\uFFFE\uFFFF");
        if (attribute) stops.Append("\"\t");
        for (var c = '\0'; c < ' '; c++)
            if (c is not ('\t' or '\n' or '\r')) stops.Append(c);
        for (var c = '\uD800'; c <= '\uDFFF'; c++) stops.Append(c);
        return stops.ToString();
    }
}
