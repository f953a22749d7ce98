using Syndication.Articles;
using Syndication.Images;
using Syndication.Storage;

namespace Syndication.Ingestion;

// Images: each image blob is inspected and published beside the article (or left out, rejected, when it is not a real
// web image), and what an older version published and this one does not is removed after the save.
public sealed partial class ArticleIngestor
{
    // Pairs the document's image descriptions with the slug's image blobs and publishes each (reusing what is known
    // when its ETag is unchanged, unless repairing); a bad image is left out, the article still published.
    private async Task<List<StoredImage>> PublishImagesAsync(SlugState state, IReadOnlyList<ImageDescription> descriptions,
        bool repair, CancellationToken ct)
    {
        var byFile = state.Images.ToDictionary(b => b.Name[(state.Slug.Length + 1)..], StringComparer.Ordinal);
        var previous = repair ? null : state.Previous;
        var images = new List<StoredImage>();
        var pairs = ImagePairing.Pair(descriptions, byFile.Keys.ToList());
        foreach (var (file, description) in pairs.Take(MaxImages))
        {
            var blob = byFile[file];
            var known = previous?.Images.FirstOrDefault(i => i.File == file && i.SourceETag == blob.ETag && i.Renditions is not null);
            var info = known is null ? await InspectAndPublishAsync(state, file, blob, ct)
                : (known.ContentType, known.Width, known.Height, known.Length, known.Sha256, known.Renditions!);
            if (info is not var (type, width, height, length, sha256, renditions)) continue;
            images.Add(new StoredImage(file, blob.ETag, length, type, width, height,
                description?.Caption, description?.Credit, description?.Alt, Sha256: sha256) { Renditions = renditions });
        }
        // Images the document references by URL and nobody uploaded: kept as links (we fetch nothing).
        var paired = pairs.Select(p => p.Description).OfType<ImageDescription>().ToHashSet();
        foreach (var d in descriptions.Where(d => d.Url is not null && !paired.Contains(d)).Take(MaxImages - images.Count))
            images.Add(new StoredImage(d.File ?? "", "", 0, "", 0, 0, d.Caption, d.Credit, d.Alt, d.Url));
        return images;
    }

    private async Task<(string, int, int, long, string?, IReadOnlyList<StoredRendition>?)?> InspectAndPublishAsync(SlugState state, string file, SourceBlob blob, CancellationToken ct)
    {
        if (blob.Length > options.Value.MaxImageBytes)
        {
            await RejectImageAsync(blob, $"image: {blob.Length} bytes is over the {options.Value.MaxImageBytes}-byte limit", ct);
            return null;
        }
        if (await incoming.DownloadIncomingAsync(blob.Name, ct) is not { } image) return null;
        ImageInfo info;
        try
        {
            info = ImageInspector.Inspect(image.Content.ToStream());
        }
        catch (Exception e) when (e is not (OperationCanceledException or OutOfMemoryException))
        {
            // Only the reading of the bytes: a storage error below is retried, never recorded as a bad image.
            await RejectImageAsync(blob, Unreadable("image", e), ct);
            return null;
        }
        await store.WriteImageAsync(state.Slug, file, image.Content, info.ContentType, ct);
        if (state.MayBeRejected(blob.Name)) await rejections.ClearRejectionAsync(blob.Name, ct);
        var bytes = image.Content.ToMemory();
        return (info.ContentType, info.Width, info.Height, bytes.Length, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes.Span)),
            await PublishRenditionsAsync(state, blob, image.Content, info, ct));
    }

    private async Task RejectImageAsync(SourceBlob blob, string reason, CancellationToken ct)
    {
        await rejections.RecordRejectionAsync(blob.Name, reason, blob.ETag, time.GetUtcNow(), ct);
        LogImageRejected(blob.Name, reason);
    }

    // After a save or delete: the old body and images no longer named by the current article go.
    private async Task RemovePublishedAsync(StoredArticle old, StoredArticle? current, CancellationToken ct)
    {
        if (old.BodyBlob != current?.BodyBlob) await store.DeletePublishedAsync(old.BodyBlob, ct);
        foreach (var image in old.Images.Where(i => i.IsLocal))
            if (current?.Images.Any(i => i.IsLocal && i.File == image.File) != true)
                await store.DeletePublishedAsync(ArticleStore.ImageBlob(old.Slug, image.File), ct);
        await RemoveRenditionsAsync(old, current, ct);
    }
}
