using System.Collections.Concurrent;
using System.Diagnostics;
using System.Threading.Channels;
using Grpc.Core;
using Syndication.FunctionsHost.Rpc;

namespace Syndication.FunctionsHost.Worker;

/// <summary>
/// One worker's EventStream: messages to the worker go through one queue (a gRPC stream has one writer at a time),
/// replies are matched to their requests (init, metadata, each load, each invocation), and the worker's logs go to ours.
/// When the stream ends, every request still waiting fails with <see cref="WorkerUnavailableException"/>.
/// </summary>
public sealed partial class WorkerChannel(string workerId, ILogger log, ILoggerFactory loggers)
{
    // Every message in and out at Debug (Logging__LogLevel__Host.Rpc=Debug), to trace a request through the protocol.
    private readonly ILogger trace = loggers.CreateLogger("Host.Rpc");
    private readonly Channel<StreamingMessage> outbound = Channel.CreateUnbounded<StreamingMessage>(new() { SingleReader = true });
    private readonly ConcurrentDictionary<string, TaskCompletionSource<StreamingMessage>> pending = new();
    private readonly TaskCompletionSource connected = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource ending = new();

    /// <summary>The reason the host logs for an invocation it was asked for (HTTP requests, the admin API).</summary>
    public const string HostApiReason = "This function was programmatically called via the host APIs.";

    public string WorkerId { get; } = workerId;

    /// <summary>The worker opened its stream and said StartStream.</summary>
    public Task Connected => connected.Task;

    /// <summary>The stream ended (the worker exited, crashed or was told to stop).</summary>
    public Task Closed => closed.Task;

    /// <summary>The worker's ASP.NET Core address for HTTP triggers (its <c>HttpUri</c> capability).</summary>
    public Uri? HttpUri { get; internal set; }

    /// <summary>The functions the worker indexed and loaded, by name.</summary>
    public IReadOnlyDictionary<string, FunctionInfo> Functions { get; internal set; } = new Dictionary<string, FunctionInfo>();

    /// <summary>Serves the stream until it ends: the gRPC service hands it over after StartStream.</summary>
    public async Task RunAsync(IAsyncStreamReader<StreamingMessage> reader, IServerStreamWriter<StreamingMessage> writer, CancellationToken ct)
    {
        connected.TrySetResult();
        // The stream ends when the worker hangs up or when we close the channel (shutdown, restart).
        using var stream = CancellationTokenSource.CreateLinkedTokenSource(ct, ending.Token);
        var writing = WriteAllAsync(writer, stream.Token);
        try
        {
            await foreach (var message in reader.ReadAllAsync(stream.Token))
            {
                if (trace.IsEnabled(LogLevel.Debug)) LogMessage("worker -> host", message.ContentCase.ToString(), message.ToString());
                Dispatch(message);
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or Grpc.Core.RpcException or InvalidOperationException)
        {
        }
        finally
        {
            Close();
            await writing;
        }
    }

    /// <summary>Sends a request and waits for the reply with the same key.</summary>
    public async Task<StreamingMessage> RequestAsync(string key, StreamingMessage message, CancellationToken ct)
    {
        var reply = new TaskCompletionSource<StreamingMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!pending.TryAdd(key, reply)) throw new InvalidOperationException($"a request {key} is already waiting");
        try
        {
            if (closed.Task.IsCompleted || !outbound.Writer.TryWrite(message)) throw new WorkerUnavailableException(WorkerId);
            return await reply.Task.WaitAsync(ct);
        }
        finally
        {
            pending.TryRemove(key, out _);
        }
    }

    /// <summary>Runs one invocation and logs it as the Functions host does ("Executing ...", "Executed ...").</summary>
    public async Task<InvocationResponse> InvokeAsync(FunctionInfo function, InvocationRequest request, string reason, CancellationToken ct)
    {
        request.FunctionId = function.Id;
        // The worker reads the trace context of every invocation (it is never absent from the host's requests).
        request.TraceContext ??= new RpcTraceContext
        {
            TraceParent = Activity.Current?.Id ?? $"00-{ActivityTraceId.CreateRandom()}-{ActivitySpanId.CreateRandom()}-00",
            TraceState = Activity.Current?.TraceStateString ?? "",
        };
        var started = Stopwatch.GetTimestamp();
        LogExecuting(log, function.Name, reason, request.InvocationId);
        using var cancel = ct.Register(() => outbound.Writer.TryWrite(new StreamingMessage { InvocationCancel = new() { InvocationId = request.InvocationId } }));
        try
        {
            var reply = await RequestAsync("i:" + request.InvocationId, new StreamingMessage { InvocationRequest = request }, ct);
            var response = reply.InvocationResponse;
            var ok = response.Result?.Status == StatusResult.Types.Status.Success;
            LogExecuted(log, function.Name, ok ? "Succeeded" : "Failed", request.InvocationId, Stopwatch.GetElapsedTime(started).TotalMilliseconds,
                ok ? "" : Describe(response.Result?.Exception));
            return response;
        }
        catch (Exception e)
        {
            LogExecuted(log, function.Name, "Failed", request.InvocationId, Stopwatch.GetElapsedTime(started).TotalMilliseconds, e.Message);
            throw;
        }
    }

