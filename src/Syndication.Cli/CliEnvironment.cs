using Microsoft.Extensions.Configuration;
using Spectre.Console;

namespace Syndication.Cli;

/// <summary>
/// Where a run of the command writes (its console, its error stream) and what it reads its defaults from
/// (environment variables such as <c>AzureWebJobsStorage</c>); tests give their own.
/// </summary>
public sealed class CliEnvironment(IAnsiConsole console, TextWriter error, IConfiguration configuration)
{
    public IAnsiConsole Console { get; } = console;
    /// <summary>Error lines: one per failure, never a stack trace.</summary>
    public TextWriter Error { get; } = error;
    public IConfiguration Configuration { get; } = configuration;
    /// <summary>The target of the running command, named in error lines.</summary>
    internal Target.StorageTarget? Target { get; set; }

    /// <summary>Opens the storage the options name; error lines from then on name it.</summary>
    internal Target.StorageTarget Open(Commands.TargetSettings settings) => Target = Cli.Target.StorageTarget.From(settings, Configuration);

    /// <summary>Progress bars only on a terminal that takes them; plain lines when redirected or in a log.</summary>
    public bool IsTerminal => Console.Profile.Capabilities is { Interactive: true, Ansi: true };

    /// <summary>The process's own console and environment variables.</summary>
    public static CliEnvironment FromProcess()
    {
        var console = AnsiConsole.Console;
        if (System.Console.IsOutputRedirected) console.Profile.Width = 160;
        return new CliEnvironment(console, System.Console.Error, new ConfigurationBuilder().AddEnvironmentVariables().Build());
    }

    /// <summary>The raw writer for JSON and other text that must not be wrapped or styled.</summary>
    public TextWriter Out => Console.Profile.Out.Writer;
}
