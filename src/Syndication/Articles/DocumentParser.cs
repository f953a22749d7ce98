using System.Text.RegularExpressions;

namespace Syndication.Articles;

/// <summary>Parses any document we accept: one table of shapes (<see cref="DocumentFormat.All"/>), each returning the same <see cref="ParsedArticle"/>.</summary>
public static class DocumentParser
{
    /// <summary>Largest document we parse unless configured otherwise; larger ones are rejected with that reason.</summary>
    public const int MaxDocumentBytes = 5 * 1024 * 1024;

    /// <summary>
    /// The article in <paramref name="content"/>, or an <see cref="ArticleRejectedException"/> saying why there is none;
    /// times stated without a zone are read in the publisher's <paramref name="zone"/> (UTC when null).
    /// </summary>
    public static ParsedArticle Parse(DocumentFormat format, ReadOnlySpan<byte> content, int maxBytes = MaxDocumentBytes, TimeZoneInfo? zone = null)
    {
        if (content.Length == 0) throw new ArticleRejectedException("document: the blob is empty");
        if (content.Length > maxBytes) throw new ArticleRejectedException(OverLimit(content.Length, maxBytes));
        if (content.IndexOf((byte)0) >= 0 && !LooksLikeUtf16(content))
            throw new ArticleRejectedException("document: the blob holds binary data, not text");
        var component = format.Label.ToLowerInvariant();
        try
        {
            // Every shape's text fields leave here as plain text, whatever markup the document wrote in them.
            return PlainText.Apply(format.Read(content, zone ?? TimeZoneInfo.Utc), component);
        }
        catch (RegexMatchTimeoutException e)
        {
            throw TookTooLong(component, e);
        }
    }

    /// <summary>The rejection for a document on which a pattern ran out of time (<see cref="RegexTimeout"/>): it would every time.</summary>
    public static ArticleRejectedException TookTooLong(string component, RegexMatchTimeoutException e) =>
        new($"{component}: the document took too long to read: a text pattern ran for over {e.MatchTimeout.TotalMilliseconds:0} ms on it", e);

    /// <summary>The reason given for a document over the size limit.</summary>
    public static string OverLimit(long length, int maxBytes) => $"document: {length} bytes is over the {maxBytes}-byte limit";

    private static bool LooksLikeUtf16(ReadOnlySpan<byte> content) =>
        content.StartsWith(new byte[] { 0xFF, 0xFE }) || content.StartsWith(new byte[] { 0xFE, 0xFF })
        || CleanText.Decode(content[..Math.Min(content.Length, 512)]).IndexOf('\0') < 0;
}
