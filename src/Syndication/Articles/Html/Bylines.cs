using System.Globalization;
using System.Text.RegularExpressions;

namespace Syndication.Articles;

/// <summary>
/// Author names from what bylines say: "By Ana Lima and Ben Okafor", "Ana Lima, Political Editor | 5 March 2024",
/// "作者：王晓明", "김민수 기자 minsu@example.com", "〔記者王大明／花蓮報導〕".
/// </summary>
internal static partial class Bylines
{
    private static readonly char[] Brackets = ['(', ')', '[', ']', '<', '>', '（', '）', '〔', '〕', '【', '】', '「', '」', '《', '》'];

    // Words of a page's interface, never a writer's name.
    private static readonly HashSet<string> InterfaceWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "username", "user name", "user", "login", "log in", "sign in", "sign up", "register", "subscribe", "follow",
        "follow author", "following", "share", "email", "e-mail", "print", "comments", "comment", "reply", "menu", "search",
        "home", "admin", "administrator", "anonymous", "guest", "unknown", "author", "authors", "profile", "more", "read more",
        "by", "bio", "biography", "contact", "website", "twitter", "facebook", "linkedin", "instagram", "rss",
    };

    // Lower-case words that belong inside names ("Ludwig van Beethoven", "Maria da Silva").
    private static readonly HashSet<string> Particles = new(StringComparer.Ordinal)
    {
        "de", "da", "das", "do", "dos", "du", "del", "della", "der", "den", "van", "von", "zu", "la", "le", "di", "al", "el",
        "bin", "bint", "ibn", "ten", "ter", "y", "e", "af", "av", "st.",
    };

    /// <summary>The names a byline states, without "By", roles, dates, emails, agencies beside a writer or profile URLs.</summary>
    public static IReadOnlyList<string> Names(string? byline)
    {
        if (string.IsNullOrWhiteSpace(byline)) return [];
        var text = CleanText.Line(byline, 500);
        if (LabelledAuthor().Match(text) is { Success: true } labelled) text = UpToNextField(labelled.Groups["name"].Value);
        text = CleanText.Line(WithoutNotes(Address().Replace(text, " ")), 500);
        text = WriterAfterOtherRoles().Replace(LeadingAgency(text), "");
        text = Tail().Replace(text.Trim().Trim(Brackets).Trim(), "");
        text = Prefix().Replace(text, "");
        var names = new List<string>();
        foreach (var part in Separators().Split(text))
        {
            var name = Clean(part);
            if (WireAgencies.IsStaffCredit(name))
            {
                names.Add(name);
                continue;
            }
            // What follows a job title is its desk or employer ("Jane Doe, Health correspondent, BBC Wales").
            if (Role().IsMatch(name)) break;
            if (IsName(name)) names.Add(name);
        }
        var writers = names.Where(n => !WireAgencies.IsCredit(n)).ToList();
        return (writers.Count > 0 ? writers : names).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    /// <summary>Names from several stated values (each may hold several names); URLs and empties dropped.</summary>
    public static IReadOnlyList<string> Names(IEnumerable<string?> values)
    {
        var names = values.SelectMany(Names).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var writers = names.Where(n => !WireAgencies.IsCredit(n)).ToList();
        return (writers.Count > 0 ? writers : names).Take(20).ToList();
    }

    /// <summary>
    /// "Gillman, Steve" as "Steve Gillman": for metadata whose format writes the surname first (citation_author per
    /// Google Scholar's inclusion guidelines, Dublin Core's creator); one surname word, then one to three given names.
    /// </summary>
    public static string SurnameFirst(string value) =>
        SurnameThenGiven().Match(value) is { Success: true } m && !WireAgencies.IsCredit(m.Groups["surname"].Value)
            ? m.Groups["given"].Value + " " + m.Groups["surname"].Value : value;

    // A parenthetical after the names is a note (a place, a role, an agency: "(Bruxelles)", "(à Berlin)", "(Brussels,
    // correspondent)") unless it opens with "with", "avec", "mit", "con" or "and" (und, et, y, e, &), whose names are kept; a bracket left open
    // at the end is closed the same way, and a stray closing bracket is dropped.
    private static string WithoutNotes(string text)
    {
        text = Parenthetical().Replace(text, m => m.Index == 0 ? m.Value : WithNames(m.Groups["inner"].Value));
        text = OpenAtEnd().Replace(text, m => m.Index == 0 ? m.Value : WithNames(m.Groups["inner"].Value));
        return text.Length > 0 && text[0] is '(' or '[' ? text : text.Replace(')', ' ').Replace(']', ' ');
    }

    private static string WithNames(string inner) => CoAuthors().IsMatch(inner) ? " " + inner.Trim() : " ";

    // "dpa/Ana Lima", "AFP | Ana Lima": the agency before a bar or slash stands beside the writer (a named writer wins).
    // Only when what follows the bar names a writer of two words or more: "AP | March 5, 2024", "EFE | Madrid" and
    // "AFP/Getty" keep the agency as their byline.
    private static string LeadingAgency(string text) =>
        AgencyThenName().Match(text) is { Success: true } m && WireAgencies.IsAgency(m.Groups["agency"].Value)
        && Names(m.Groups["rest"].Value).Any(n => n.Contains(' ') && !WireAgencies.IsCredit(n))
            ? m.Groups["rest"].Value + ", " + m.Groups["agency"].Value : text;

    /// <summary>Whether a text is a byline's opening word alone ("von", "By", "Par"), which is never a name.</summary>
    public static bool IsMarkerOnly(string text) => text.Trim().Length > 0 && Prefix().Replace(text.Trim() + " ", "").Length == 0;

    /// <summary>Whether a line opens as a byline does ("By …", "Par …", "Von …", "Автор: …", "作者：…").</summary>
    public static bool LooksLikeByline(string line) => BylineStart().IsMatch(line) || LabelledAuthor().IsMatch(line);

    private static string Clean(string part)
    {
        var name = Prefix().Replace(part.Trim().Trim('.', ':', '-', '–', '—', '|', '·', '/').Trim().Trim(Brackets).Trim(), "");
        name = ReporterSuffix().Replace(WireAgencies.WithoutTrailingAgency(name), "").Trim();
        name = WithoutPublicationInCapitals(name);
        // Wire bylines come in capitals ("EGILL BJARNASON"); a name of several words in capitals reads better in title case.
        if (name.Contains(' ') && name.Any(char.IsUpper) && !name.Any(char.IsLower))
            name = CultureInfo.InvariantCulture.TextInfo.ToTitleCase(name.ToLowerInvariant());
        return name;
    }

    // "Meg Wagner NEW YORK DAILY NEWS": two or more words in capitals after a name written in mixed case are the
    // publication's name (a surname in capitals, "Cécile DUCOURTIEUX", is one word and stays).
    private static string WithoutPublicationInCapitals(string name)
    {
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var caps = words.Reverse().TakeWhile(w => w.Length > 1 && w.Any(char.IsLetter) && !w.Any(char.IsLower)).Count();
        var lead = words.Length - caps;
        return caps >= 2 && lead >= 2 && words[..lead].All(w => w.Any(char.IsLower)) ? string.Join(' ', words[..lead]) : name;
    }

    private static bool IsName(string s)
    {
        if (s.Length is < 2 or > 100 || s.Contains("://") || InterfaceAction().IsMatch(s) || s.Contains('@') || s.StartsWith("www.", StringComparison.OrdinalIgnoreCase)
            || !s.Any(char.IsLetter) || s.Any(char.IsDigit) || InterfaceWords.Contains(s))
            return false;
        var words = s.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        // "Article written by", "Share this article": capitals then lower case make a phrase, not a name (a name written
        // all in lower case stays one).
        return words.Length <= 6 && !(words.Any(w => char.IsUpper(w[0]))
            && words.Any(w => char.IsLower(w[0]) && !Particles.Contains(w) && !Elided(w)));
    }

    // "d’Ormesson", "l'Estrange".
    private static bool Elided(string word) => word.Length > 2 && word[1] is '\'' or '’';

    private static string UpToNextField(string value) =>
        value.Length > 0 && IsCjk(value[0]) ? value.Split(' ', '\u3000')[0] : value;

    private static bool IsCjk(char c) => c is >= '\u3040' and <= '\u30FF' or >= '\u3400' and <= '\u9FFF' or >= '\uAC00' and <= '\uD7AF';

    // "By", "Written by", "Words:", "Von", "Par", "Por", "Автор:", "記者" at the start of a byline.
    [GeneratedRegex(@"^\s*(?:(?:(?:written|words|story|reporting|text|posted|submitted)\s+by|by|from|von|par|por|di|door|author|authors|words|reporter|автор|авторы|текст)\s*[:\s]\s*|(?:text|texte|texto|testo|tekst|autorin|autore|auteure?|autor)\s*[:：]\s*|(?:文・写真|写真・文|取材・文|写真と文|著者|筆者|執筆|文|מאת|بقلم|كتب|作者|撰文)\s*[・:：\s]\s*|(?:記者|记者)\s*[・:：\s]?\s*)", RegexOptions.IgnoreCase)]
    private static partial Regex Prefix();

    // A labelled author field anywhere in a line of fields ("2024-03-05 来源：新华社 作者：王晓明 责任编辑：李娜").
    [GeneratedRegex(@"(?:^|[\s|｜])(?:作者|撰文|记者|記者|著者|筆者|author|autorin|autor|auteure?|автор)\s*[：:]\s*(?<name>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex LabelledAuthor();

    // What follows the names: a date, a time, "Updated", "Published", a separator bar, bullet or slash, an interface
    // link, the section the story is filed in ("in Politics").
    [GeneratedRegex(@"\s*(?:[|•·/／∕]|(?-i:\bin\s+\p{Lu})|\b(?:photos?|fotos?|photography|bilder|illustrations?|video|grafik)\s*[:：]|\b(?:e-?mail|updated|published|posted|last modified|(?:edited|editing|reviewed|fact[- ]checked|photographs|photos|illustrations?|produced|translated|additional reporting)\s+by|follow(?:\s+author)?|following|view (?:profile|all)|more (?:from|by|articles)|see (?:all|more)|on\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)\w*)\b|\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s+\d{1,2}\b|\d{1,2}\s*(?:hours?|minutes?|mins?|days?)\s+ago|\b\d{1,2}[:/.]\d{2}|\b\d{4}\b).*$", RegexOptions.IgnoreCase)]
    private static partial Regex Tail();

    // Email addresses (also "<…>" or "(…)" around them) and web addresses.
    // "E-mail Maggie", "Follow Jane on Twitter", "Contact the author": a link's label beside the name, not a name.
    [GeneratedRegex(@"^(?:e-?mail|follow|contact|message|subscribe to|more from|view|see)\b", RegexOptions.IgnoreCase)]
    private static partial Regex InterfaceAction();

    [GeneratedRegex(@"[<(\[]?\s*(?:mailto:)?[\w.+-]+@[\w-]+(?:\.[\w-]+)+\s*[>)\]]?|\b(?:https?://|www\.)\S*", RegexOptions.IgnoreCase)]
    private static partial Regex Address();

    // How a byline line opens, in the languages of our pages (narrower than Prefix: "From" starts too many other lines).
    [GeneratedRegex(@"^\s*(?:(?:written|words|story|reporting|text)\s+by|by|von|par|por|door)\s+\p{Lu}|^\s*(?:автор|авторы)\s*:|^\s*[〔（(]?\s*(?:記者|记者|作者|著者|筆者)", RegexOptions.IgnoreCase)]
    private static partial Regex BylineStart();

    [GeneratedRegex(@"\s*(?:,|;|、|\band\b|&|\bund\b|\bet\b|\bog\b|\boch\b|\s+\(?\s*(?:with|avec|mit|con)\s+)\s*", RegexOptions.IgnoreCase)]
    private static partial Regex Separators();

    // Korean and Japanese bylines put the role after the name ("김민수 기자", "山田太郎記者").
    [GeneratedRegex(@"\s*(?:선임기자|기자|특파원|객원기자|記者|记者|特派員|特派员|著)$")]
    private static partial Regex ReporterSuffix();

    // Job titles and desks that bylines append after a comma; editors and sources of Chinese portals.
    [GeneratedRegex(@"\b(?:correspondents?|editors?|reporters?|writers?|staff|contributors?|columnists?|journalists?|journaliste|correspondante?|rédact(?:eur|rice)|korrespondent(?:in)?|redakteur(?:in)?|corresponsal|periodista|producers?|analysts?|bureau|desk|chief|senior|associate|special to|in [A-Z][a-z]+$|agencies)\b|编辑|編輯|来源|來源|校对|編審|编审", RegexOptions.IgnoreCase)]
    private static partial Regex Role();

    // A balanced "(…)" or "[…]" holding no bracket, and one left open at the end.
    [GeneratedRegex(@"\s*[(\[](?<inner>[^()\[\]]*)[)\]]")]
    private static partial Regex Parenthetical();

    [GeneratedRegex(@"\s*[(\[](?<inner>[^()\[\]]*)$")]
    private static partial Regex OpenAtEnd();

    [GeneratedRegex(@"^\s*(?:with|avec|mit|con|and|und|et|y|e|&)\s+\S", RegexOptions.IgnoreCase)]
    private static partial Regex CoAuthors();

    [GeneratedRegex(@"^\s*(?<agency>[^/|／]{2,40}?)\s*[/|／]\s*(?<rest>\S.*)$")]
    private static partial Regex AgencyThenName();

    // "Edited by Ben Okafor, written by Ana Lima": the writer's label after another role's credit starts the byline.
    [GeneratedRegex(@"^.*?\b(?:edited|editing|reviewed|fact[- ]checked|photos?|photographs|illustrations?|produced|translated)\s+by\b.*?(?=\b(?:written|words|text|story|reporting)\s+by\b)", RegexOptions.IgnoreCase)]
    private static partial Regex WriterAfterOtherRoles();

    [GeneratedRegex(@"^\s*(?<surname>\p{Lu}[\p{L}'’-]+)\s*,\s*(?<given>\p{Lu}[\p{Ll}.'’-]*(?:\s+\p{Lu}[\p{Ll}.'’-]*){0,2})\s*$")]
    private static partial Regex SurnameThenGiven();
}
