using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using AngleSharp.Html.Parser;

namespace Syndication.Tests.Support;

/// <summary>
/// The W3C Feed Validation Service's checks that apply to what we write, as rules over the parsed XML. Each problem
/// is reported as "Code: detail" with the validator's message name (IncorrectDOW, SelfDoesntMatchLocation, ...),
/// whether the service counts it an error or a warning: our feeds must have neither.
/// </summary>
public static partial class W3cFeedRules
{
    public const string MediaRss = "http://search.yahoo.com/mrss/";
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace Content = "http://purl.org/rss/1.0/modules/content/";
    private static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";
    private static readonly XNamespace Media = MediaRss;

    // The link relations the validator knows (IANA registry as it lists it); any other must be an absolute IRI.
    private static readonly HashSet<string> Relations =
    [
        "alternate", "current", "describedby", "edit", "edit-media", "enclosure", "first", "hub", "last", "license",
        "next", "next-archive", "payment", "prev-archive", "previous", "related", "replies", "search", "self", "service", "up", "via",
    ];

    // HTML the validator reports as a security risk in content (elements, and any on* or style attribute).
    private static readonly HashSet<string> RiskyElements =
        ["script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "meta", "link", "base"];

    /// <summary>RSS 2.0 with our extensions (atom:link, content:encoded, dc:creator, Media RSS).</summary>
    public static List<string> Rss(XDocument doc, string requestedUrl)
    {
        var problems = new List<string>();
        var rss = doc.Root!;
        Check(problems, rss.Name == "rss" && (string?)rss.Attribute("version") == "2.0", "InvalidRSSVersion: root is not <rss version=\"2.0\">");
        var channel = rss.Element("channel");
        if (channel is null) return [.. problems, "MissingElement: channel"];
        foreach (var name in new[] { "title", "link", "description" })
            Check(problems, channel.Elements(name).Count() == 1 && channel.Element(name)!.Value.Trim().Length > 0, $"MissingElement: channel/{name}");
        Check(problems, AbsoluteHttp((string?)channel.Element("link")), "InvalidFullLink: channel/link");
        if (channel.Element("language") is { } language) Language(problems, language.Value, "channel/language");
        foreach (var date in channel.Elements("lastBuildDate").Concat(channel.Elements("pubDate"))) Rfc822(problems, date.Value, "channel/" + date.Name);
        SelfLink(problems, channel.Elements(Atom + "link"), requestedUrl, "application/rss+xml", "channel");

        var guids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (item, n) in channel.Elements("item").Select((item, i) => (item, i + 1)))
        {
            var at = $"item[{n}]";
            Check(problems, item.Element("title") is not null || item.Element("description") is not null, $"ItemMustContainTitleOrDescription: {at}");
            foreach (var title in item.Elements("title"))
            {
                Check(problems, title.Value.Trim().Length > 0, $"NotBlank: {at}/title");
                Check(problems, !HtmlEndTag().IsMatch(title.Value), $"ContainsHTML: {at}/title");
            }
            Check(problems, item.Elements("link").All(l => AbsoluteHttp(l.Value)), $"InvalidFullLink: {at}/link");
            foreach (var date in item.Elements("pubDate")) Rfc822(problems, date.Value, at + "/pubDate");
            Guid(problems, item.Element("guid"), guids, at);
            var encoded = item.Element(Content + "encoded");
            if (encoded is not null)
                Check(problems, encoded.ElementsBeforeSelf("description").Any(), $"NeedDescriptionBeforeContent: {at}");
            foreach (var author in item.Elements("author"))
                Check(problems, Email().IsMatch(author.Value.Split(' ')[0]) && !item.Elements(Dc + "creator").Any(),
                    $"InvalidContact: {at}/author '{author.Value}' (needs an e-mail address; names go in dc:creator)");
            Check(problems, item.Elements("category").All(c => c.Value.Trim().Length > 0 && !HtmlEndTag().IsMatch(c.Value)), $"NotBlank: {at}/category");
            var enclosures = item.Elements("enclosure").ToList();
            Check(problems, enclosures.Count <= 1, $"DuplicateEnclosure: {at} has {enclosures.Count}");
            foreach (var e in enclosures) Enclosure(problems, (string?)e.Attribute("url"), (string?)e.Attribute("length"), (string?)e.Attribute("type"), at + "/enclosure");
            foreach (var html in item.Elements("description").Concat(item.Elements(Content + "encoded"))) Html(problems, html.Value, $"{at}/{html.Name.LocalName}");
        }
        Namespaces(problems, doc);
        Common(problems, doc);
        return problems;
    }

