using Syndication.Storage;
using Xunit.Abstractions;

namespace Syndication.Tests.Architecture;

/// <summary>
/// Each concept folder uses exactly the stores in <see cref="Allowed"/>: a store named for what it holds shows who
/// depends on what, so a use the table does not name fails, and so does a use the table names that is gone. Read from
/// the compiled IL as <see cref="FolderDependencyTests"/> reads it (the Storage folder itself is not checked).
/// </summary>
public sealed class StoreDependencyTests(ITestOutputHelper output)
{
    /// <summary>Each folder and the stores it uses (<see cref="StorageAccount"/>: creation and the health probe).</summary>
    internal static readonly Dictionary<string, Type[]> Allowed = new(StringComparer.Ordinal)
    {
        ["Articles"] = [],
        ["Images"] = [],
        ["Security"] = [],
        ["Feeds"] = [typeof(ArticleStore), typeof(ScheduleStore)], // timeline pages and bodies; withdrawn articles' tombstones
        ["Pages"] = [],
        ["WebSub"] = [typeof(ArticleStore)], // the feeds an article is in
        ["Fediverse"] = [typeof(ArticleStore), typeof(FollowerStore)], // outbox pages and delivered articles; followers, replays, claims
        ["Ingestion"] = [typeof(ArticleStore), typeof(IncomingStore), typeof(RejectionStore), typeof(ScheduleStore)],
        ["Publishing"] = [typeof(StorageAccount), typeof(IncomingStore), typeof(RejectionStore)],
        ["Partners"] = [typeof(PartnerStore)],
        ["Http"] = [typeof(StorageAccount), typeof(ArticleStore), typeof(RejectionStore), typeof(PartnerStore)],
    };

    /// <summary>The stores: every type of the Storage folder named "…Store", and the account they share.</summary>
    private static readonly HashSet<string> Stores = typeof(StorageAccount).Assembly.GetTypes()
        .Where(t => t.Namespace == typeof(StorageAccount).Namespace && t.DeclaringType is null
            && (t.Name.EndsWith("Store", StringComparison.Ordinal) || t == typeof(StorageAccount)))
        .Select(t => t.FullName!).ToHashSet(StringComparer.Ordinal);

    [Fact]
    public void EachFolderUsesExactlyTheStoresTheTableNames()
    {
        Assert.True(Stores.Count >= 6, "stores found: " + string.Join(", ", Stores));
        var used = Uses();
        foreach (var (folder, stores) in used.OrderBy(u => u.Key, StringComparer.Ordinal))
            output.WriteLine($"{folder} -> {string.Join(", ", stores.Keys.Order(StringComparer.Ordinal))}");

        var problems = new List<string>();
        problems.AddRange(used.Keys.Where(f => !Allowed.ContainsKey(f)).Select(f => $"{f} is missing from the store table"));
        foreach (var (folder, stores) in used.Where(u => Allowed.ContainsKey(u.Key)))
            problems.AddRange(stores.Where(s => !Allowed[folder].Any(t => t.FullName == s.Key))
                .Select(s => $"{folder} uses {s.Key}, which the table does not allow: {string.Join(", ", s.Value.Order(StringComparer.Ordinal))}"));
        foreach (var (folder, stores) in Allowed)
            problems.AddRange(stores.Where(t => !used.TryGetValue(folder, out var u) || !u.ContainsKey(t.FullName!))
                .Select(t => $"{folder} no longer uses {t.Name}: take it out of the table"));
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    // Folder -> store -> the uses behind it ("Syndication.Feeds.FeedService uses Syndication.Storage.ArticleStore").
    private static Dictionary<string, Dictionary<string, HashSet<string>>> Uses()
    {
        var uses = new Dictionary<string, Dictionary<string, HashSet<string>>>(StringComparer.Ordinal);
        foreach (var ((from, to), edges) in FolderDependencyTests.Edges())
        {
            if (to != "Storage") continue;
            foreach (var use in edges)
            {
                var store = use[(use.LastIndexOf(" uses ", StringComparison.Ordinal) + " uses ".Length)..];
                if (!Stores.Contains(store)) continue;
                var byStore = uses.TryGetValue(from, out var s) ? s : uses[from] = new(StringComparer.Ordinal);
                (byStore.TryGetValue(store, out var list) ? list : byStore[store] = new(StringComparer.Ordinal)).Add(use);
            }
        }
        return uses;
    }
}
