using System.Diagnostics;

namespace Syndication.Tests.Support;

/// <summary>What the tests' child processes (our Functions host, the local runner) have in common.</summary>
internal static class ChildProcesses
{
    /// <summary>Stops the process and everything it started (at most 5 s to exit), then lets it go.</summary>
    public static ValueTask StopAsync(Process process)
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(5000);
        }
        process.Dispose();
        return ValueTask.CompletedTask;
    }
}
