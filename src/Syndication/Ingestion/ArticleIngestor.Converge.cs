using System.Diagnostics.CodeAnalysis;
using Azure;
using Syndication.Articles;
using Syndication.Storage;

namespace Syndication.Ingestion;

// Converging one slug on its sources, in the order it happens: decide, read, publish images, write, save, clean up.
public sealed partial class ArticleIngestor
{
    // One slug, top to bottom: no document, delete; same sources, unchanged; too big or unreadable, rejected; else
    // parse, publish the images, write the body, save the row, and clean up and notify after the save.
    private async Task<IngestOutcome> ConvergeAsync(SlugState state, bool repair, CancellationToken ct)
    {
        if (state.Document is not { } document) return await DeleteAsync(state, ct);
        var signature = Signature(document, state.Images);
        if (state.Previous?.SourceSignature == signature && !repair) return new IngestOutcome(state.Slug, IngestResult.Unchanged);
        // Rejected from the listing, so an enormous blob is never downloaded.
        if (document.Length > options.Value.MaxDocumentBytes)
            return await RejectAsync(state, document, DocumentParser.OverLimit(document.Length, options.Value.MaxDocumentBytes), signature, ct);
        if (await incoming.DownloadIncomingAsync(document.Name, ct) is not { } download)
            return new IngestOutcome(state.Slug, IngestResult.Ignored, "the document vanished while reading");
        if (!TryParse(document, download.Content, out var parsed, out var reason))
            return await RejectAsync(state, document, reason, signature, ct);
        var now = time.GetUtcNow();
        var (visibility, invalid) = Visibility.Of(parsed, download.Metadata, now);
        if (visibility is null) return await RejectAsync(state, document, invalid!, signature, ct);
        if (!visibility.VisibleAt(now)) return await WithholdAsync(state, document, visibility, now, ct);

        var images = await PublishImagesAsync(state, parsed.Images, repair, ct);
        parsed = parsed with { BodyHtml = BodyImages.Rewrite(parsed.BodyHtml, state.Slug, images) };
        var article = Revealed(Compose(state, parsed, images, document, download.Metadata, download.ETag, signature), visibility);
        // Written on every re-ingestion, not only when the content changed: the name is content-addressed, so this
        // is idempotent, and it restores a body that storage lost.
        await store.WriteBodyAsync(article.BodyBlob, parsed.BodyHtml, ct);
        await SaveAsync(state, article, ct);
        await ScheduleAfterSaveAsync(state, visibility, now, ct);
        return await AfterSaveAsync(state, article, ct);
    }

    // No document: the article (if there is one) leaves the table, then its published blobs and unused names.
    private async Task<IngestOutcome> DeleteAsync(SlugState state, CancellationToken ct)
    {
        if (state.Row is not { } gone)
        {
            // An ingestion that downloaded the document before it was deleted, and saw no guard, must not insert it now.
            await store.TouchSlugGuardAsync(state.Slug, ct);
            return new IngestOutcome(state.Slug, IngestResult.Ignored, "no document for this slug");
        }
        await store.DeleteArticleAsync(gone.Article, gone.ETag, ct, withdrawnAt: time.GetUtcNow());
        await RemovePublishedAsync(gone.Article, null, ct);
        await store.PruneNamesAsync(gone.Article, null, ct);
        await hub.FeedsChangedAsync(gone.Article, null, ct);
        await fediverse.ArticleChangedAsync(gone.Article, null, ct);
        return new IngestOutcome(state.Slug, IngestResult.Deleted);
    }

    // A document that will always fail the same way is recorded with its reason, so a person finds it.
    private async Task<IngestOutcome> RejectAsync(SlugState state, SourceBlob document, string reason, string signature, CancellationToken ct)
    {
        await rejections.RecordRejectionAsync(document.Name, reason, signature, time.GetUtcNow(), ct);
        return new IngestOutcome(state.Slug, IngestResult.Rejected, reason);
    }

    // A document no parser could read, or one that made a parser fail (our bug): rejected either way, and other
    // articles go on.
    private bool TryParse(SourceBlob document, BinaryData content, [NotNullWhen(true)] out ParsedArticle? parsed, out string reason)
    {
        try
        {
            var format = DocumentFormat.FromExtension(Path.GetExtension(document.Name).TrimStart('.'))!;
            (parsed, reason) = (DocumentParser.Parse(format, content.ToMemory().Span, options.Value.MaxDocumentBytes, options.Value.FindZone()), "");
            return true;
        }
        catch (Exception e) when (e is not (OperationCanceledException or OutOfMemoryException))
        {
            (parsed, reason) = (null, Unreadable("document", e));
            return false;
        }
    }

    // Conditional on the row as read (an insert, on the slug's guard, when there was none): a writer that raced this one
    // makes it converge again.
    private async Task SaveAsync(SlugState state, StoredArticle article, CancellationToken ct)
    {
        try
        {
            await store.SaveArticleAsync(article, state.Previous, state.Row?.ETag, state.Guard, ct);
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            // If the row holds exactly this save, its reply was lost and the retry found it written (or an identical
            // save won): it is saved either way, and what follows a save must still happen. Otherwise another
            // writer won the race, and the caller converges again.
            if (!await LandedAsync(article, ct)) throw;
        }
    }

    private async Task<bool> LandedAsync(StoredArticle article, CancellationToken ct) =>
        await store.ArticleBySlugAsync(article.Slug, ct) is { } now && now.Article.SourceSignature == article.SourceSignature
            && now.Article.ContentHash == article.ContentHash && now.Article.BodyBlob == article.BodyBlob;

    // After the save: the document's rejection is forgotten, what the old version published or named and this one does
    // not goes, and the hub hears of a change readers can see.
    private async Task<IngestOutcome> AfterSaveAsync(SlugState state, StoredArticle article, CancellationToken ct)
    {
        if (state.MayBeRejected(article.SourceBlob)) await rejections.ClearRejectionAsync(article.SourceBlob, ct);
        if (state.Previous is { } old)
        {
            await RemovePublishedAsync(old, article, ct);
            await store.PruneNamesAsync(old, article, ct);
        }
        var changed = state.Previous?.ContentHash != article.ContentHash;
        if (changed) await hub.FeedsChangedAsync(state.Previous, article, ct);
        if (changed) await fediverse.ArticleChangedAsync(state.Previous, article, ct);
        return new IngestOutcome(state.Slug, state.Previous is null ? IngestResult.Published : changed ? IngestResult.Updated : IngestResult.Unchanged);
    }

    // The reason a person reads: the parser's own words, or, for an exception no parser should throw, what it was.
    private string Unreadable(string what, Exception e)
    {
        if (e is ArticleRejectedException) return e.Message;
        LogParserFailed(what, e);
        return $"{what}: could not be read ({e.GetType().Name}: {e.Message.Split('\n')[0]}); this is a fault in Syndication, please report it";
    }
}
