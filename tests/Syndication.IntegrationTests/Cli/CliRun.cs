using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Spectre.Console;
using Syndication.Cli;
using Syndication.Tests.Support;

namespace Syndication.Tests.Cli;

/// <summary>What one run of the command printed and returned.</summary>
public sealed record CliResult(int Exit, string Out, string Error)
{
    public JsonElement Json => JsonDocument.Parse(Out).RootElement;
}

/// <summary>
/// Runs the <c>syndication</c> command in this process, as a redirected console would (no colours, no progress bar),
/// against the test Azurite with this instance's own container and table names.
/// </summary>
public sealed class CliRun(AzuriteFixture azurite, IDictionary<string, string?>? settings = null)
{
    public string Id { get; } = Guid.NewGuid().ToString("N")[..12];

    public Dictionary<string, string?> Settings => new()
    {
        ["AzureWebJobsStorage"] = azurite.ConnectionString,
        ["Syndication:Storage:ArticlesContainer"] = $"articles-{Id}",
        ["Syndication:Storage:PublishedContainer"] = $"published-{Id}",
        ["Syndication:Storage:Table"] = $"articles{Id}",
        ["Syndication:Cli:MaxRetries"] = "0",
    };

    /// <summary>The library on the same storage, to see what a run did.</summary>
    public TestSite Site() => new(azurite, Settings);

    public async Task<CliResult> RunAsync(params string[] args)
    {
        var values = Settings;
        foreach (var (k, v) in settings ?? new Dictionary<string, string?>()) values[k] = v;
        var output = new StringWriter();
        var error = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        console.Profile.Width = 200;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var exit = await CliApp.RunAsync(args, new CliEnvironment(console, error, configuration));
        return new CliResult(exit, output.ToString(), error.ToString());
    }

    /// <summary>A folder of documents for one test, removed when the test's run is disposed of by the OS temp cleaner.</summary>
    public static string Folder(params (string Path, byte[] Bytes)[] files)
    {
        var folder = Directory.CreateTempSubdirectory("syndication-cli-").FullName;
        foreach (var (path, bytes) in files)
        {
            var full = Path.Combine(folder, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllBytes(full, bytes);
        }
        return folder;
    }

    public static byte[] Text(string text) => System.Text.Encoding.UTF8.GetBytes(text);
}
