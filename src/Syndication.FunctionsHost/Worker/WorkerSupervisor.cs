using System.Collections.Concurrent;
using System.Diagnostics;
using Syndication.FunctionsHost.Settings;

namespace Syndication.FunctionsHost.Worker;

/// <summary>
/// Keeps one worker running, as the Functions host's worker process manager does: starts it, waits for its stream,
/// initializes it, and when it exits or its stream ends, starts a new one (after a short back-off), unless the host is
/// stopping: then the worker is told to stop, and none is started after it. Callers wait for the ready worker with
/// <see cref="ReadyAsync"/>.
/// </summary>
public sealed partial class WorkerSupervisor(HostSettings settings, ILogger<WorkerSupervisor> log, ILoggerFactory loggers, IHostApplicationLifetime lifetime)
    : BackgroundService
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly ConcurrentDictionary<string, WorkerChannel> expected = new();
    private TaskCompletionSource<WorkerChannel> ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private WorkerChannel? current;
    private Process? process;

    /// <summary>The running worker's process id, if one runs.</summary>
    public int? WorkerProcessId => process is { HasExited: false } p ? p.Id : null;

    /// <summary>How many workers were started (1 + restarts).</summary>
    public int Starts { get; private set; }

    /// <summary>The ready worker; waits for one while a worker is starting or restarting.</summary>
    public Task<WorkerChannel> ReadyAsync(CancellationToken ct) =>
        current is { Closed.IsCompleted: false } c ? Task.FromResult(c) : Volatile.Read(ref ready).Task.WaitAsync(ct);

    /// <summary>The ready worker, waiting at most <paramref name="timeout"/> (then <see cref="TimeoutException"/>).</summary>
    public Task<WorkerChannel> ReadyAsync(TimeSpan timeout, CancellationToken ct) => ReadyAsync(ct).WaitAsync(timeout, ct);

    /// <summary>The functions with this trigger type, as the first ready worker indexed them (a restart keeps them).</summary>
    public async Task<FunctionInfo[]> FunctionsAsync(string triggerType, CancellationToken ct) =>
        (await ReadyAsync(ct)).Functions.Values.Where(f => f.Is(triggerType)).ToArray();

    /// <summary>The channel of a worker this host started and has not yet seen connect; null for any other id.</summary>
    public WorkerChannel? Claim(string workerId) => expected.TryRemove(workerId, out var channel) ? channel : null;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Shutdown begins with the web server, which waits for open requests, the worker's stream among them: tell the
        // worker to stop first (WorkerTerminate), end its stream, and kill it if it has not exited after the grace period.
        // Ctrl-C reaches the worker too (one process group): a worker leaving now is the shutdown, not a crash to mend.
        lifetime.ApplicationStopping.Register(() => _ = StopWorkerAsync(TimeSpan.FromSeconds(2)));
        var failures = 0;
        while (!Stopping(stoppingToken))
        {
            var started = Stopwatch.GetTimestamp();
            var workerId = Guid.NewGuid().ToString();
            var channel = new WorkerChannel(workerId, loggers.CreateLogger("Host.Function"), loggers);
            expected[workerId] = channel;
            try
            {
                process = WorkerProcess.Start(settings.Root, settings.GrpcUri, workerId, Guid.NewGuid().ToString(), settings.Root.Values, loggers.CreateLogger("Host.Function.Console"));
                Starts++;
                using var startup = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                startup.CancelAfter(StartTimeout);
                var exited = process.WaitForExitAsync(stoppingToken);
                if (await Task.WhenAny(channel.Connected, exited, Task.Delay(Timeout.Infinite, startup.Token)) != channel.Connected)
                    throw new InvalidOperationException(process.HasExited ? $"the worker exited with {process.ExitCode} before connecting" : "the worker did not connect");
                await WorkerInitializer.InitializeAsync(channel, settings.Root, startup.Token);
                current = channel;
                Volatile.Read(ref ready).TrySetResult(channel);
                failures = 0;
                LogReady(workerId, process.Id, channel.Functions.Count, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                await Task.WhenAny(channel.Closed, exited);
                if (!Stopping(stoppingToken)) LogLost(workerId, process.HasExited ? process.ExitCode : null);
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                if (Stopping(stoppingToken)) break;
                failures++;
                LogFailed(e, workerId, failures);
            }
            finally
            {
                current = null;
                if (ready.Task.IsCompleted) Volatile.Write(ref ready, new(TaskCreationOptions.RunContinuationsAsynchronously));
                expected.TryRemove(workerId, out _);
                channel.Close();
                Kill();
            }
            if (!Stopping(stoppingToken))
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(100 * (1 << Math.Min(failures, 6)), 5000)), stoppingToken).ContinueWith(_ => { });
        }
    }

    private bool Stopping(CancellationToken stoppingToken) => stoppingToken.IsCancellationRequested || lifetime.ApplicationStopping.IsCancellationRequested;

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await StopWorkerAsync(TimeSpan.FromSeconds(2));
        await base.StopAsync(cancellationToken);
        Kill();
    }

    private async Task StopWorkerAsync(TimeSpan grace)
    {
        var (channel, p) = (current, process);
        if (channel is null || p is not { HasExited: false }) return;
        channel.Terminate(grace);
        await Task.WhenAny(p.WaitForExitAsync(), Task.Delay(grace));
        channel.Close();
        Kill();
    }

    private void Kill()
    {
        try
        {
            if (process is { HasExited: false } p) p.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
        }
        if (process is { HasExited: true } exited)
        {
            exited.Dispose();
            process = null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Worker {WorkerId} (process {ProcessId}) ready with {Functions} functions in {ElapsedMs:0} ms")]
    private partial void LogReady(string workerId, int processId, int functions, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Worker {WorkerId} went away (exit code {ExitCode}); starting a new one")]
    private partial void LogLost(string workerId, int? exitCode);

    [LoggerMessage(Level = LogLevel.Error, Message = "Worker {WorkerId} failed to start ({Failures} in a row); retrying")]
    private partial void LogFailed(Exception e, string workerId, int failures);
}
