namespace Syndication.Articles;

/// <summary>
/// News agencies whose name stands in a byline beside or instead of the writer's ("Jane Doe, AFP", "By JIM SALTER
/// Associated Press"): a named writer outranks them, and they are the byline only when no writer is named.
/// </summary>
internal static class WireAgencies
{
    private static readonly HashSet<string> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        "AP", "The AP", "Associated Press", "The Associated Press", "Reuters", "Thomson Reuters", "AFP", "Agence France-Presse",
        "Agence France Presse", "PA", "PA Media", "PA Wire", "Press Association", "The Press Association", "dpa",
        "Deutsche Presse-Agentur", "ANSA", "EFE", "Agencia EFE", "Europa Press", "Xinhua", "新华社", "Kyodo", "Kyodo News",
        "共同通信", "Yonhap", "연합뉴스", "Bloomberg", "Bloomberg News", "UPI", "United Press International", "CNA", "TASS",
        "ТАСС", "RIA Novosti", "РИА Новости", "Interfax", "Интерфакс", "ANP", "Belga", "APA", "Keystone-SDA", "NTB", "TT",
        "Ritzau", "PAP", "ČTK", "MTI", "Anadolu", "Anadolu Agency", "PTI", "Press Trust of India", "IANS", "AAP",
        "Australian Associated Press", "Canadian Press", "The Canadian Press", "Agencies", "Wire services", "News agencies",
    };

    /// <summary>Whether the name is a news agency's.</summary>
    public static bool IsAgency(string name) => Names.Contains(name.Trim().Trim('(', ')', '.'));

    /// <summary>
    /// Whether the name credits a newsroom rather than a person: an agency, or a site's staff ("AOL Staff", "ZDNet Japan
    /// Staff"); such a credit is the byline only when no writer is named.
    /// </summary>
    public static bool IsCredit(string name) => IsAgency(name) || IsStaffCredit(name);

    /// <summary>"AOL Staff", "Staff Reports": a site's staff credited as a whole (a name, then "Staff", at most five words).</summary>
    public static bool IsStaffCredit(string name)
    {
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length is >= 2 and <= 5 && words[^1].Equals("Staff", StringComparison.OrdinalIgnoreCase) && char.IsUpper(words[0][0]);
    }

    /// <summary>
    /// The writer's name when an agency's follows it without a comma ("JIM SALTER Associated Press", "Jane Doe AFP");
    /// else the name. A one-word agency name counts only in capitals: Michael Bloomberg keeps his surname.
    /// </summary>
    public static string WithoutTrailingAgency(string name)
    {
        if (IsAgency(name)) return name;
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var take = Math.Min(3, words.Length - 1); take >= 1; take--)
        {
            var tail = string.Join(' ', words[^take..]);
            if (IsAgency(tail) && (take > 1 || !tail.Any(char.IsLower))) return string.Join(' ', words[..^take]).TrimEnd(',', '/', '-', '–');
        }
        return name;
    }
}
