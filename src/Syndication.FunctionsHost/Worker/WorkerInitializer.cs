using System.Text.Json.Nodes;
using Syndication.FunctionsHost.Rpc;
using Syndication.FunctionsHost.Settings;

namespace Syndication.FunctionsHost.Worker;

/// <summary>
/// What the host says to a new worker before any invocation (GrpcWorkerChannel): WorkerInitRequest, then the
/// function metadata (worker indexing, or functions.metadata when the worker declines), then one FunctionLoadRequest
/// per function with the metadata the host built and no raw bindings.
/// </summary>
public static class WorkerInitializer
{
    public const string HostVersion = "4.1037.0";

    public static async Task InitializeAsync(WorkerChannel channel, ScriptRoot root, CancellationToken ct)
    {
        var init = (await channel.RequestAsync("init", new StreamingMessage
        {
            WorkerInitRequest = new()
            {
                HostVersion = HostVersion,
                WorkerDirectory = root.Path,
                FunctionAppDirectory = root.Path,
                Capabilities = { ["MultiStream"] = "10" },
            },
        }, ct)).WorkerInitResponse;
        EnsureSuccess(init.Result, "worker init");
        if (init.Capabilities.TryGetValue("HttpUri", out var http)) channel.HttpUri = new Uri(http);

        var indexed = await IndexAsync(channel, root, ct);
        var loads = indexed.Select(async metadata =>
        {
            var load = metadata.Clone();
            load.RawBindings.Clear();
            load.Directory = root.Path;
            var reply = await channel.RequestAsync("load:" + metadata.FunctionId,
                new StreamingMessage { FunctionLoadRequest = new() { FunctionId = metadata.FunctionId, Metadata = load } }, ct);
            EnsureSuccess(reply.FunctionLoadResponse.Result, $"loading function {metadata.Name}");
            return new FunctionInfo(metadata);
        });
        channel.Functions = (await Task.WhenAll(loads)).ToDictionary(f => f.Name, StringComparer.OrdinalIgnoreCase);
    }

    private static async Task<IReadOnlyList<RpcFunctionMetadata>> IndexAsync(WorkerChannel channel, ScriptRoot root, CancellationToken ct)
    {
        if (root.WorkerIndexing)
        {
            var reply = (await channel.RequestAsync("metadata", new StreamingMessage
            {
                FunctionsMetadataRequest = new() { FunctionAppDirectory = root.Path },
            }, ct)).FunctionMetadataResponse;
            EnsureSuccess(reply.Result, "function indexing");
            if (!reply.UseDefaultMetadataIndexing) return reply.FunctionMetadataResults;
        }
        return FromMetadataFile(root);
    }

    /// <summary>functions.metadata, as the host reads it when the worker does not index its functions.</summary>
    public static IReadOnlyList<RpcFunctionMetadata> FromMetadataFile(ScriptRoot root)
    {
        var path = Path.Combine(root.Path, "functions.metadata");
        var list = JsonNode.Parse(File.ReadAllText(path)) as JsonArray ?? throw new InvalidOperationException($"{path} is not a JSON array");
        return list.OfType<JsonObject>().Select(f =>
        {
            var metadata = new RpcFunctionMetadata
            {
                Name = f["name"]!.ToString(),
                ScriptFile = f["scriptFile"]?.ToString() ?? "",
                EntryPoint = f["entryPoint"]?.ToString() ?? "",
                Language = f["language"]?.ToString() ?? "dotnet-isolated",
                FunctionId = Guid.NewGuid().ToString(),
            };
            foreach (var binding in (f["bindings"] as JsonArray ?? []).OfType<JsonObject>())
            {
                metadata.RawBindings.Add(binding.ToJsonString());
                metadata.Bindings[binding["name"]!.ToString()] = new BindingInfo
                {
                    Type = binding["type"]?.ToString() ?? "",
                    Direction = string.Equals(binding["direction"]?.ToString(), "out", StringComparison.OrdinalIgnoreCase)
                        ? BindingInfo.Types.Direction.Out : BindingInfo.Types.Direction.In,
                    DataType = Enum.TryParse<BindingInfo.Types.DataType>(binding["dataType"]?.ToString(), true, out var d) ? d : BindingInfo.Types.DataType.Undefined,
                };
            }
            return metadata;
        }).ToArray();
    }

    private static void EnsureSuccess(StatusResult? result, string what)
    {
        if (result?.Status != StatusResult.Types.Status.Success)
            throw new InvalidOperationException($"{what} failed: {result?.Exception?.Type} {result?.Exception?.Message}".Trim());
    }
}
