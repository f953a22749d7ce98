using System.Diagnostics;
using Spectre.Console;
using Spectre.Console.Rendering;
using Syndication.Ingestion;
using Syndication.Publishing;

namespace Syndication.Cli.Output;

/// <summary>
/// Progress of a publish run: a Spectre.Console bar with the count and the time left on a terminal; on a pipe or in a
/// log, a plain line every 5% (or every 10 seconds) and a line for each rejection as it happens, never wrapped.
/// </summary>
internal sealed class PublishProgress(CliEnvironment environment, int total)
{
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly Lock gate = new();
    private int done;
    private int lastBucket;
    private TimeSpan lastLine;

    /// <summary>Runs <paramref name="work"/>, showing its progress as its documents are reported done.</summary>
    public async Task<T> RunAsync<T>(bool quiet, Func<IProgress<PublishedDocument>, Task<T>> work)
    {
        if (quiet) return await work(new Progress<PublishedDocument>(_ => { }));
        if (!environment.IsTerminal || total < 2) return await work(new Reporter(Plain));
        return await environment.Console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new CountColumn(),
                new ElapsedTimeColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("publishing", maxValue: total);
                return await work(new Reporter(_ => task.Increment(1)));
            });
    }

    private void Plain(PublishedDocument document)
    {
        lock (gate)
        {
            done++;
            if (document.Result == IngestResult.Rejected)
                environment.Out.WriteLine($"rejected {document.Path}: {document.Reason?.ReplaceLineEndings(" ")}");
            var bucket = done * 20 / total;
            if (bucket == lastBucket && clock.Elapsed - lastLine < TimeSpan.FromSeconds(10) && done != total) return;
            (lastBucket, lastLine) = (bucket, clock.Elapsed);
            var left = done == total ? "" : $", about {Seconds(clock.Elapsed * (total - done) / done)} left";
            environment.Out.WriteLine($"publishing {done:N0}/{total:N0} ({done * 100 / total}%), {Seconds(clock.Elapsed)} elapsed{left}");
        }
    }

    private static string Seconds(TimeSpan t) => t.TotalSeconds < 90 ? $"{t.TotalSeconds:0} s" : $"{(int)t.TotalMinutes} min {t.Seconds} s";

    // Reported synchronously on the publishing thread (Progress<T> would post to a context that a console app lacks).
    private sealed class Reporter(Action<PublishedDocument> report) : IProgress<PublishedDocument>
    {
        public void Report(PublishedDocument value) => report(value);
    }

    private sealed class CountColumn : ProgressColumn
    {
        public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime) =>
            new Text($"{task.Value:N0}/{task.MaxValue:N0}");
    }
}
