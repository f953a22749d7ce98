using Syndication.Storage;

namespace Syndication.Ingestion;

// Embargo and expiry: an article is stored (rows, body, images) only while it may be seen, so every reader of the
// table (feeds, partner feeds, pages, images, OPML, WebSub) agrees without a filter of its own. A document under
// embargo is parsed, checked and left unpublished with a schedule row at its time; an expired one is withdrawn as if
// deleted, with a tombstone. ApplySchedulesAsync converges the slugs whose time has come (the timer, the runner's
// watcher, and the next feed request after it).
public sealed partial class ArticleIngestor
{
    /// <summary>Converges every slug whose embargo lifted or which expired by now; returns how many.</summary>
    public async Task<int> ApplySchedulesAsync(CancellationToken ct = default)
    {
        var due = await schedule.DueAsync(time.GetUtcNow(), ct);
        foreach (var slug in due.GroupBy(d => d.Slug, StringComparer.Ordinal))
        {
            // Repair: the sources did not change, their meaning did, so the unchanged-sources shortcut must not apply.
            await IngestSlugAsync(slug.Key, repair: true, ct);
            foreach (var row in slug) await schedule.ClearScheduledAsync(row, ct);
        }
        return due.Count;
    }

    // Not visible now: nothing is published, a row shown so far is withdrawn (with a tombstone), and the time it
    // becomes visible, if it ever does, is scheduled.
    private async Task<IngestOutcome> WithholdAsync(SlugState state, SourceBlob document, Visibility visibility, DateTimeOffset now, CancellationToken ct)
    {
        if (visibility.NextChangeAfter(now) is { } due) await schedule.ScheduleAsync(state.Slug, due, ct);
        if (state.MayBeRejected(document.Name)) await rejections.ClearRejectionAsync(document.Name, ct);
        if (state.Row is { } shown)
        {
            await store.DeleteArticleAsync(shown.Article, shown.ETag, ct, withdrawnAt: now);
            await RemovePublishedAsync(shown.Article, null, ct);
            await store.PruneNamesAsync(shown.Article, null, ct);
            await hub.FeedsChangedAsync(shown.Article, null, ct);
            await fediverse.ArticleChangedAsync(shown.Article, null, ct);
        }
        return visibility.ExpiredAt(now)
            ? new IngestOutcome(state.Slug, IngestResult.Expired, $"expired at {visibility.Expires:O}")
            : new IngestOutcome(state.Slug, IngestResult.Embargoed, $"under embargo until {visibility.Embargo:O}");
    }

    // A released article is published when its embargo lifts, not before: dated no earlier than then, so it sorts as
    // new and the feeds' Last-Modified moves past it.
    private static StoredArticle Revealed(StoredArticle article, Visibility visibility)
    {
        if (visibility.Embargo is not { } embargo || article.Published >= embargo) return article;
        return article with { Published = embargo, Updated = article.Updated > embargo ? article.Updated : embargo };
    }

    // After a visible save: its expiry is scheduled, and a slug published anew loses the tombstone an earlier
    // withdrawal left.
    private async Task ScheduleAfterSaveAsync(SlugState state, Visibility visibility, DateTimeOffset now, CancellationToken ct)
    {
        if (visibility.NextChangeAfter(now) is { } due) await schedule.ScheduleAsync(state.Slug, due, ct);
        if (state.Previous is null) await schedule.ClearTombstoneAsync(state.Slug, ct);
    }
}
