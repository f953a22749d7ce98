using Syndication.Articles;
using Syndication.Images;
using Syndication.Storage;

namespace Syndication.Ingestion;

// Renditions: made once per distinct source bytes. Their names are content-addressed, so bytes published before (under
// this slug, any file name) are reused as they are: no decode, no write. An image the library cannot decode is published
// without renditions and recorded in the rejections list; the article still publishes.
public sealed partial class ArticleIngestor
{
    /// <summary>How the rejections list starts the warning for an image published without renditions.</summary>
    public const string WithoutRenditions = "image: published without renditions, ";

    private async Task<IReadOnlyList<StoredRendition>?> PublishRenditionsAsync(SlugState state, SourceBlob blob, BinaryData source,
        ImageInfo info, CancellationToken ct)
    {
        var hash = Renditions.SourceHash(source.ToMemory().Span);
        var known = state.Previous?.Images.Select(i => i.Renditions ?? []).FirstOrDefault(r => r.Count > 0 && r[0].Name.StartsWith(hash + "-", StringComparison.Ordinal));
        if (known is not null && known.All(r => r.Name.Contains($"-{RenditionSpec.Revision}.", StringComparison.Ordinal))) return known;
        IReadOnlyList<Rendition> made;
        try
        {
            // Waiting for a slot is outside the span: it measures the work, and the wait shows as the gap before it.
            made = await decodes.RunAsync(() =>
            {
                using var activity = Telemetry.Source.StartActivity("make renditions");
                return Renditions.Make(source.ToMemory().Span, info);
            }, ct);
        }
        catch (Exception e) when (e is not (OperationCanceledException or OutOfMemoryException))
        {
            // Null, not empty: the next ingestion of the article tries again (and counts another attempt).
            await RejectImageAsync(blob, WithoutRenditions + Unreadable("image", e).Replace("renditions: ", ""), ct);
            return null;
        }
        await Task.WhenAll(made.Select(r => store.WriteRenditionAsync(state.Slug, r.Name, BinaryData.FromBytes(r.Bytes), r.ContentType, ct)));
        return made.Select(r => new StoredRendition(r.Name, r.Spec.Role, r.ContentType, r.Width, r.Height, r.Bytes.Length)).ToList();
    }

    // After a save or delete: renditions the old version named and the current one does not.
    private async Task RemoveRenditionsAsync(StoredArticle old, StoredArticle? current, CancellationToken ct)
    {
        var kept = (current?.Images ?? []).SelectMany(i => i.Renditions ?? []).Select(r => r.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var name in old.Images.SelectMany(i => i.Renditions ?? []).Select(r => r.Name).Where(n => !kept.Contains(n)).Distinct())
            await store.DeletePublishedAsync(ArticleStore.RenditionBlob(old.Slug, name), ct);
    }
}
