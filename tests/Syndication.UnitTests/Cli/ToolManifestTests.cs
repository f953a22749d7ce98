using System.Text.Json;
using System.Xml.Linq;
using Syndication.Tests.Support;

namespace Syndication.Tests.Cli;

/// <summary><c>dotnet tool restore</c> on a fresh clone finds the tool the manifest names, offline.</summary>
public sealed class ToolManifestTests
{
    [Fact]
    public void TheToolTheManifestNamesIsCommittedInTheFolderNugetConfigMapsItTo()
    {
        var manifest = JsonDocument.Parse(File.ReadAllText(Repo.Path(".config", "dotnet-tools.json"))).RootElement.GetProperty("tools");
        var (id, tool) = manifest.EnumerateObject().Select(p => (p.Name, p.Value)).Single();
        Assert.Equal("syndication", tool.GetProperty("commands")[0].GetString());
        var config = XDocument.Load(Repo.Path("nuget.config"));
        var source = config.Descendants("add").Single(a => a.Attribute("value")?.Value == ".config/tools").Attribute("key")!.Value;
        Assert.Contains(config.Descendants("packageSource").Single(s => s.Attribute("key")!.Value == source).Elements("package"),
            p => string.Equals(p.Attribute("pattern")!.Value, id, StringComparison.OrdinalIgnoreCase));
        var package = $"{id}.{tool.GetProperty("version").GetString()}.nupkg";
        Assert.Contains(Directory.GetFiles(Repo.Path(".config", "tools")), f => string.Equals(Path.GetFileName(f), package, StringComparison.OrdinalIgnoreCase));
    }
}