    private static string Describe(Rpc.RpcException? e) =>
        e is null ? "" : $"{e.Type}: {e.Message}{Environment.NewLine}{string.Join(Environment.NewLine, e.StackTrace.Split('\n').Take(8))}";

    /// <summary>Asks the worker to stop (WorkerTerminate), as the host does on shutdown.</summary>
    public void Terminate(TimeSpan grace) =>
        outbound.Writer.TryWrite(new StreamingMessage { WorkerTerminate = new() { GracePeriod = Google.Protobuf.WellKnownTypes.Duration.FromTimeSpan(grace) } });

    /// <summary>Ends the channel: every request still waiting fails.</summary>
    public void Close()
    {
        closed.TrySetResult();
        try
        {
            ending.Cancel();
        }
        catch (ObjectDisposedException)
        {
        }
        outbound.Writer.TryComplete();
        foreach (var (_, reply) in pending) reply.TrySetException(new WorkerUnavailableException(WorkerId));
    }

    private async Task WriteAllAsync(IServerStreamWriter<StreamingMessage> writer, CancellationToken ct)
    {
        try
        {
            await foreach (var message in outbound.Reader.ReadAllAsync(ct))
            {
                if (trace.IsEnabled(LogLevel.Debug)) LogMessage("host -> worker", message.ContentCase.ToString(), message.ToString());
                await writer.WriteAsync(message, ct);
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or Grpc.Core.RpcException or InvalidOperationException)
        {
            Close();
        }
    }

    private void Dispatch(StreamingMessage message)
    {
        var key = message.ContentCase switch
        {
            StreamingMessage.ContentOneofCase.WorkerInitResponse => "init",
            StreamingMessage.ContentOneofCase.FunctionMetadataResponse => "metadata",
            StreamingMessage.ContentOneofCase.FunctionLoadResponse => "load:" + message.FunctionLoadResponse.FunctionId,
            StreamingMessage.ContentOneofCase.InvocationResponse => "i:" + message.InvocationResponse.InvocationId,
            StreamingMessage.ContentOneofCase.WorkerStatusResponse => "status",
            _ => null,
        };
        if (message.ContentCase == StreamingMessage.ContentOneofCase.RpcLog) WorkerLog(message.RpcLog);
        else if (key is not null && pending.TryGetValue(key, out var reply)) reply.TrySetResult(message);
    }

    private void WorkerLog(RpcLog rpc)
    {
        var level = rpc.Level switch
        {
            RpcLog.Types.Level.Trace => LogLevel.Trace,
            RpcLog.Types.Level.Debug => LogLevel.Debug,
            RpcLog.Types.Level.Information => LogLevel.Information,
            RpcLog.Types.Level.Warning => LogLevel.Warning,
            RpcLog.Types.Level.Error => LogLevel.Error,
            RpcLog.Types.Level.Critical => LogLevel.Critical,
            _ => LogLevel.None,
        };
        var logger = loggers.CreateLogger(string.IsNullOrEmpty(rpc.Category) ? "Worker" : rpc.Category);
        if (!logger.IsEnabled(level)) return;
        LogFromWorker(logger, level, rpc.Message, rpc.Exception is { } x ? $" {x.Type}: {x.Message}" : "");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Executing 'Functions.{Function}' (Reason='{Reason}', Id={InvocationId})")]
    private static partial void LogExecuting(ILogger logger, string function, string reason, string invocationId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Executed 'Functions.{Function}' ({Result}, Id={InvocationId}, Duration={DurationMs:0}ms) {Error}")]
    private static partial void LogExecuted(ILogger logger, string function, string result, string invocationId, double durationMs, string error);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Direction} {Kind} {Json}")]
    private static partial void LogMessageCore(ILogger logger, string direction, string kind, string json);

    private void LogMessage(string direction, string kind, string json) =>
        LogMessageCore(trace, direction, kind, json.Length > 2000 ? json[..2000] + "…" : json);

    [LoggerMessage(Message = "{Message}{Exception}")]
    private static partial void LogFromWorker(ILogger logger, LogLevel level, string message, string exception);
}

/// <summary>The worker is not there (exited, restarting, or its stream ended) for a request that needed it.</summary>
public sealed class WorkerUnavailableException(string workerId) : Exception($"worker {workerId} is not available");
