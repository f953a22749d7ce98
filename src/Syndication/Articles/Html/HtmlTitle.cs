namespace Syndication.Articles;

/// <summary>Headlines without the site name that titles append or prepend (" | Site", " - Site", " — Site").</summary>
internal static class HtmlTitle
{
    private static readonly string[] Separators = [" | ", " - ", " — ", " – ", " :: ", " · ", " » ", " / "];

    private static readonly string[] TightSeparators = ["｜", "|", "：", " : ", ":", "／", "-", "－", "_", "＿"];

    // An unspaced ":" or "-" also joins a headline's own parts ("Lust for Youth: Lust for Youth", "Spider-Man"): cut
    // only before the site's name.
    private static readonly string[] SiteOnlySeparators = [":", "-", "－", "／"];

    /// <summary>
    /// The headline of a <c>&lt;title&gt;</c> or og:title: the site name is cut when it matches <paramref name="siteName"/>
    /// or is short; a title equal to the page's own headline is left alone.
    /// </summary>
    public static string? Clean(string? title, string? siteName, string? headline)
    {
        if (string.IsNullOrWhiteSpace(title)) return null;
        var text = CleanText.Line(title, 1000);
        if (headline is not null && Same(text, headline)) return text;
        for (var i = 0; i < 3; i++)
        {
            var cut = CutOnce(text, siteName, headline);
            if (cut == text) break;
            text = cut;
        }
        return text;
    }

    // "Council approves budget" of "Council approves £2.3bn budget after a late-night vote": cut with an ellipsis, or
    // four in five of its words in a longer headline.
    /// <summary>Whether the metadata's title is a shortened form of the visible headline.</summary>
    public static bool Shortened(string title, string headline)
    {
        if (headline.Length <= title.Length) return false;
        if (title.EndsWith('…') || title.EndsWith("...", StringComparison.Ordinal))
            return Squash(headline).StartsWith(Squash(title), StringComparison.Ordinal);
        var words = WordSet(title);
        var inHeadline = WordSet(headline);
        return words.Count > 0 && words.Count(inHeadline.Contains) >= 0.8 * words.Count;
    }

    // "Ausschuss zur Ahrtal-Flut Zwei Rücktritte" of "Ausschuss zur Ahrtal-Flut: Zwei Rücktritte": a heading whose
    // kicker and headline are two elements, the colon between them drawn by the style sheet (or not at all).
    /// <summary>Whether the visible heading is the stated headline with the one colon after its kicker left out.</summary>
    public static bool KickerColonDropped(string? stated, string? visible) =>
        stated is not null && visible is not null && !visible.Contains(':') && stated.Count(c => c == ':') == 1
        && Spaced(stated.Replace(": ", " ", StringComparison.Ordinal)) == Spaced(visible);

    private static readonly string[] KickerSeparators = [" : ", ": ", " | ", " – ", " — "];

    // "Kultur : Ehrengast der Frankfurter Buchmesse: …" where the metadata states "Ehrengast der Frankfurter Buchmesse: …":
    // a section or topic of a few words set before the headline in the same heading.
    /// <summary>Whether the visible heading is the stated headline after a kicker of at most four words and a separator.</summary>
    public static bool KickerBefore(string? visible, string? stated) =>
        visible is not null && stated is not null && KickerSeparators.Any(separator =>
            visible.IndexOf(separator, StringComparison.Ordinal) is var at && at > 0 && Words(visible[..at]) <= 4
            && Same(visible[(at + separator.Length)..], stated));

    private static string Spaced(string s) => string.Join(' ', s.Split(' ', StringSplitOptions.RemoveEmptyEntries));

    private static HashSet<string> WordSet(string s) =>
        s.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Squash).Where(w => w.Length > 0).ToHashSet(StringComparer.Ordinal);

    private static string CutOnce(string title, string? siteName, string? headline)
    {
        foreach (var separator in Separators)
        {
            var last = title.LastIndexOf(separator, StringComparison.Ordinal);
            if (last > 0)
            {
                var (head, tail) = (title[..last].Trim(), title[(last + separator.Length)..].Trim());
                if (IsSite(tail, siteName) || (headline is not null && Same(head, headline))
                    || (IsShort(tail) && Words(head) >= 3 && Words(head) > Words(tail)))
                    return head;
            }
            var first = title.IndexOf(separator, StringComparison.Ordinal);
            if (first > 0 && IsSite(title[..first].Trim(), siteName)) return title[(first + separator.Length)..].Trim();
        }
        // Unspaced or full-width separators ("…受賞：朝日新聞デジタル", "… : スポーツ", "Headline_Site"): only before the
        // site's name, after the page's headline, or before the visible heading when that is a section's banner.
        foreach (var separator in TightSeparators)
        {
            var last = title.LastIndexOf(separator, StringComparison.Ordinal);
            if (last <= 0) continue;
            var (head, tail) = (title[..last].Trim(), title[(last + separator.Length)..].Trim());
            var besideHeadline = headline is not null && !SiteOnlySeparators.Contains(separator)
                && (Same(head, headline) || (Same(tail, headline) && Words(head) > Words(tail)));
            if (IsSite(tail, siteName) || besideHeadline) return head;
        }
        return title;
    }

    /// <summary>Whether a name is the site's own (blogs and stations name themselves as the author).</summary>
    public static bool IsSiteName(string name, string? siteName) =>
        !string.IsNullOrWhiteSpace(siteName) && Squash(name) == Squash(siteName);

    /// <summary>Whether a name is the one the page's address gives the site ("VnExpress" on vnexpress.net).</summary>
    public static bool IsHostName(string name, string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var u) && Squash(name) is { Length: >= 4 } squashed
        && u.Host.Split('.')[..^1].Any(label => Squash(label) == squashed);

    private static bool IsSite(string part, string? siteName)
    {
        if (string.IsNullOrWhiteSpace(siteName)) return false;
        var (a, b) = (Squash(part), Squash(siteName));
        return a.Length >= 3 && (a == b || b.Contains(a, StringComparison.Ordinal) || (a.Contains(b, StringComparison.Ordinal) && IsShort(part)));
    }

    private static bool IsShort(string part) => part.Length <= 40 && Words(part) <= 4;

    private static int Words(string s) => s.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

    /// <summary>Whether two titles have the same letters and digits (case, spaces and punctuation aside).</summary>
    public static bool Same(string? a, string? b) => a is not null && b is not null && Squash(a) == Squash(b);

    // Letters and digits only, lower case: "The Guardian" and "theguardian.com" compare by their words.
    public static string Squash(string s) =>
        new(s.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());
}
