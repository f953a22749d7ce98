using System.Diagnostics;

namespace Syndication.Tests.Support;

/// <summary>
/// A Chromium binary (env CHROMIUM, else chromium on PATH; Debian's package) run headless as a separate process, each
/// run with a profile of its own so concurrent runs never share one.
/// </summary>
public static class Chromium
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    /// <summary>The binary, or null when this machine has none.</summary>
    public static string? Binary { get; } = Find();

    /// <summary>Loads the page once: saves a screenshot of the window as PNG and returns the DOM as Chromium serialized it after loading.</summary>
    public static Task<string> LoadAsync(Uri url, string screenshot, int width, int height) =>
        RunAsync(url, "--hide-scrollbars", $"--window-size={width},{height}", $"--screenshot={screenshot}", "--dump-dom");

    private static async Task<string> RunAsync(Uri url, params string[] command)
    {
        Assert.True(Binary is not null, "no Chromium: set CHROMIUM or install Debian's chromium (apt-get install chromium)");
        var profile = Directory.CreateTempSubdirectory("chromium-profile-");
        var start = new ProcessStartInfo(Binary!) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[]
        {
            "--headless", "--disable-gpu", "--no-sandbox", "--no-first-run", "--no-default-browser-check", "--disable-dev-shm-usage",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile.FullName,
        }.Concat(command).Append(url.AbsoluteUri)) start.ArgumentList.Add(a);
        try
        {
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(Timeout);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"chromium {string.Join(' ', command)} {url} still ran after {Timeout.TotalSeconds} s");
            }
            Assert.True(process.ExitCode == 0, $"chromium {string.Join(' ', command)} {url} exited with {process.ExitCode}: {await error}");
            return await output;
        }
        finally
        {
            profile.Delete(recursive: true);
        }
    }

    private static string? Find()
    {
        if (Environment.GetEnvironmentVariable("CHROMIUM") is { Length: > 0 } configured) return configured;
        return (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(d => new[] { Path.Combine(d, "chromium"), Path.Combine(d, "chromium-browser") })
            .FirstOrDefault(File.Exists);
    }
}

/// <summary>
/// A test that needs Chromium. Skipped, saying so, only on a machine that has none and is not CI; in CI (env CI set,
/// as <c>.ci/run</c> sets it, and installs chromium) it runs, and fails without one rather than pass unchecked.
/// </summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (Chromium.Binary is null && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")))
            Skip = "no Chromium on this machine (set CHROMIUM or apt-get install chromium): the browser check did not run; in CI it must";
    }
}
