using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Syndication.Benchmarks;

/// <summary>What the Azurite harnesses share: services over given storage names, arguments, percentiles, a table printer.</summary>
internal static class Harness
{
    /// <summary>The library's services on the storage named by AzureWebJobsStorage, with the given table and containers.</summary>
    public static ServiceProvider Services(string? table = null, string? incoming = null, string? published = null, int? parallelism = null)
    {
        var overrides = new Dictionary<string, string?>();
        if (parallelism is not null) overrides["Syndication:ReconcileParallelism"] = parallelism.Value.ToString(CultureInfo.InvariantCulture);
        if (table is not null) overrides["Syndication:Storage:Table"] = table;
        if (incoming is not null) overrides["Syndication:Storage:ArticlesContainer"] = incoming;
        if (published is not null) overrides["Syndication:Storage:PublishedContainer"] = published;
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().AddInMemoryCollection(overrides).Build();
        if (string.IsNullOrEmpty(configuration["AzureWebJobsStorage"]))
            throw new InvalidOperationException("bench: set AzureWebJobsStorage to the Azurite connection string (bench/*.sh do)");
        return new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging().AddSyndication().BuildServiceProvider();
    }

    public static string Option(string[] args, string name, string fallback)
    {
        var i = Array.IndexOf(args, "--" + name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
    }

    public static int IntOption(string[] args, string name, int fallback) =>
        int.Parse(Option(args, name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);

    /// <summary>The p-th percentile (nearest rank) of the samples, in milliseconds.</summary>
    public static double Percentile(IReadOnlyList<double> samples, double p)
    {
        var sorted = samples.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];
    }

    public static string F(double value, string format = "0.0") => value.ToString(format, CultureInfo.InvariantCulture);

    /// <summary>A unique lower-case storage name with a prefix (tables: letters and digits only).</summary>
    public static string Name(string prefix) => prefix + Guid.NewGuid().ToString("N")[..10];

    /// <summary>Resident memory of a process in MiB (VmRSS from /proc), or null when it cannot be read.</summary>
    public static double? ResidentMiB(int pid)
    {
        var path = $"/proc/{pid}/status";
        if (!File.Exists(path)) return null;
        var line = File.ReadLines(path).FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return line is null ? null : double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
    }

    public static string Load() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";
}
