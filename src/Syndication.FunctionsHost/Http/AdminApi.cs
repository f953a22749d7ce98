using System.Diagnostics;
using System.Text.Json.Nodes;
using Syndication.FunctionsHost.Settings;
using Syndication.FunctionsHost.Triggers;
using Syndication.FunctionsHost.Worker;

namespace Syndication.FunctionsHost.Http;

/// <summary>
/// The host's admin API, the part a local user needs: <c>GET /admin/host/ping</c> (anonymous), <c>GET
/// /admin/host/status</c>, and <c>POST /admin/functions/{name}</c> with <c>{"input": "..."}</c>, which runs a non-HTTP
/// function now (a timer; a queue trigger with that message; a blob trigger with the blob "container/name").
/// Status and invoke need the master key, as the real admin API does.
/// </summary>
public sealed class AdminApi(HostSettings settings, WorkerSupervisor supervisor, HostKeys keys, TimerTriggers timers, QueueTriggers queues, BlobTriggers blobs)
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/admin/host/ping", () => Results.Ok());
        app.MapGet("/admin/host/status", (HttpContext c, AdminApi api) => api.Status(c));
        app.MapPost("/admin/functions/{name}", (HttpContext c, string name, AdminApi api) => api.InvokeAsync(c, name));
    }

    private IResult Status(HttpContext context)
    {
        if (!keys.IsMaster(context.Request)) return HostKeys.AdminRefusal();
        var ready = supervisor.ReadyAsync(CancellationToken.None);
        return Results.Ok(new
        {
            id = settings.HostId,
            state = ready.IsCompletedSuccessfully ? "Running" : "Initialized",
            version = WorkerInitializer.HostVersion,
            processUptime = (long)(DateTime.Now - Process.GetCurrentProcess().StartTime).TotalMilliseconds,
            workerStarts = supervisor.Starts,
            workerProcessId = supervisor.WorkerProcessId,
            functions = ready.IsCompletedSuccessfully ? ready.Result.Functions.Keys.Order().ToArray() : [],
        });
    }

    private async Task<IResult> InvokeAsync(HttpContext context, string name)
    {
        if (!keys.IsMaster(context.Request)) return HostKeys.AdminRefusal();
        var worker = await supervisor.ReadyAsync(TimeSpan.FromSeconds(30), context.RequestAborted);
        if (!worker.Functions.TryGetValue(name, out var function)) return Results.NotFound();
        var body = context.Request.ContentLength is > 0 || context.Request.Headers.TransferEncoding.Count > 0
            ? await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted) : null;
        var input = body?["input"]?.ToString() ?? "";
        // The invocation runs on after the reply, as with the real admin API (202).
        if (function.Is("timerTrigger")) _ = timers.InvokeAsync(function, null, DateTime.UtcNow, t => t, WorkerChannel.HostApiReason, CancellationToken.None);
        else if (function.Is("queueTrigger")) _ = queues.InvokeAsync(function, null, input, CancellationToken.None);
        else if (function.Is("blobTrigger") && input.Split('/', 2) is [var container, var blob]) await blobs.EnqueueAsync(function, container, blob, null, context.RequestAborted);
        else if (function.Is("blobTrigger")) return Results.BadRequest(new { error = "input must be the blob as container/name" });
        return function.Is("httpTrigger") ? Results.BadRequest(new { error = "call an HTTP function at its route" }) : Results.Accepted();
    }
}
