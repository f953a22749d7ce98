using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Syndication.Articles;
using Syndication.Feeds;
using Syndication.Ingestion;
using Syndication.Publishing;
using Syndication.Storage;

namespace Syndication.Http;

/// <summary>
/// The key-protected endpoints: publish a blob, remove an article, list rejections and retry one. The doors enforce
/// the key (the admin key in Azure, <c>Syndication__AdminKey</c> in the local runner); these only do the work.
/// </summary>
public sealed class ManageHandlers(RejectionStore rejections, ArticleIngestor ingestor, ArticlePublisher publisher, IOptions<IngestionOptions> limits,
    FeedService feeds, SiteOrigins origins)
{
    /// <summary>
    /// GET manage/rejections: every blob we could not publish, with reason, attempts and times. With ?for=msn (a partner
    /// profile): instead, each of the newest articles (a page of MaxLimit) that platform would refuse or downgrade, and what it lacks.
    /// </summary>
    public async Task<Reply> ListRejectionsAsync(HttpRequest request, CancellationToken ct = default)
    {
        if (request.Query["for"].ToString() is not { Length: > 0 } platform)
            return Reply.Json(200, (await rejections.RejectionsAsync(ct)).OrderByDescending(r => r.LastSeen));
        if (FeedProfiles.Find(platform) is not { } profile) return Reply.BadRequest($"for must be a profile: {FeedProfiles.List()}");
        return Reply.Json(200, await feeds.RefusalsAsync(profile, origins.For(request), ct));
    }

    /// <summary>POST manage/rejections/retry?blob=NAME: forgets the rejection and ingests the blob again now.</summary>
    public async Task<Reply> RetryAsync(HttpRequest request, CancellationToken ct = default)
    {
        var blob = request.Query["blob"].ToString();
        if (ArticleBlobName.Parse(blob) is null) return Reply.BadRequest("blob must name " + ArticleBlobName.Expected);
        await rejections.ClearRejectionAsync(blob, ct);
        return Reply.Json(200, await ingestor.IngestBlobAsync(blob, ct));
    }

    /// <summary>PUT manage/blobs/{path}: uploads a document or image to the articles container and ingests it.</summary>
    public async Task<Reply> PutBlobAsync(HttpRequest request, string path, CancellationToken ct = default)
    {
        if (ArticleBlobName.Parse(path) is not { } name) return Reply.BadRequest("path must name " + ArticleBlobName.Expected);
        var max = name.Role == BlobRole.Document ? limits.Value.MaxDocumentBytes : limits.Value.MaxImageBytes;
        if (await RequestBody.ReadAsync(request, max, ct) is not { } body) return Reply.Text(413, $"over the {max}-byte limit");
        var metadata = request.Query["published"].ToString() is { Length: > 0 } published
            ? new Dictionary<string, string> { ["published"] = published } : null;
        await publisher.UploadAsync(path, body, metadata, ct);
        return Reply.Json(201, await ingestor.IngestBlobAsync(path, ct));
    }

    /// <summary>DELETE manage/articles/{slug}: removes the document and images; the article leaves every feed.</summary>
    public async Task<Reply> DeleteArticleAsync(string slug, CancellationToken ct = default)
    {
        if (!ArticleBlobName.IsValidSlug(slug)) return Reply.BadRequest("slug has characters we never publish");
        var removed = await publisher.UnpublishAsync(slug, ct);
        var outcome = await ingestor.IngestSlugAsync(slug, ct);
        return removed == 0 && outcome.Result != IngestResult.Deleted ? Reply.NotFound($"article '{slug}' does not exist") : Reply.Json(200, outcome);
    }
}
