using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Syndication.Publishing;

namespace Syndication.LocalRunner;

/// <summary>The runner's command line: <c>serve</c> (default), <c>publish PATH…</c>, <c>unpublish SLUG…</c>.</summary>
internal static class RunnerCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        try
        {
            return await CommandAsync(args);
        }
        catch (OptionsValidationException e)
        {
            // A setting out of range stops every command before it serves or publishes; each failure names its setting.
            foreach (var failure in e.Failures) Console.Error.WriteLine(failure);
            return 2;
        }
    }

    private static async Task<int> CommandAsync(string[] args)
    {
        var verb = args.FirstOrDefault(a => !a.StartsWith('-')) ?? "serve";
        var rest = args.SkipWhile(a => a != verb).Skip(1).ToArray();
        switch (verb)
        {
            case "serve":
                await RunnerApp.Build(args.Where(a => a != "serve").ToArray()).RunAsync();
                return 0;
            // These take no options: one misread as a path or slug (--dry-run, say) must stop the run before it changes anything.
            case "publish" or "unpublish" when args.Where(a => a != verb).FirstOrDefault(a => a.StartsWith('-')) is { } option:
                Console.Error.WriteLine($"{verb}: unknown option '{option}'; the runner's {verb} takes none "
                    + "(dotnet syndication publish|unpublish --dry-run checks without changing anything)");
                return 2;
            case "publish" or "unpublish" when rest.Length > 0:
                await using (var services = RunnerApp.Services())
                {
                    var publisher = services.GetRequiredService<ArticlePublisher>();
                    foreach (var target in rest)
                    {
                        try
                        {
                            if (verb == "publish")
                                foreach (var slug in await publisher.PublishAsync(target)) Console.WriteLine($"published {slug}");
                            else
                            {
                                var removed = await publisher.UnpublishAsync(target);
                                Console.WriteLine($"unpublished {target} ({removed} {(removed == 1 ? "blob" : "blobs")} removed)");
                            }
                        }
                        catch (ArgumentException e)
                        {
                            Console.Error.WriteLine(e.Message);
                            return 2;
                        }
                    }
                }
                return 0;
            default:
                Console.Error.WriteLine("usage: Syndication.LocalRunner [serve] [--urls URL] | publish FILE-OR-FOLDER... | unpublish SLUG...");
                return 2;
        }
    }
}
