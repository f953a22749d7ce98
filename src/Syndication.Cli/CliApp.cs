using Microsoft.Extensions.DependencyInjection;
using Spectre.Console.Cli;
using Syndication.Cli.Commands;
using Syndication.Cli.Target;

namespace Syndication.Cli;

/// <summary>The <c>syndication</c> command line: check, publish, unpublish, rejections, feeds.</summary>
public static class CliApp
{
    /// <summary>Exit codes: 0 done, 1 something was rejected or not found, 2 bad usage, 3 storage or sign-in failed.</summary>
    public const int Rejected = 1, Usage = 2, Failed = 3;

    public static async Task<int> RunAsync(string[] args, CliEnvironment environment, CancellationToken ct = default)
    {
        var services = new ServiceCollection().AddSingleton(environment);
        var app = new CommandApp(new TypeRegistrar(services));
        app.Configure(config =>
        {
            config.SetApplicationName("syndication");
            // An unknown or misspelled option (--dryrun, --paralel) stops the run: ignored, it would publish or remove for real.
            config.UseStrictParsing();
            config.ConfigureConsole(environment.Console);
            config.AddCommand<CheckCommand>("check").WithDescription("What readers will see of each document, without touching storage")
                .WithExample("check", "samples/articles/harbour-reopens.md").WithExample("check", "--for", "msn", "samples/articles");
            config.AddCommand<PublishCommand>("publish").WithDescription("Publish documents and their image folders (--dry-run: check them only)")
                .WithExample("publish", "samples/articles").WithExample("publish", "archive/", "--account-name", "mynewsroom");
            config.AddCommand<UnpublishCommand>("unpublish").WithDescription("Remove articles (document and images); they leave every feed (--dry-run: name the blobs only)");
            config.AddCommand<RejectionsCommand>("rejections").WithDescription("Every blob that could not be published, and why");
            config.AddCommand<FeedsCommand>("feeds").WithDescription("The feed URLs: all articles, each category, tag and author");
            config.SetExceptionHandler((e, _) => Fail(e, environment, args));
        });
        return await app.RunAsync(args, ct);
    }

    // One line for any failure: what went wrong and, where we know it, what to do.
    private static int Fail(Exception e, CliEnvironment environment, string[] args)
    {
        if (e is CommandAppException)
        {
            var command = args.FirstOrDefault(a => !a.StartsWith('-')) is { } verb && e.Message.StartsWith("Unknown option", StringComparison.Ordinal)
                ? $"{verb}: {e.Message.TrimEnd('.')} ('syndication {verb} --help' lists its options)" : e.Message;
            environment.Error.WriteLine($"syndication: {command}");
            return Usage;
        }
        environment.Error.WriteLine($"syndication: {StorageErrors.Describe(e, environment.Target)}");
        return e is UsageException ? Usage : Failed;
    }
}

/// <summary>A mistake in how the command was called, said in one line.</summary>
public sealed class UsageException(string message) : Exception(message);
