using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Syndication;

/// <summary>
/// Start-time checks on one options class: each broken rule is a message naming the app setting as users write it
/// (<c>Syndication__MaxLimit must be at least 1 (it is 0)</c>), so a bad setting stops the host before it serves.
/// </summary>
public sealed class SettingRules(string section)
{
    private readonly List<string> problems = [];

    public IReadOnlyList<string> Problems => problems;

    /// <summary>The app setting for a key of this section: "Syndication:Storage" + "Table" is Syndication__Storage__Table.</summary>
    public string Setting(string key) => $"{section}:{key}".Replace(":", "__");

    public SettingRules AtLeast(string key, double value, double min) =>
        Rule(value >= min, string.Create(CultureInfo.InvariantCulture, $"{Setting(key)} must be at least {min} (it is {value})"));

    public SettingRules Between(string key, double value, double min, double max) =>
        Rule(value >= min && value <= max, string.Create(CultureInfo.InvariantCulture, $"{Setting(key)} must be between {min} and {max} (it is {value})"));

    /// <summary>Empty, or an absolute http or https URL.</summary>
    public SettingRules HttpUrl(string key, string? value) =>
        Rule(string.IsNullOrWhiteSpace(value) || Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps),
            $"{Setting(key)} must be an absolute http or https URL (it is \"{value}\")");

    /// <summary>Empty, or a URL (absolute, or relative to the public origin).</summary>
    public SettingRules Url(string key, string? value) =>
        Rule(string.IsNullOrWhiteSpace(value) || Uri.TryCreate(value, UriKind.RelativeOrAbsolute, out _),
            $"{Setting(key)} must be a URL (it is \"{value}\")");

    public SettingRules Rule(bool holds, string message)
    {
        if (!holds) problems.Add(message);
        return this;
    }
}

/// <summary>Adds <see cref="SettingRules"/> to an options registration, checked when the host starts.</summary>
public static class SettingRulesExtensions
{
    public static OptionsBuilder<T> ValidateSettings<T>(this OptionsBuilder<T> options, string section, Action<T, SettingRules> check) where T : class
    {
        options.Services.AddSingleton<IValidateOptions<T>>(new RulesValidator<T>(options.Name, section, check));
        return options.ValidateOnStart();
    }

    private sealed class RulesValidator<T>(string? name, string section, Action<T, SettingRules> check) : IValidateOptions<T> where T : class
    {
        public ValidateOptionsResult Validate(string? optionsName, T options)
        {
            if (name is not null && name != optionsName) return ValidateOptionsResult.Skip;
            var rules = new SettingRules(section);
            check(options, rules);
            return rules.Problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(rules.Problems);
        }
    }
}