    /// <summary>Atom 1.0 (RFC 4287) with Media RSS.</summary>
    public static List<string> Atom10(XDocument doc, string requestedUrl)
    {
        var problems = new List<string>();
        var feed = doc.Root!;
        Check(problems, feed.Name == Atom + "feed", "InvalidNamespace: root is not atom:feed");
        Required(problems, feed, "feed");
        SelfLink(problems, feed.Elements(Atom + "link"), requestedUrl, "application/atom+xml", "feed");
        if ((string?)feed.Attribute(XNamespace.Xml + "lang") is { } lang) Language(problems, lang, "feed/@xml:lang");
        var feedAuthor = feed.Elements(Atom + "author").Any();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (entry, n) in feed.Elements(Atom + "entry").Select((entry, i) => (entry, i + 1)))
        {
            var at = $"entry[{n}]";
            Required(problems, entry, at);
            Check(problems, ids.Add(entry.Element(Atom + "id")?.Value ?? ""), $"DuplicateIds: {at}");
            Check(problems, feedAuthor || entry.Elements(Atom + "author").Any(), $"MissingAuthor: {at}");
            foreach (var date in entry.Elements(Atom + "published")) Rfc3339(problems, date.Value, at + "/published");
            Check(problems, entry.Elements(Atom + "link").Any(l => ((string?)l.Attribute("rel") ?? "alternate") == "alternate")
                || entry.Element(Atom + "content") is not null, $"MissingAlternateLink: {at}");
            foreach (var content in entry.Elements(Atom + "content"))
            {
                Check(problems, (string?)content.Attribute("type") == "html", $"ContentType: {at}/content type is '{(string?)content.Attribute("type")}', not html");
                Html(problems, content.Value, at + "/content");
            }
            foreach (var link in entry.Elements(Atom + "link").Where(l => (string?)l.Attribute("rel") == "enclosure"))
                Enclosure(problems, (string?)link.Attribute("href"), (string?)link.Attribute("length"), (string?)link.Attribute("type"), at + "/link[@rel=enclosure]");
            if ((string?)entry.Attribute(XNamespace.Xml + "lang") is { } entryLang) Language(problems, entryLang, at + "/@xml:lang");
        }
        foreach (var author in feed.Descendants(Atom + "author"))
        {
            Check(problems, (author.Element(Atom + "name")?.Value.Trim().Length ?? 0) > 0, "MissingElement: author/name");
            if (author.Element(Atom + "email") is { } email) Check(problems, Email().IsMatch(email.Value), $"InvalidAddrSpec: '{email.Value}'");
        }
        foreach (var link in feed.Descendants(Atom + "link"))
        {
            var rel = (string?)link.Attribute("rel") ?? "alternate";
            Check(problems, Relations.Contains(rel) || Uri.IsWellFormedUriString(rel, UriKind.Absolute), $"UnregisteredAtomLinkRel: '{rel}'");
            if ((string?)link.Attribute("type") is { } type) Check(problems, MimeType().IsMatch(type), $"InvalidMIMEType: link type '{type}'");
            if ((string?)link.Attribute("length") is { } length) Check(problems, long.TryParse(length, out var l) && l >= 0, $"InvalidNonNegativeInteger: link length '{length}'");
        }
        foreach (var text in feed.Descendants().Where(e => e.Name.Namespace == Atom && e.Name.LocalName is "title" or "subtitle" or "summary" or "rights"))
            Check(problems, (string?)text.Attribute("type") is null or "text" or "html" or "xhtml", $"InvalidTextType: {text.Name.LocalName}");
        Common(problems, doc);
        return problems;
    }

    // Exactly one id (an IRI), title and updated (RFC 3339), as feed and entry both require.
    private static void Required(List<string> problems, XElement e, string at)
    {
        foreach (var name in new[] { "id", "title", "updated" })
            Check(problems, e.Elements(Atom + name).Count() == 1, $"MissingElement: {at}/{name} (exactly one)");
        if (e.Element(Atom + "id")?.Value is { } id)
        {
            var urnUuid = id.StartsWith("urn:uuid:", StringComparison.OrdinalIgnoreCase);
            Check(problems, urnUuid ? UrnUuid().IsMatch(id) : Uri.IsWellFormedUriString(id, UriKind.Absolute), $"InvalidIRI: {at}/id '{id}'");
        }
        Check(problems, (e.Element(Atom + "title")?.Value.Trim().Length ?? 0) > 0, $"NotBlank: {at}/title");
        if (e.Element(Atom + "updated") is { } updated) Rfc3339(problems, updated.Value, at + "/updated");
    }

    // Checks every format shares: the Media RSS namespace, and absolute URLs in every url/href/src attribute.
    private static void Common(List<string> problems, XDocument doc)
    {
        foreach (var ns in doc.Descendants().Attributes().Where(a => a.IsNamespaceDeclaration))
            Check(problems, ns.Value.TrimEnd('/') != MediaRss.TrimEnd('/') || ns.Value == MediaRss, $"MediaRssNamespace: '{ns.Value}' (must be {MediaRss})");
        foreach (var attribute in doc.Descendants().Attributes().Where(a => a.Name.LocalName is "url" or "href" or "src"))
            Check(problems, AbsoluteHttp(attribute.Value), $"ContainsRelRef: {attribute.Parent!.Name.LocalName}/@{attribute.Name.LocalName} '{attribute.Value}'");
        foreach (var media in doc.Descendants(Media + "content"))
        {
            Enclosure(problems, (string?)media.Attribute("url"), (string?)media.Attribute("fileSize"), (string?)media.Attribute("type"), "media:content");
            Check(problems, (string?)media.Attribute("medium") is null or "image" or "audio" or "video" or "document" or "executable", "InvalidMediaMedium");
            foreach (var size in new[] { "width", "height" })
                Check(problems, (string?)media.Attribute(size) is not { } v || int.TryParse(v, out var px) && px > 0, $"InvalidInteger: media:content/@{size}");
        }
    }

    private static void SelfLink(List<string> problems, IEnumerable<XElement> links, string requestedUrl, string type, string at)
    {
        var self = links.Where(l => (string?)l.Attribute("rel") == "self").ToList();
        Check(problems, self.Count == 1, $"MissingAtomSelfLink: {at} has {self.Count} atom:link rel=self");
        foreach (var link in self)
        {
            Check(problems, (string?)link.Attribute("href") == requestedUrl, $"SelfDoesntMatchLocation: '{(string?)link.Attribute("href")}' is not '{requestedUrl}'");
            Check(problems, (string?)link.Attribute("type") == type, $"SelfNotAtom: self type '{(string?)link.Attribute("type")}' is not {type}");
        }
    }

    // guid: a permalink (isPermaLink absent or "true") must be a full http(s) URL; anything else says isPermaLink="false".
    private static void Guid(List<string> problems, XElement? guid, HashSet<string> seen, string at)
    {
        if (guid is null)
        {
            problems.Add($"MissingGuid: {at}");
            return;
        }
        var permaLink = (string?)guid.Attribute("isPermaLink");
        Check(problems, permaLink is null or "true" or "false", $"InvalidBooleanAttribute: {at}/guid/@isPermaLink '{permaLink}'");
        if (permaLink != "false") Check(problems, AbsoluteHttp(guid.Value), $"InvalidPermalink: {at}/guid '{guid.Value}' is not a URL yet isPermaLink is not false");
        Check(problems, guid.Value.Trim().Length > 0 && seen.Add(guid.Value), $"DuplicateValue: {at}/guid '{guid.Value}'");
    }

    private static void Enclosure(List<string> problems, string? url, string? length, string? type, string at)
    {
        Check(problems, AbsoluteHttp(url), $"InvalidURLAttribute: {at}/url '{url}'");
        Check(problems, long.TryParse(length, NumberStyles.None, CultureInfo.InvariantCulture, out var bytes) && bytes > 0, $"InvalidIntegerAttribute: {at} length '{length}' (must be the size in bytes, > 0)");
        Check(problems, type is not null && MimeType().IsMatch(type), $"InvalidMIMEAttribute: {at} type '{type}'");
    }

    // RFC 822 as the validator wants it (its RFC 2822 form): four-digit year, a true day name, a plausible instant.
    private static void Rfc822(List<string> problems, string value, string at)
    {
        var match = Rfc2822().Match(value);
        if (!match.Success)
        {
            problems.Add($"InvalidRFC2822Date: {at} '{value}' (RFC 822 with a four-digit year)");
            return;
        }
        // The day name is checked on its own below; the rest is parsed as a date.
        var text = Regex.Replace(value[(match.Groups["dow"].Success ? 5 : 0)..], @"\s(GMT|UT|Z)$", " +00:00");
        if (!DateTimeOffset.TryParseExact(text, ["d MMM yyyy HH:mm:ss zzz", "d MMM yyyy HH:mm zzz"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            && !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, out date))
        {
            problems.Add($"InvalidRFC2822Date: {at} '{value}'");
            return;
        }
        if (match.Groups["dow"].Success)
            Check(problems, date.DayOfWeek.ToString()[..3] == match.Groups["dow"].Value, $"IncorrectDOW: {at} '{value}' is a {date.DayOfWeek}");
        Plausible(problems, date, at, value);
    }

    private static void Rfc3339(List<string> problems, string value, string at)
    {
        if (!Rfc3339Pattern().IsMatch(value) || !DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            problems.Add($"InvalidRFC3339Date: {at} '{value}'");
        else
            Plausible(problems, date, at, value);
    }

    // The validator warns about dates before 1990 or more than ten minutes in the future.
    private static void Plausible(List<string> problems, DateTimeOffset date, string at, string value) =>
        Check(problems, date.Year >= 1990 && date <= DateTimeOffset.UtcNow.AddMinutes(10), $"ImplausibleDate: {at} '{value}'");

    private static void Language(List<string> problems, string tag, string at)
    {
        var primary = tag.Split('-')[0];
        var known = LanguageTag().IsMatch(tag);
        try
        {
            known &= CultureInfo.GetCultureInfo(primary, predefinedOnly: true).TwoLetterISOLanguageName.Length > 0;
        }
        catch (CultureNotFoundException)
        {
            known = false;
        }
        Check(problems, known, $"InvalidLanguage: {at} '{tag}'");
    }

    // HTML inside description/content: nothing the validator calls a security risk, no relative URL.
    private static void Html(List<string> problems, string html, string at)
    {
        // A whole document, so elements the parser moves to <head> (meta, link, style, base) are still seen.
        using var document = new HtmlParser().ParseDocument(html);
        foreach (var element in document.All.Where(e => e.LocalName is not ("html" or "head" or "body")))
        {
            var name = element.LocalName;
            Check(problems, !RiskyElements.Contains(name), $"SecurityRisk: {at} contains <{name}>");
            foreach (var attribute in element.Attributes)
            {
                Check(problems, !attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase) && attribute.Name != "style",
                    $"SecurityRiskAttr: {at} <{name} {attribute.Name}>");
                if (attribute.Name is "href" or "src" or "cite" or "poster")
                    Check(problems, AbsoluteHttp(attribute.Value) || attribute.Value.StartsWith("mailto:", StringComparison.Ordinal),
                        $"ContainsRelRef: {at} <{name} {attribute.Name}=\"{attribute.Value}\">");
                if (attribute.Name == "srcset")
                    Check(problems, attribute.Value.Split(',').All(c => AbsoluteHttp(c.Trim().Split(' ')[0])), $"ContainsRelRef: {at} <{name} srcset>");
            }
        }
    }

    private static bool AbsoluteHttp(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Host.Length > 0;

    private static void Check(List<string> problems, bool ok, string problem)
    {
        if (!ok) problems.Add(problem);
    }

    [GeneratedRegex(@"^((?<dow>Mon|Tue|Wed|Thu|Fri|Sat|Sun), )?\d\d? (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d\d:\d\d(:\d\d)? ([+-]?\d\d[03]0|UT|GMT|EST|EDT|CST|CDT|MST|MDT|PST|PDT|Z)$")]
    private static partial Regex Rfc2822();

    [GeneratedRegex(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$")]
    private static partial Regex Rfc3339Pattern();

    [GeneratedRegex(@"^[Uu][Rr][Nn]:[Uu][Uu][Ii][Dd]:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")]
    private static partial Regex UrnUuid();

    [GeneratedRegex(@"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")]
    private static partial Regex LanguageTag();

    [GeneratedRegex(@"^[^\s()<>,;:\\""/\[\]?=]+/[^\s()<>,;:\\""/\[\]?=]+$")]
    private static partial Regex MimeType();

    [GeneratedRegex(@"^[A-Za-z0-9_\-+.']+@([A-Za-z0-9\-]+\.)+[A-Za-z0-9][-A-Za-z0-9]*$")]
    private static partial Regex Email();

    [GeneratedRegex(@"</\w+>")]
    private static partial Regex HtmlEndTag();
}
