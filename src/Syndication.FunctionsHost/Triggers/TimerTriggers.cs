using System.Text.Json;
using NCrontab;
using Syndication.FunctionsHost.Rpc;
using Syndication.FunctionsHost.Worker;

namespace Syndication.FunctionsHost.Triggers;

/// <summary>
/// Timer triggers: the schedule (six-field CRON with seconds, or a TimeSpan; <c>%Setting%</c> resolved) is followed in
/// UTC, one invocation at a time per function, with the TimerInfo JSON the worker's converter reads.
/// <c>runOnStartup</c> runs it once at start.
/// </summary>
public sealed partial class TimerTriggers(StorageAccount storage, WorkerSupervisor supervisor, ILogger<TimerTriggers> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var functions = await supervisor.FunctionsAsync("timerTrigger", stoppingToken);
        await Task.WhenAll(functions.Select(f => RunScheduleAsync(f, stoppingToken)));
    }

    private async Task RunScheduleAsync(FunctionInfo function, CancellationToken ct)
    {
        var expression = storage.Resolve(function.TriggerProperty("schedule") ?? "");
        Func<DateTime, DateTime> next = TimeSpan.TryParse(expression, out var every) && !expression.Contains(' ')
            ? last => last + every
            : CrontabSchedule.Parse(expression, new CrontabSchedule.ParseOptions { IncludingSeconds = expression.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length == 6 }).GetNextOccurrence;
        LogScheduled(function.Name, expression, next(DateTime.UtcNow));
        DateTime? last = null;
        if (string.Equals(function.TriggerProperty("runOnStartup"), "true", StringComparison.OrdinalIgnoreCase))
            last = await InvokeAsync(function, null, DateTime.UtcNow, next, "Timer fired at startup", ct);
        while (!ct.IsCancellationRequested)
        {
            var due = next(DateTime.UtcNow);
            var wait = due - DateTime.UtcNow;
            if (wait > TimeSpan.Zero) await Task.Delay(wait, ct).ContinueWith(_ => { });
            if (ct.IsCancellationRequested) break;
            last = await InvokeAsync(function, last, due, next, $"Timer fired at {DateTime.UtcNow:O}", ct);
        }
    }

    /// <summary>Invokes a timer function now (the schedule, or the admin API); returns when it ran.</summary>
    public async Task<DateTime> InvokeAsync(FunctionInfo function, DateTime? last, DateTime due, Func<DateTime, DateTime> next, string reason, CancellationToken ct)
    {
        var now = DateTime.UtcNow;
        var request = new InvocationRequest { InvocationId = Guid.NewGuid().ToString() };
        var info = new
        {
            Schedule = new { AdjustForDST = true },
            ScheduleStatus = new { Last = last ?? DateTime.MinValue, Next = next(due), LastUpdated = now },
            IsPastDue = now - due > TimeSpan.FromSeconds(1),
        };
        request.InputData.Add(new ParameterBinding { Name = function.TriggerName, Data = new TypedData { Json = JsonSerializer.Serialize(info) } });
        try
        {
            var worker = await supervisor.ReadyAsync(ct);
            await worker.InvokeAsync(function, request, reason, ct);
        }
        catch (Exception e) when (e is WorkerUnavailableException || (e is OperationCanceledException && !ct.IsCancellationRequested))
        {
            LogMissed(function.Name, e.Message);
        }
        return now;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Timer trigger {Function} on schedule '{Schedule}'; next at {Next:O}")]
    private partial void LogScheduled(string function, string schedule, DateTime next);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Timer trigger {Function} missed a run: {Error}")]
    private partial void LogMissed(string function, string error);
}
