using System.Reflection;
using System.Text.RegularExpressions;
using Syndication.Feeds;
using Syndication.Functions;
using Syndication.LocalRunner;
using Syndication.Security;
using Syndication.Tests.Support;

namespace Syndication.Tests.Architecture;

/// <summary>docs/configuration.md names every setting the options classes bind, and no Syndication__ setting that nothing reads.</summary>
public sealed partial class ConfigurationDocsTests
{
    /// <summary>Settings read straight from IConfiguration rather than bound to an options class.</summary>
    private static readonly string[] ReadDirectly =
    [
        ServerKey.Setting,
        ServerKey.PreviousSetting,
        KeyFilter.AdminKey,
        KeyFilter.WebhookKey,
        TelemetrySetup.SamplingSetting,
        "Syndication:WatchIntervalSeconds", // ContainerWatcher, the local runner
        "Syndication:Cli:MaxRetries",       // StorageTarget, the syndication command
    ];

    [Fact]
    public void EveryOptionsPropertyIsInTheConfigurationPage()
    {
        var documented = DocumentedSettings();
        var missing = OptionSettings().Concat(ReadDirectly.Select(AppSetting)).Where(s => !documented.Contains(s)).ToList();
        Assert.True(missing.Count == 0, "docs/configuration.md does not name: " + string.Join(", ", missing));
    }

    [Fact]
    public void EverySettingThePageNamesIsRead()
    {
        var known = OptionSettings().Concat(ReadDirectly.Select(AppSetting)).ToHashSet(StringComparer.Ordinal);
        var unknown = DocumentedSettings().Where(s => !known.Contains(s)).ToList();
        Assert.True(unknown.Count == 0, "docs/configuration.md names settings nothing reads: " + string.Join(", ", unknown));
    }

    /// <summary>Syndication__Section__Property for every public settable property of every public *Options class in the library.</summary>
    private static IEnumerable<string> OptionSettings() =>
        typeof(FeedOptions).Assembly.GetExportedTypes()
            .Where(t => t.IsClass && t.Name.EndsWith("Options", StringComparison.Ordinal))
            .SelectMany(t =>
            {
                var section = t.GetField("Section", BindingFlags.Public | BindingFlags.Static)?.GetRawConstantValue() as string
                    ?? throw new InvalidOperationException($"{t.Name} has no Section constant");
                return t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                    .Where(p => p.SetMethod is { IsPublic: true })
                    .Select(p => AppSetting(section + ":" + p.Name));
            });

    private static string AppSetting(string key) => key.Replace(":", "__", StringComparison.Ordinal);

    private static HashSet<string> DocumentedSettings() =>
        SettingName().Matches(File.ReadAllText(Repo.Path("docs/configuration.md"))).Select(m => m.Value).ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex(@"\bSyndication__[A-Za-z_]+[A-Za-z]")]
    private static partial Regex SettingName();
}
