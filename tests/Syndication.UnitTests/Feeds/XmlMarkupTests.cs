using System.Buffers;
using System.Text;
using System.Xml;
using Syndication.Feeds;

namespace Syndication.Tests.Feeds;

/// <summary>Our XML writer writes what System.Xml's XmlWriter writes (escaping, line breaks, indentation), and never fails on text.</summary>
public sealed class XmlMarkupTests
{
    public static TheoryData<string> Texts => new()
    {
        "plain", "", "a & b < c > d", "\"quoted\" and 'single'", "tab\there", "line\nbreak", "crlf\r\nbreak", "lone\rcr",
        "]]> and <![CDATA[", "é ü 中文 😀", "&amp; already", "<script>alert(1)</script>", " leading and trailing ",
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void TextAndAttributesAreEscapedAsXmlWriterEscapesThem(string text)
    {
        var expected = new StringBuilder();
        using (var w = XmlWriter.Create(expected, new XmlWriterSettings { Indent = true, IndentChars = " ", OmitXmlDeclaration = true }))
        {
            w.WriteStartElement("root");
            w.WriteStartElement("item");
            w.WriteAttributeString("title", text);
            w.WriteElementString("text", text);
            w.WriteStartElement("full");
            w.WriteString(text);
            w.WriteFullEndElement();
            w.WriteEndElement();
            w.WriteStartElement("empty");
            w.WriteEndElement();
            w.WriteEndElement();
        }

        var buffer = new ArrayBufferWriter<byte>();
        var x = new XmlMarkup(buffer);
        x.Start("root");
        x.Start("item");
        x.Attribute("title", text);
        x.Element("text", text);
        x.Start("full");
        x.Text(text);
        x.FullEnd();
        x.End();
        x.Start("empty");
        x.End();
        x.End();

        Assert.Equal(expected.ToString().ReplaceLineEndings("\n"), Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    [Fact]
    public void CharactersXmlCannotHoldAreLeftOutInsteadOfFailingTheFeed()
    {
        var buffer = new ArrayBufferWriter<byte>();
        var x = new XmlMarkup(buffer);
        x.Start("t");
        x.Attribute("a", "x\u0001y\uFFFE");
        x.Text("bell\u0007 lone\uD800 surrogate \uDC00end");
        x.End();
        var written = Encoding.UTF8.GetString(buffer.WrittenSpan);
        Assert.Equal("<t a=\"xy\">bell lone surrogate end</t>", written);
        Assert.NotNull(System.Xml.Linq.XDocument.Parse(written));
    }
}
