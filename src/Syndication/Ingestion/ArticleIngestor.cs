using System.Text.Json;
using Azure;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Syndication.Articles;
using Syndication.Fediverse;
using Syndication.Images;
using Syndication.Storage;
using Syndication.WebSub;

namespace Syndication.Ingestion;

/// <summary>
/// Turns what is in the incoming container into stored articles. Every entry point converges one slug on the
/// blobs present now (document + images), so upload order, repeats and concurrent triggers do not matter.
/// </summary>
public sealed partial class ArticleIngestor(ArticleStore store, IncomingStore incoming, RejectionStore rejections,
    ScheduleStore schedule, HubNotifier hub, Deliveries fediverse, IOptions<IngestionOptions> options, DecodeGate decodes,
    ILogger<ArticleIngestor> logger, TimeProvider time)
{
    /// <summary>At most this many images of one article are published (the check command says so too).</summary>
    public const int MaxImages = 20;
    // Every lost race means another writer made progress; 50 concurrent updates of one slug on a loaded machine
    // exhausted 8 attempts, so a writer keeps trying, backing off, for up to about 10 seconds.
    private const int MaxAttempts = 30;

    /// <summary>Ingests whatever the named incoming blob belongs to (a document or one of its images).</summary>
    public async Task<IngestOutcome> IngestBlobAsync(string blobName, CancellationToken ct = default)
    {
        var name = ArticleBlobName.Parse(blobName);
        if (name is null)
        {
            LogIgnored(blobName);
            return new IngestOutcome(null, IngestResult.Ignored, "not " + ArticleBlobName.Expected);
        }
        return await IngestSlugAsync(name.Slug, ct);
    }

    /// <summary>Brings the slug's article in line with its blobs: publish, update, delete or reject.</summary>
    public Task<IngestOutcome> IngestSlugAsync(string slug, CancellationToken ct = default) => IngestSlugAsync(slug, false, ct);

    /// <summary>
    /// As <see cref="IngestSlugAsync(string, CancellationToken)"/>; with <paramref name="repair"/>, republishes the body and
    /// images even when the sources did not change (for published blobs that storage lost).
    /// </summary>
    public Task<IngestOutcome> IngestSlugAsync(string slug, bool repair, CancellationToken ct = default) =>
        ConvergeWithRetriesAsync(slug, token => ReadStateAsync(slug, token), repair, ct);

    // The first attempt starts from what the caller knows (a reconcile pass starts from its listing); a retry reads it all.
    private async Task<IngestOutcome> ConvergeWithRetriesAsync(string slug, Func<CancellationToken, Task<SlugState>> firstLook,
        bool repair, CancellationToken ct)
    {
        using var activity = Telemetry.Source.StartActivity("ingest article");
        activity?.SetTag("article.slug", slug);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var state = attempt == 1 ? await firstLook(ct) : await ReadStateAsync(slug, ct);
                var outcome = await ConvergeAsync(state, repair, ct);
                activity?.SetTag("ingest.result", outcome.Result.ToString());
                activity?.SetTag("ingest.attempts", attempt);
                if (outcome.Result == IngestResult.Rejected)
                {
                    activity?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, outcome.Reason);
                    LogRejected(slug, outcome.Reason);
                }
                else LogOutcome(slug, outcome.Result);
                return outcome;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412 && attempt < MaxAttempts)
            {
                // Another ingestion of the same slug won the race: read again and converge on what is there now.
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(10, Math.Min(50 * attempt, 600))), ct);
            }
        }
    }
}
