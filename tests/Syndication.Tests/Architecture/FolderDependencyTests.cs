using Mono.Cecil;
using Mono.Cecil.Cil;
using Xunit.Abstractions;

namespace Syndication.Tests.Architecture;

/// <summary>
/// The library's concept folders (namespaces Syndication.Articles, .Feeds, .Storage, …) depend on each other in one
/// direction: read from the compiled IL (signatures and method bodies), so no reference hides in a method.
/// </summary>
public sealed class FolderDependencyTests(ITestOutputHelper output)
{
    private const string Root = "Syndication";

    [Fact]
    public void ConceptFoldersHaveNoDependencyCycle()
    {
        var graph = FolderGraph();
        foreach (var (folder, uses) in graph.OrderBy(g => g.Key, StringComparer.Ordinal))
            output.WriteLine($"{folder} -> {string.Join(", ", uses.Order(StringComparer.Ordinal))}");

        var cycles = graph.Keys.Select(f => Cycle(graph, f)).OfType<List<string>>().ToList();
        Assert.True(cycles.Count == 0, "folder cycle: " + string.Join("; ", cycles.Select(c => string.Join(" -> ", c))));
    }

    [Fact]
    public void TheFeedWritersAndTheirModelDependOnNoStorage()
    {
        var writers = new[] { "RssWriter", "AtomWriter", "JsonFeedWriter", "Feed", "FeedItem", "FeedImage", "FeedFormat", "XmlMarkup" };
        var module = ModuleDefinition.ReadModule(typeof(global::Syndication.Feeds.Feed).Assembly.Location);
        foreach (var type in module.Types.Where(t => t.Namespace == "Syndication.Feeds" && writers.Contains(t.Name)))
        {
            var used = References(type).Select(FolderOf).OfType<string>().ToHashSet();
            Assert.DoesNotContain("Storage", used);
            Assert.DoesNotContain("Http", used);
        }
    }

    /// <summary>Each folder and the folders its types use (the root namespace, the composition root, is left out).</summary>
    internal static Dictionary<string, HashSet<string>> FolderGraph()
    {
        var module = ModuleDefinition.ReadModule(typeof(global::Syndication.Feeds.Feed).Assembly.Location);
        var graph = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var type in module.Types)
        {
            if (FolderOf(type) is not { } folder) continue;
            var uses = graph.TryGetValue(folder, out var set) ? set : graph[folder] = new HashSet<string>(StringComparer.Ordinal);
            foreach (var used in References(type).Select(FolderOf).OfType<string>().Where(u => u != folder)) uses.Add(used);
        }
        return graph;
    }

    private static string? FolderOf(TypeReference type)
    {
        while (type.DeclaringType is not null) type = type.DeclaringType;
        var ns = type.Namespace;
        if (!ns.StartsWith(Root + ".", StringComparison.Ordinal)) return null;
        return ns[(Root.Length + 1)..].Split('.')[0];
    }

    private static IEnumerable<TypeReference> References(TypeDefinition type)
    {
        foreach (var nested in type.NestedTypes)
            foreach (var r in References(nested)) yield return r;
        if (type.BaseType is { } baseType) yield return baseType;
        foreach (var i in type.Interfaces) yield return i.InterfaceType;
        foreach (var f in type.Fields) yield return f.FieldType;
        foreach (var p in type.Properties) yield return p.PropertyType;
        foreach (var m in type.Methods)
        {
            yield return m.ReturnType;
            foreach (var p in m.Parameters) yield return p.ParameterType;
            if (!m.HasBody) continue;
            foreach (var v in m.Body.Variables) yield return v.VariableType;
            foreach (var op in m.Body.Instructions.Select(i => i.Operand))
            {
                if (op is TypeReference t) yield return t;
                else if (op is MemberReference member && member.DeclaringType is { } declaring) yield return declaring;
            }
        }
    }

    // A path from the folder back to itself, or null.
    private static List<string>? Cycle(Dictionary<string, HashSet<string>> graph, string start)
    {
        var path = new List<string> { start };
        return Walk(start) ? path : null;

        bool Walk(string folder)
        {
            foreach (var next in graph.GetValueOrDefault(folder) ?? [])
            {
                if (next == start) { path.Add(next); return true; }
                if (path.Contains(next)) continue;
                path.Add(next);
                if (Walk(next)) return true;
                path.RemoveAt(path.Count - 1);
            }
            return false;
        }
    }
}
