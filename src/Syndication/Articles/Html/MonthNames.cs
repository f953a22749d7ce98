namespace Syndication.Articles;

/// <summary>Month names and their usual abbreviations in the languages our pages come in, to their number.</summary>
internal static class MonthNames
{
    private static readonly Dictionary<string, int> Months = Build(
        "january jan", "february feb", "march mar", "april apr", "may", "june jun", "july jul", "august aug",
        "september sep sept", "october oct", "november nov", "december dec",
        // French, German, Spanish, Italian, Portuguese, Dutch.
        "janvier janv", "février fevrier févr fevr", "mars", "avril avr", "mai", "juin", "juillet juil", "août aout",
        "septembre", "octobre", "novembre", "décembre decembre déc",
        "januar jänner", "februar", "märz maerz", "april", "mai", "juni", "juli", "august", "september", "oktober okt",
        "november", "dezember dez",
        "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre setiembre", "octubre",
        "noviembre", "diciembre",
        "gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre",
        "novembre", "dicembre",
        "janeiro", "fevereiro", "março marco", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro",
        "novembro", "dezembro",
        "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november",
        "december",
        // Russian, in the genitive a date uses ("5 марта") and the nominative.
        "января январь", "февраля февраль", "марта март", "апреля апрель", "мая май", "июня июнь", "июля июль",
        "августа август", "сентября сентябрь", "октября октябрь", "ноября ноябрь", "декабря декабрь");

    /// <summary>The month (1–12) a word names, or 0.</summary>
    public static int Number(string word) => Months.GetValueOrDefault(word.Trim('.').ToLowerInvariant());

    // Each group of names is one month; the groups run January to December once per language.
    private static Dictionary<string, int> Build(params string[] groups)
    {
        var months = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < groups.Length; i++)
            foreach (var name in groups[i].Split(' ')) months.TryAdd(name, i % 12 + 1);
        return months;
    }
}
