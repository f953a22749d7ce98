using System.Security.Cryptography;
using System.Text;
using Azure;
using Syndication.Articles;
using Syndication.Storage;

namespace Syndication.Ingestion;

// What converging a slug starts from, read by a single-slug ingestion or filled from a reconcile pass's listing, and
// the signature that says whether its sources changed since the row was saved.
public sealed partial class ArticleIngestor
{
    /// <summary>
    /// What is known about one slug before converging it: its article row as read (null: there is none), its preferred
    /// document (null: none) and its images, and whether a blob name may have a rejection row to clear; without a row,
    /// the slug's guard as read before the document is downloaded (an insert is conditional on it, so one that raced a
    /// removal fails and converges again, and a deleted article never comes back from a download made before its deletion).
    /// </summary>
    private sealed record SlugState(string Slug, (StoredArticle Article, ETag ETag)? Row, SourceBlob? Document,
        IReadOnlyList<SourceBlob> Images, Predicate<string> MayBeRejected, ETag? Guard)
    {
        public StoredArticle? Previous => Row?.Article;
    }

    // Reads the row, then lists the slug's blobs: sources listed after the row are never older than those it was saved
    // from, so a save conditional on its ETag cannot put older sources back. Rejections are not read: any may exist.
    private async Task<SlugState> ReadStateAsync(string slug, CancellationToken ct)
    {
        var row = await store.ArticleBySlugAsync(slug, ct);
        var guard = row is null ? store.SlugGuardAsync(slug, ct) : Task.FromResult<ETag?>(null);
        var blobs = await incoming.IncomingBlobsAsync(slug, ct);
        return StateOf(slug, row, blobs, _ => true, await guard);
    }

    // From a reconcile pass's one listing: the row is read only when the table had one (a slug without one is saved
    // with an insert, which fails, 409 then a full retry, if one appeared), and only listed rejections are cleared.
    private async Task<SlugState> ListedStateAsync(string slug, IReadOnlyList<SourceBlob> blobs, bool stored,
        IReadOnlySet<string> rejected, CancellationToken ct)
    {
        var row = stored ? await store.ArticleBySlugAsync(slug, ct) : null;
        return StateOf(slug, row, blobs, rejected.Contains, row is null ? await store.SlugGuardAsync(slug, ct) : null);
    }

    private static SlugState StateOf(string slug, (StoredArticle, ETag)? row, IEnumerable<SourceBlob> blobs,
        Predicate<string> mayBeRejected, ETag? guard)
    {
        var (document, images) = SourcesOf(slug, blobs);
        return new SlugState(slug, row, document, images, mayBeRejected, guard);
    }

    // The slug's document (the most preferred shape when there are several) and its images.
    private static (SourceBlob? Document, List<SourceBlob> Images) SourcesOf(string slug, IEnumerable<SourceBlob> blobs)
    {
        SourceBlob? document = null;
        var images = new List<SourceBlob>();
        foreach (var blob in blobs)
        {
            if (ArticleBlobName.Parse(blob.Name) is not { } name || name.Slug != slug) continue;
            if (name.Role == BlobRole.Image) images.Add(blob);
            else if (document is null || DocumentFormat.Preference(blob.Name) < DocumentFormat.Preference(document.Name)) document = blob;
        }
        return (document, images);
    }

    // The parser version, the publisher's zone when one is set (so that setting or changing it reads every document
    // again once; unset, signatures are as before), and every source blob's name and version.
    private string Signature(SourceBlob document, IEnumerable<SourceBlob> images)
    {
        var sb = new StringBuilder(ArticleFields.ParserVersion);
        if (options.Value.FindZone() is var zone && zone != TimeZoneInfo.Utc) sb.Append("|zone:").Append(zone.Id);
        sb.Append('|').Append(document.Name).Append('|').Append(document.ETag);
        foreach (var image in images.OrderBy(i => i.Name, StringComparer.Ordinal))
            sb.Append('|').Append(image.Name).Append('|').Append(image.ETag);
        return ContentHash.Hex(sb.ToString(), 16);
    }
}
