using System.Text;
using Syndication.Articles;

namespace Syndication.Tests.Articles;

/// <summary>Minimal saved pages for the parser's rule tests: a head and a body around a two-paragraph story.</summary>
internal static class MinimalPages
{
    /// <summary>Two paragraphs of story, long enough for the text extractor to keep.</summary>
    public const string Story =
        "<p>The harbour reopened on Tuesday after three days of repairs to the breakwater, and the first ferries left on time.</p>"
        + "<p>Fishermen said the storm was the worst in forty years, and the port authority promised a review of the sea defences.</p>";

    /// <summary>
    /// The parse of a UTF-8 page with the given head, body and html lang, with the row that decided each field; times
    /// without a zone in the publisher's <paramref name="zone"/> (UTC when null).
    /// </summary>
    public static ExplainedArticle Explain(string head, string body, string lang = "en", TimeZoneInfo? zone = null) =>
        HtmlArticleParser.Explain(Encoding.UTF8.GetBytes($"<!doctype html><html lang={lang}><head><meta charset=utf-8>{head}</head><body>{body}</body></html>"), zone);
}
