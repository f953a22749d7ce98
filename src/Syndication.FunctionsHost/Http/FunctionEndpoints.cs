using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.Primitives;
using Syndication.FunctionsHost.Worker;

namespace Syndication.FunctionsHost.Http;

/// <summary>
/// One ASP.NET Core endpoint per HTTP-triggered function, from the worker's metadata: route
/// <c>{routePrefix}/{route ?? name}</c> (inline constraints apply), its methods, and the function it invokes.
/// Filled once, from the first worker's index; a restarted worker serves the same functions.
/// </summary>
public sealed class FunctionEndpoints : EndpointDataSource
{
    private readonly Lock gate = new();
    private CancellationTokenSource changed = new();
    private IReadOnlyList<Endpoint> endpoints = [];

    public override IReadOnlyList<Endpoint> Endpoints => endpoints;

    public bool Filled { get; private set; }

    // A token that has fired is never handed out again: routing re-reads the endpoints, then asks for a fresh one.
    public override IChangeToken GetChangeToken()
    {
        lock (gate) return new CancellationChangeToken(changed.Token);
    }

    /// <summary>Builds the endpoints for these functions, each handled by <paramref name="handler"/>.</summary>
    public void Fill(IEnumerable<FunctionInfo> functions, string routePrefix, Func<FunctionInfo, RequestDelegate> handler)
    {
        lock (gate)
        {
            if (!Filled) Build(functions, routePrefix, handler);
        }
    }

    private void Build(IEnumerable<FunctionInfo> functions, string routePrefix, Func<FunctionInfo, RequestDelegate> handler)
    {
        var list = new List<Endpoint>();
        foreach (var function in functions.Where(f => f.Is("httpTrigger")))
        {
            var route = function.TriggerProperty("route") ?? function.Name;
            var pattern = RoutePatternFactory.Parse(string.IsNullOrEmpty(routePrefix) ? route : $"{routePrefix.Trim('/')}/{route.TrimStart('/')}");
            var builder = new RouteEndpointBuilder(handler(function), pattern, 0) { DisplayName = $"Functions.{function.Name}" };
            var methods = (function.Trigger["methods"] as System.Text.Json.Nodes.JsonArray)?.Select(m => m!.ToString().ToUpperInvariant()).ToArray();
            if (methods is { Length: > 0 }) builder.Metadata.Add(new HttpMethodMetadata(methods));
            builder.Metadata.Add(function);
            list.Add(builder.Build());
        }
        endpoints = list;
        Filled = true;
        var fired = changed;
        changed = new CancellationTokenSource();
        fired.Cancel();
    }
}
