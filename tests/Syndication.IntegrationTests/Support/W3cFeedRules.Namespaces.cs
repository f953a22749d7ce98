using System.Xml.Linq;

namespace Syndication.Tests.Support;

// The namespaces the W3C Feed Validation Service knows, and what it says of others in an RSS feed.
public static partial class W3cFeedRules
{
    private static readonly XNamespace Dcterms = "http://purl.org/dc/terms/";

    // feedvalidator's src/feedvalidator/base.py `namespaces` (rubys/feedvalidator 2a8050b): URI and the prefix it expects.
    private static readonly Dictionary<string, string> KnownNamespaces = new(StringComparer.Ordinal)
    {
        ["http://www.w3.org/2005/Atom"] = "atom", ["http://purl.org/rss/1.0/modules/content/"] = "content",
        ["http://purl.org/dc/elements/1.1/"] = "dc", ["http://purl.org/dc/terms/"] = "dcterms", [MediaRss] = "media",
        ["http://www.itunes.com/dtds/podcast-1.0.dtd"] = "itunes", ["http://purl.org/rss/1.0/modules/syndication/"] = "sy",
        ["http://purl.org/rss/1.0/modules/slash/"] = "slash", ["http://wellformedweb.org/CommentAPI/"] = "wfw",
        ["http://www.georss.org/georss"] = "georss", ["http://purl.org/syndication/thread/1.0"] = "thr",
        ["http://purl.org/syndication/history/1.0"] = "fh", ["http://www.w3.org/1999/xhtml"] = "xhtml",
        ["http://www.w3.org/1999/02/22-rdf-syntax-ns#"] = "rdf", ["http://a9.com/-/spec/opensearch/1.1/"] = "opensearch",
        ["http://www.w3.org/XML/1998/namespace"] = "xml",
    };

    /// <summary>
    /// Every namespace declared: one the service does not know is its UnknownNamespace warning (it then accepts that
    /// namespace's elements unchecked); a known one under another prefix is NonstdPrefix. dcterms dates are W3C-DTF.
    /// </summary>
    private static void Namespaces(List<string> problems, XDocument doc)
    {
        foreach (var ns in doc.Descendants().Attributes().Where(a => a.IsNamespaceDeclaration && a.Name.Namespace == XNamespace.Xmlns))
        {
            if (!KnownNamespaces.TryGetValue(ns.Value, out var prefix)) problems.Add($"UnknownNamespace: {ns.Name.LocalName}='{ns.Value}'");
            else Check(problems, prefix == ns.Name.LocalName, $"NonstdPrefix: '{ns.Name.LocalName}' for {ns.Value} (the service expects '{prefix}')");
        }
        foreach (var date in doc.Descendants().Where(e => e.Name.Namespace == Dcterms && e.Name.LocalName is "modified" or "created" or "issued"))
            Rfc3339(problems, date.Value, "dcterms:" + date.Name.LocalName);
    }
}
