using System.Text.RegularExpressions;
using System.Xml.Linq;
using Syndication.Tests.Support;

namespace Syndication.Tests.Cli;

/// <summary>
/// <c>dotnet tool install --global Syndication.Cli</c> in the clone: nuget.config maps the package to the folder
/// scripts/pack-tool.sh packs it into (source mapping refuses <c>--add-source</c>, so the mapping is the only way).
/// </summary>
public sealed class PackedToolSourceTests
{
    [Fact]
    public void NugetConfigMapsTheCommandsPackageToTheFolderPackToolWritesIt()
    {
        var packed = Regex.Match(File.ReadAllText(Repo.Path("scripts", "pack-tool.sh")), @"dotnet pack src/Syndication\.Cli .*-o (\S+)").Groups[1].Value;
        Assert.Equal("artifacts/tools", packed);
        var config = XDocument.Load(Repo.Path("nuget.config"));
        var mapped = config.Descendants("packageSource")
            .Where(s => s.Elements("package").Any(p => p.Attribute("pattern")?.Value == "Syndication.Cli"))
            .Select(s => s.Attribute("key")!.Value).ToList();
        var source = Assert.Single(mapped);
        Assert.Equal(packed, config.Descendants("add").Single(a => a.Attribute("key")?.Value == source).Attribute("value")!.Value);
        Assert.Contains("dotnet tool install --global Syndication.Cli", File.ReadAllText(Repo.Path("docs", "publishing.md")).Replace("\n", " "));
    }
}
