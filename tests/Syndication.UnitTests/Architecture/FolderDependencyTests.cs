using Mono.Cecil;
using Mono.Cecil.Cil;
using Syndication.Feeds;
using Xunit.Abstractions;

namespace Syndication.Tests.Architecture;

/// <summary>
/// The library's concept folders (namespaces Syndication.Articles, .Feeds, .Storage, …) use each other only along the
/// edges in <see cref="Allowed"/>: read from the compiled IL (base types, attributes, fields, signatures, generic
/// arguments and method bodies), so no reference hides in a method or a type argument.
/// </summary>
public sealed class FolderDependencyTests(ITestOutputHelper output)
{
    private const string Root = "Syndication";

    /// <summary>Each concept folder and the folders it may use; an edge not listed here fails the test.</summary>
    internal static readonly Dictionary<string, string[]> Allowed = new(StringComparer.Ordinal)
    {
        ["Articles"] = [],
        ["Images"] = ["Articles"],
        ["Storage"] = ["Articles"],
        ["Security"] = ["Storage"], // the server key is kept in the store
        ["Feeds"] = ["Articles", "Storage", "Security"], // page cursors are signed with the server key
        // IndexPage lists stored articles directly rather than through the feed model: allowed, one step past Feeds.
        ["Pages"] = ["Articles", "Storage", "Feeds"],
        ["WebSub"] = ["Articles", "Storage", "Feeds"],
        ["Fediverse"] = ["Articles", "Storage", "Feeds"],
        ["Ingestion"] = ["Articles", "Images", "Storage", "Feeds", "WebSub", "Fediverse"],
        // The publish checks run the ingestor's own parsing, pairing and visibility rules before anything is uploaded.
        // check --for reads the platform rules from the profile rows (Feeds/FeedProfiles).
        ["Publishing"] = ["Articles", "Images", "Storage", "Feeds", "Ingestion"],
        ["Partners"] = ["Articles", "Storage", "Security", "Feeds"],
        ["Http"] = ["Articles", "Images", "Storage", "Security", "Feeds", "Pages", "WebSub", "Ingestion", "Publishing", "Partners", "Fediverse"],
    };

    [Fact]
    public void ConceptFoldersUseOnlyTheEdgesTheLayeringAllows()
    {
        var edges = Edges();
        foreach (var ((from, to), uses) in edges.OrderBy(e => e.Key.From, StringComparer.Ordinal).ThenBy(e => e.Key.To, StringComparer.Ordinal))
            output.WriteLine($"{from} -> {to}   ({uses.Count} uses, e.g. {uses.Order(StringComparer.Ordinal).First()})");

        var unknown = edges.Keys.SelectMany(e => new[] { e.From, e.To }).Distinct().Where(f => !Allowed.ContainsKey(f)).ToList();
        Assert.True(unknown.Count == 0, "folders missing from the allowed table: " + string.Join(", ", unknown));
        var broken = edges.Where(e => !Allowed[e.Key.From].Contains(e.Key.To))
            .Select(e => $"{e.Key.From} -> {e.Key.To}: {string.Join(", ", e.Value.Order(StringComparer.Ordinal))}").ToList();
        Assert.True(broken.Count == 0, "edges the layering does not allow:\n" + string.Join("\n", broken));
    }

    [Fact]
    public void TheAllowedEdgesHaveNoCycle()
    {
        var cycles = Allowed.Keys.Select(f => Cycle(f)).OfType<List<string>>().ToList();
        Assert.True(cycles.Count == 0, "folder cycle: " + string.Join("; ", cycles.Select(c => string.Join(" -> ", c))));
    }

    [Fact]
    public void TheFeedWritersAndTheModelTheyReachUseNoStorageNorHttp()
    {
        // The writers come from the format table, so a new row is checked without touching this test.
        var writers = FeedFormats.All.SelectMany(f => new[] { f.WriteItem.Method.DeclaringType, f.WriteFeed.Method.DeclaringType })
            .Append(typeof(OpmlWriter)).Append(typeof(SitemapWriter))
            .OfType<Type>().Select(Outermost).Select(t => t.FullName!).ToHashSet(StringComparer.Ordinal);
        Assert.True(writers.Count >= 5, "writers found: " + string.Join(", ", writers));

        // Each writer and every Feeds type it reaches, transitively: the model, the markup helpers, the buffers.
        var module = Module();
        var byName = module.Types.ToDictionary(t => t.FullName, StringComparer.Ordinal);
        var reached = new HashSet<string>(writers, StringComparer.Ordinal);
        var pending = new Queue<string>(writers);
        var offending = new List<string>();
        while (pending.TryDequeue(out var name))
        {
            foreach (var used in References(byName[name]).Select(Outermost).DistinctBy(t => t.FullName))
            {
                var folder = FolderOf(used);
                if (folder is "Storage" or "Http") offending.Add($"{name} uses {used.FullName}");
                if (folder == "Feeds" && reached.Add(used.FullName)) pending.Enqueue(used.FullName);
            }
        }
        output.WriteLine("checked: " + string.Join(", ", reached.Order(StringComparer.Ordinal)));
        Assert.True(offending.Count == 0, string.Join("\n", offending));
    }

    /// <summary>Each edge between two folders, and the uses that make it ("Syndication.Feeds.FeedService uses Syndication.Storage.ArticleStore").</summary>
    internal static Dictionary<(string From, string To), HashSet<string>> Edges()
    {
        var edges = new Dictionary<(string, string), HashSet<string>>();
        foreach (var type in Module().Types)
        {
            if (FolderOf(type) is not { } from) continue;
            foreach (var used in References(type).Select(Outermost))
            {
                if (FolderOf(used) is not { } to || to == from) continue;
                var uses = edges.TryGetValue((from, to), out var set) ? set : edges[(from, to)] = new HashSet<string>(StringComparer.Ordinal);
                uses.Add($"{type.FullName} uses {used.FullName}");
            }
        }
        return edges;
    }

