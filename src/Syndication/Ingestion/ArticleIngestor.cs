using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Azure;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Syndication.Articles;
using Syndication.Images;
using Syndication.Storage;
using Syndication.WebSub;

namespace Syndication.Ingestion;

/// <summary>
/// Turns what is in the incoming container into stored articles. Every entry point converges one slug on the
/// blobs present now (document + images), so upload order, repeats and concurrent triggers do not matter.
/// </summary>
public sealed partial class ArticleIngestor(ArticleStore store, HubNotifier hub, IOptions<IngestionOptions> options,
    ILogger<ArticleIngestor> logger, TimeProvider time)
{
    /// <summary>Bump when parsing changes what readers see, so reconciliation re-ingests everything.</summary>
    private const string ParserVersion = "1";
    private const int MaxImages = 20;
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
    public Task<IngestOutcome> IngestSlugAsync(string slug, CancellationToken ct = default) => IngestSlugAsync(slug, null, false, ct);

    /// <summary>
    /// As <see cref="IngestSlugAsync(string, CancellationToken)"/>; with <paramref name="repair"/>, republishes the body and
    /// images even when the sources did not change (for published blobs that storage lost).
    /// </summary>
    public Task<IngestOutcome> IngestSlugAsync(string slug, bool repair, CancellationToken ct = default) => IngestSlugAsync(slug, null, repair, ct);

    // With what a reconcile pass listed, the first attempt skips the reads it already made; a retry reads everything.
    private async Task<IngestOutcome> IngestSlugAsync(string slug, Listed? listed, bool repair, CancellationToken ct)
    {
        using var activity = Telemetry.Source.StartActivity("ingest article");
        activity?.SetTag("article.slug", slug);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var outcome = await ConvergeAsync(slug, attempt == 1 ? listed : null, repair, ct);
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

    private async Task<IngestOutcome> ConvergeAsync(string slug, Listed? listed, bool repair, CancellationToken ct)
    {
        // A slug the listing had no row for is saved with an insert, which fails (409, then a full retry) if one appeared.
        var existing = listed is { Stored: false } ? null : await store.ArticleBySlugAsync(slug, ct);
        var sources = listed is null ? await SourcesAsync(slug, ct) : SourcesOf(slug, listed.Blobs);
        if (sources.Document is null)
        {
            if (existing is not { } gone) return new IngestOutcome(slug, IngestResult.Ignored, "no document for this slug");
            await store.DeleteArticleAsync(gone.Article, gone.ETag, ct);
            await RemovePublishedAsync(gone.Article, null, ct);
            await store.PruneNamesAsync(gone.Article, null, ct);
            await hub.FeedsChangedAsync(gone.Article, null, ct);
            return new IngestOutcome(slug, IngestResult.Deleted);
        }

        var signature = Signature(sources.Document, sources.Images);
        if (existing?.Article.SourceSignature == signature && !repair) return new IngestOutcome(slug, IngestResult.Unchanged);

        var document = sources.Document;
        var max = options.Value.MaxDocumentBytes;
        if (document.Length > max)
        {
            // Rejected from the listing, so an enormous blob is never downloaded.
            await store.RecordRejectionAsync(document.Name, DocumentParser.OverLimit(document.Length, max), signature, time.GetUtcNow(), ct);
            return new IngestOutcome(slug, IngestResult.Rejected, DocumentParser.OverLimit(document.Length, max));
        }
        var download = await store.DownloadIncomingAsync(document.Name, ct);
        if (download is not { } doc) return new IngestOutcome(slug, IngestResult.Ignored, "the document vanished while reading");
        ParsedArticle parsed;
        try
        {
            var format = DocumentFormat.FromExtension(Path.GetExtension(document.Name).TrimStart('.'))!;
            parsed = DocumentParser.Parse(format, doc.Content.ToMemory().Span, max);
        }
        catch (Exception e) when (e is not (OperationCanceledException or OutOfMemoryException))
        {
            // A document no parser could read, or one that made a parser fail (our bug): recorded either way, so a
            // person finds it and other articles go on.
            var reason = Unreadable("document", e);
            await store.RecordRejectionAsync(document.Name, reason, signature, time.GetUtcNow(), ct);
            return new IngestOutcome(slug, IngestResult.Rejected, reason);
        }

        var images = await PublishImagesAsync(slug, parsed.Images, sources.Images, repair ? null : existing?.Article, listed, ct);
        var article = Compose(slug, parsed, images, document, doc.Metadata, doc.ETag, signature, existing?.Article);
        // Written on every re-ingestion, not only when the content changed: the name is content-addressed, so this
        // is idempotent, and it restores a body that storage lost.
        await store.WriteBodyAsync(article.BodyBlob, parsed.BodyHtml, ct);
        try
        {
            await store.SaveArticleAsync(article, existing?.Article, existing?.ETag, ct);
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            // If the row holds exactly this save, its reply was lost and the retry found it written (or an identical
            // save won): it is saved either way, and what follows a save must still happen. Otherwise another
            // writer won the race, and the caller converges again.
            if (!await LandedAsync(article, ct)) throw;
        }
        if (listed?.MayBeRejected(document.Name) != false) await store.ClearRejectionAsync(document.Name, ct);
        if (existing is { } old)
        {
            await RemovePublishedAsync(old.Article, article, ct);
            await store.PruneNamesAsync(old.Article, article, ct);
        }
        if (existing?.Article.ContentHash != article.ContentHash) await hub.FeedsChangedAsync(existing?.Article, article, ct);
        return new IngestOutcome(slug, existing is null ? IngestResult.Published
            : existing.Value.Article.ContentHash == article.ContentHash ? IngestResult.Unchanged : IngestResult.Updated);
    }

    private async Task<bool> LandedAsync(StoredArticle article, CancellationToken ct) =>
        await store.ArticleBySlugAsync(article.Slug, ct) is { } now && now.Article.SourceSignature == article.SourceSignature
            && now.Article.ContentHash == article.ContentHash && now.Article.BodyBlob == article.BodyBlob;

    // The reason a person reads: the parser's own words, or, for an exception no parser should throw, what it was.
    private string Unreadable(string what, Exception e)
    {
        if (e is ArticleRejectedException) return e.Message;
        LogParserFailed(what, e);
        return $"{what}: could not be read ({e.GetType().Name}: {e.Message.Split('\n')[0]}); this is a fault in Syndication, please report it";
    }

    private StoredArticle Compose(string slug, ParsedArticle parsed, List<StoredImage> images, SourceBlob document,
        IDictionary<string, string> metadata, string etag, string signature, StoredArticle? previous)
    {
        var now = time.GetUtcNow();
        var published = Plausible(MetadataDate(metadata, "published"), now) ?? Plausible(parsed.Published, now) ?? document.CreatedOn;
        var contentHash = Hash(JsonSerializer.Serialize(new { parsed, images, published }));
        var declaredUpdated = Plausible(MetadataDate(metadata, "updated"), now) ?? Plausible(parsed.Updated, now);
        var updated = Max(published, declaredUpdated ?? published);
        if (previous is not null && previous.ContentHash != contentHash && declaredUpdated is null)
            updated = Max(updated, document.LastModified);
        else if (previous is not null && previous.ContentHash == contentHash)
            updated = previous.Updated;
        return new StoredArticle
        {
            Id = StableId.For(slug),
            Slug = slug,
            Title = parsed.Title,
            Summary = parsed.Summary is null ? null : CleanText.Line(parsed.Summary, 1000),
            Authors = parsed.Authors,
            Categories = parsed.Categories,
            Tags = parsed.Tags,
            Published = published,
            Updated = updated,
            Images = images,
            Language = CleanText.LanguageTag(parsed.Language),
            BodyBlob = $"bodies/{slug}/{contentHash}.html",
            SourceBlob = document.Name,
            SourceETag = etag,
            SourceSignature = signature,
            ContentHash = contentHash,
        };
    }

    // Inspects and publishes each image blob (reusing what is known when its ETag is unchanged); an image that is
    // not a real web image is recorded as rejected and left out, the article still published.
    private async Task<List<StoredImage>> PublishImagesAsync(string slug, IReadOnlyList<ImageDescription> descriptions,
        IReadOnlyList<SourceBlob> blobs, StoredArticle? previous, Listed? listed, CancellationToken ct)
    {
        var byFile = blobs.ToDictionary(b => b.Name[(slug.Length + 1)..], StringComparer.Ordinal);
        var images = new List<StoredImage>();
        var pairs = ImagePairing.Pair(descriptions, byFile.Keys.ToList());
        foreach (var (file, description) in pairs.Take(MaxImages))
        {
            var blob = byFile[file];
            var known = previous?.Images.FirstOrDefault(i => i.File == file && i.SourceETag == blob.ETag);
            var info = known is null ? await InspectAndPublishAsync(slug, file, blob, listed, ct) : (known.ContentType, known.Width, known.Height, known.Length);
            if (info is not var (type, width, height, length)) continue;
            images.Add(new StoredImage(file, blob.ETag, length, type, width, height,
                description?.Caption, description?.Credit, description?.Alt));
        }
        // Images the document references by URL and nobody uploaded: kept as links (we fetch nothing).
        var paired = pairs.Select(p => p.Description).OfType<ImageDescription>().ToHashSet();
        foreach (var d in descriptions.Where(d => d.Url is not null && !paired.Contains(d)).Take(MaxImages - images.Count))
            images.Add(new StoredImage(d.File ?? "", "", 0, "", 0, 0, d.Caption, d.Credit, d.Alt, d.Url));
        return images;
    }

    private async Task<(string, int, int, long)?> InspectAndPublishAsync(string slug, string file, SourceBlob blob, Listed? listed, CancellationToken ct)
    {
        if (blob.Length > options.Value.MaxImageBytes)
        {
            var reason = $"image: {blob.Length} bytes is over the {options.Value.MaxImageBytes}-byte limit";
            await store.RecordRejectionAsync(blob.Name, reason, blob.ETag, time.GetUtcNow(), ct);
            LogImageRejected(blob.Name, reason);
            return null;
        }
        var download = await store.DownloadIncomingAsync(blob.Name, ct);
        if (download is not { } image) return null;
        ImageInfo info;
        try
        {
            info = ImageInspector.Inspect(image.Content.ToStream());
        }
        catch (Exception e) when (e is not (OperationCanceledException or OutOfMemoryException))
        {
            // Only the reading of the bytes: a storage error below is retried, never recorded as a bad image.
            var reason = Unreadable("image", e);
            await store.RecordRejectionAsync(blob.Name, reason, blob.ETag, time.GetUtcNow(), ct);
            LogImageRejected(blob.Name, reason);
            return null;
        }
        await store.WriteImageAsync(slug, file, image.Content, info.ContentType, ct);
        if (listed?.MayBeRejected(blob.Name) != false) await store.ClearRejectionAsync(blob.Name, ct);
        return (info.ContentType, info.Width, info.Height, image.Content.ToMemory().Length);
    }

    // After a commit: the old body and images no longer named by the current article go.
    private async Task RemovePublishedAsync(StoredArticle old, StoredArticle? current, CancellationToken ct)
    {
        if (old.BodyBlob != current?.BodyBlob) await store.DeletePublishedAsync(old.BodyBlob, ct);
        foreach (var image in old.Images.Where(i => i.IsLocal))
            if (current?.Images.Any(i => i.IsLocal && i.File == image.File) != true)
                await store.DeletePublishedAsync(ArticleStore.ImageBlob(old.Slug, image.File), ct);
    }

    private async Task<(SourceBlob? Document, List<SourceBlob> Images)> SourcesAsync(string slug, CancellationToken ct)
    {
        var blobs = await store.IncomingBlobsAsync(slug, ct);
        return SourcesOf(slug, blobs);
    }

    private static (SourceBlob? Document, List<SourceBlob> Images) SourcesOf(string slug, IEnumerable<SourceBlob> blobs)
    {
        SourceBlob? document = null;
        var images = new List<SourceBlob>();
        foreach (var blob in blobs)
        {
            if (ArticleBlobName.Parse(blob.Name) is not { } name || name.Slug != slug) continue;
            if (name.Role == BlobRole.Image) images.Add(blob);
            else if (document is null || Preference(blob.Name) < Preference(document.Name)) document = blob;
        }
        return (document, images);
    }

    private static int Preference(string documentName) => DocumentFormat.Preference(documentName);

    private static string Signature(SourceBlob document, IEnumerable<SourceBlob> images)
    {
        var sb = new StringBuilder(ParserVersion).Append('|').Append(document.Name).Append('|').Append(document.ETag);
        foreach (var image in images.OrderBy(i => i.Name, StringComparer.Ordinal))
            sb.Append('|').Append(image.Name).Append('|').Append(image.ETag);
        return Hash(sb.ToString());
    }

    private static string Hash(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 16));

    private static DateTimeOffset? MetadataDate(IDictionary<string, string> metadata, string key) =>
        metadata.TryGetValue(key, out var text) && DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AssumeUniversal, out var d) ? d.ToUniversalTime() : null;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    // A stated date is believed from 1990 (earlier ones are defaults such as 0001-01-01 or 1970-01-01) up to now: a
    // date in the future would hold the article at the top of every feed and date the feed itself there.
    private static DateTimeOffset? Plausible(DateTimeOffset? date, DateTimeOffset now) =>
        date is { } d && d.Year >= 1990 && d <= now.AddMinutes(10) ? d : null;
}
