using System.Diagnostics;
using Syndication.FunctionsHost.Settings;

namespace Syndication.FunctionsHost.Worker;

/// <summary>
/// Starts the worker as the Functions host does (RpcWorkerContext, DefaultWorkerProcessFactory): the command from
/// worker.config.json, the host's arguments (both the old and the <c>--functions-*</c> spellings), the app settings and
/// FUNCTIONS_* variables in its environment, the script root as its working directory. Its output goes to our log.
/// </summary>
public static partial class WorkerProcess
{
    public static Process Start(ScriptRoot root, Uri grpcUri, string workerId, string requestId, IReadOnlyDictionary<string, string> settings, ILogger log)
    {
        var start = new ProcessStartInfo(root.Executable)
        {
            WorkingDirectory = root.Path,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(root.Path, root.WorkerPath));
        string[] arguments =
        [
            "--host", grpcUri.Host, "--port", grpcUri.Port.ToString(), "--workerId", workerId, "--requestId", requestId,
            "--grpcMaxMessageLength", int.MaxValue.ToString(),
            "--functions-uri", grpcUri.ToString(), "--functions-worker-id", workerId, "--functions-request-id", requestId,
            "--functions-grpc-max-message-length", int.MaxValue.ToString(),
        ];
        foreach (var a in arguments) start.ArgumentList.Add(a);
        foreach (var (key, value) in settings)
            if (Environment.GetEnvironmentVariable(key) is null) start.Environment[key] = value;
        start.Environment["FUNCTIONS_WORKER_DIRECTORY"] = root.Path;
        start.Environment["FUNCTIONS_APPLICATION_DIRECTORY"] = root.Path;
        start.Environment["AzureWebJobsScriptRoot"] = root.Path;
        start.Environment["FUNCTIONS_WORKER_RUNTIME"] = "dotnet-isolated";
        start.Environment["FUNCTIONS_WORKER_RUNTIME_VERSION"] = Environment.Version.ToString(2);

        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {root.Executable}");
        process.OutputDataReceived += (_, e) => { if (e.Data is { Length: > 0 } line) LogOutput(log, workerId, line); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { Length: > 0 } line) LogError(log, workerId, line); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "worker {WorkerId}: {Line}")]
    private static partial void LogOutput(ILogger log, string workerId, string line);

    [LoggerMessage(Level = LogLevel.Warning, Message = "worker {WorkerId} (stderr): {Line}")]
    private static partial void LogError(ILogger log, string workerId, string line);
}