    private static ModuleDefinition Module() => ModuleDefinition.ReadModule(typeof(Feed).Assembly.Location);

    private static TypeReference Outermost(TypeReference type)
    {
        while (type.DeclaringType is not null) type = type.DeclaringType;
        return type;
    }

    private static Type Outermost(Type type)
    {
        while (type.DeclaringType is not null) type = type.DeclaringType;
        return type;
    }

    // The concept folder of a named type ("Syndication.Articles.Html" is Articles); null outside them and for the root
    // namespace (the composition root and its shared helpers).
    private static string? FolderOf(TypeReference type)
    {
        var ns = Outermost(type).Namespace;
        if (!ns.StartsWith(Root + ".", StringComparison.Ordinal)) return null;
        return ns[(Root.Length + 1)..].Split('.')[0];
    }

    // Every named type a type uses, generic arguments and array elements unwrapped.
    private static IEnumerable<TypeReference> References(TypeDefinition type) => Declared(type).SelectMany(Named);

    private static IEnumerable<TypeReference> Declared(TypeDefinition type)
    {
        foreach (var nested in type.NestedTypes)
            foreach (var r in Declared(nested)) yield return r;
        foreach (var r in Attributes(type)) yield return r;
        foreach (var r in GenericParameters(type)) yield return r;
        if (type.BaseType is { } baseType) yield return baseType;
        foreach (var i in type.Interfaces) yield return i.InterfaceType;
        foreach (var f in type.Fields)
        {
            yield return f.FieldType;
            foreach (var r in Attributes(f)) yield return r;
        }
        foreach (var p in type.Properties)
        {
            yield return p.PropertyType;
            foreach (var r in Attributes(p)) yield return r;
        }
        foreach (var e in type.Events)
        {
            yield return e.EventType;
            foreach (var r in Attributes(e)) yield return r;
        }
        foreach (var m in type.Methods)
        {
            foreach (var r in Attributes(m)) yield return r;
            foreach (var r in Attributes(m.MethodReturnType)) yield return r;
            foreach (var r in GenericParameters(m)) yield return r;
            foreach (var r in Signature(m)) yield return r;
            foreach (var p in m.Parameters)
                foreach (var r in Attributes(p)) yield return r;
            if (!m.HasBody) continue;
            foreach (var v in m.Body.Variables) yield return v.VariableType;
            foreach (var h in m.Body.ExceptionHandlers)
                if (h.CatchType is { } caught) yield return caught;
            foreach (var op in m.Body.Instructions.Select(i => i.Operand))
            {
                switch (op)
                {
                    case TypeReference t: yield return t; break;
                    case MethodReference method:
                        foreach (var r in Signature(method)) yield return r;
                        if (method is GenericInstanceMethod generic) foreach (var a in generic.GenericArguments) yield return a;
                        break;
                    case FieldReference field: yield return field.DeclaringType; yield return field.FieldType; break;
                    case CallSite site:
                        yield return site.ReturnType;
                        foreach (var p in site.Parameters) yield return p.ParameterType;
                        break;
                }
            }
        }
    }

    private static IEnumerable<TypeReference> Signature(MethodReference method)
    {
        yield return method.DeclaringType;
        yield return method.ReturnType;
        foreach (var p in method.Parameters) yield return p.ParameterType;
    }

    private static IEnumerable<TypeReference> GenericParameters(IGenericParameterProvider provider) =>
        provider.GenericParameters.SelectMany(g => g.Constraints.Select(c => c.ConstraintType).Concat(Attributes(g)));

    // An attribute's type, and the types its arguments name (typeof(X) in [Attr(typeof(X))]).
    private static IEnumerable<TypeReference> Attributes(ICustomAttributeProvider provider)
    {
        if (!provider.HasCustomAttributes) yield break;
        foreach (var a in provider.CustomAttributes)
        {
            yield return a.AttributeType;
            foreach (var arg in a.ConstructorArguments.Concat(a.Properties.Select(p => p.Argument)).Concat(a.Fields.Select(f => f.Argument)))
            {
                yield return arg.Type;
                if (arg.Value is TypeReference named) yield return named;
            }
        }
    }

    // The named types inside a type: List<FeedKey>[] gives List`1 and FeedKey.
    private static IEnumerable<TypeReference> Named(TypeReference type)
    {
        switch (type)
        {
            case GenericInstanceType generic:
                foreach (var t in Named(generic.ElementType)) yield return t;
                foreach (var a in generic.GenericArguments)
                    foreach (var t in Named(a)) yield return t;
                break;
            case FunctionPointerType pointer:
                foreach (var t in Named(pointer.ReturnType)) yield return t;
                foreach (var p in pointer.Parameters)
                    foreach (var t in Named(p.ParameterType)) yield return t;
                break;
            case TypeSpecification spec: // arrays, by-ref, pointers, modifiers
                foreach (var t in Named(spec.ElementType)) yield return t;
                break;
            case GenericParameter:
                break;
            default:
                yield return type;
                break;
        }
    }

    // A path from the folder back to itself along allowed edges, or null.
    private static List<string>? Cycle(string start)
    {
        var path = new List<string> { start };
        return Walk(start) ? path : null;

        bool Walk(string folder)
        {
            foreach (var next in Allowed.GetValueOrDefault(folder) ?? [])
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
