using System.Text.Json.Nodes;
using Syndication.FunctionsHost.Rpc;

namespace Syndication.FunctionsHost.Worker;

/// <summary>One function as the worker indexed it: its id, name and trigger binding (the raw JSON of its metadata).</summary>
public sealed class FunctionInfo
{
    public FunctionInfo(RpcFunctionMetadata metadata)
    {
        Metadata = metadata;
        Bindings = metadata.RawBindings.Select(b => JsonNode.Parse(b) as JsonObject ?? []).ToArray();
        Trigger = Bindings.FirstOrDefault(b => TypeOf(b).EndsWith("Trigger", StringComparison.OrdinalIgnoreCase))
            ?? throw new InvalidOperationException($"function {metadata.Name} has no trigger binding");
    }

    public RpcFunctionMetadata Metadata { get; }
    public string Id => Metadata.FunctionId;
    public string Name => Metadata.Name;
    public IReadOnlyList<JsonObject> Bindings { get; }

    /// <summary>The trigger binding: httpTrigger, blobTrigger, timerTrigger, queueTrigger, ...</summary>
    public JsonObject Trigger { get; }

    public string TriggerType => TypeOf(Trigger);
    public string TriggerName => Trigger["name"]?.ToString() ?? "";

    /// <summary>A string property of the trigger binding (case-insensitive, as the host's binding metadata is).</summary>
    public string? TriggerProperty(string name) =>
        Trigger.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value?.ToString();

    public bool Is(string triggerType) => string.Equals(TriggerType, triggerType, StringComparison.OrdinalIgnoreCase);

    private static string TypeOf(JsonObject binding) => binding["type"]?.ToString() ?? "";
}
