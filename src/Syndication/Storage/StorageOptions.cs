namespace Syndication.Storage;

/// <summary>Container and table names (section "Syndication:Storage"); tests give each run its own.</summary>
public sealed class StorageOptions
{
    public const string Section = "Syndication:Storage";

    /// <summary>Where publishers drop documents and images (public contract: "articles").</summary>
    public string ArticlesContainer { get; set; } = "articles";
    /// <summary>Rendered bodies and the images we serve.</summary>
    public string PublishedContainer { get; set; } = "published";
    public string Table { get; set; } = "articles";

    /// <summary>
    /// Whether the app creates the table and containers when missing. On by default (Azurite, tests); off in Azure,
    /// where Bicep creates them, so the app's identity needs data rights only, never create rights.
    /// </summary>
    public bool CreateIfMissing { get; set; } = true;

    /// <summary>The rules checked at start: names Azure Storage accepts, so a typo fails here and not at the first request.</summary>
    public static void Check(StorageOptions o, SettingRules rules) => rules
        .Rule(IsContainerName(o.ArticlesContainer), ContainerRule(rules.Setting(nameof(ArticlesContainer)), o.ArticlesContainer))
        .Rule(IsContainerName(o.PublishedContainer), ContainerRule(rules.Setting(nameof(PublishedContainer)), o.PublishedContainer))
        .Rule(IsTableName(o.Table), $"{rules.Setting(nameof(Table))} must be 3 to 63 letters and digits, starting with a letter (it is \"{o.Table}\")");

    /// <summary>3 to 63 lowercase letters, digits and single hyphens, starting and ending with a letter or digit.</summary>
    public static bool IsContainerName(string? name) =>
        name is { Length: >= 3 and <= 63 } && name.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-')
        && name[0] != '-' && name[^1] != '-' && !name.Contains("--", StringComparison.Ordinal);

    /// <summary>3 to 63 ASCII letters and digits, starting with a letter.</summary>
    public static bool IsTableName(string? name) =>
        name is { Length: >= 3 and <= 63 } && char.IsAsciiLetter(name[0]) && name.All(char.IsAsciiLetterOrDigit);

    private static string ContainerRule(string setting, string? value) =>
        $"{setting} must be 3 to 63 lowercase letters, digits and single hyphens, starting and ending with a letter or digit (it is \"{value}\")";
}
