using System.Globalization;
using System.Text.Json;
using Syndication.Articles;
using Syndication.Storage;

namespace Syndication.Ingestion;

// Composing the stored article: the parsed fields copied whole, the images, and the two dates readers rely on.
// Published: what the publisher states (blob metadata, the document, a date its text gives), else the first upload's
// time, kept from then on. Updated: what the publisher states, else it moves only when what the article says changes
// or an image readers saw is replaced or removed. Identical bytes uploaded again (new ETags), a re-ingestion, a repair
// or images arriving after their document change nothing readers see, so they are not updates.
public sealed partial class ArticleIngestor
{
    private StoredArticle Compose(SlugState state, ParsedArticle parsed, List<StoredImage> images, SourceBlob document,
        IDictionary<string, string> metadata, string etag, string signature)
    {
        var previous = state.Previous;
        var now = time.GetUtcNow();
        var stated = Plausible(MetadataDate(metadata, "published"), now) ?? Plausible(parsed.Published, now);
        var published = stated ?? (previous is { DateStated: false } ? previous.Published : document.CreatedOn);
        var textHash = ContentHash.OfText(parsed, published);
        // The parsed article (its body included) is serialized once: what readers see is its text hash and the images.
        var contentHash = ContentHash.OfContent(textHash, images);
        var declaredUpdated = Plausible(MetadataDate(metadata, "updated"), now) ?? Plausible(parsed.Updated, now);
        var article = new StoredArticle(parsed)
        {
            Id = StableId.For(state.Slug),
            Slug = state.Slug,
            Summary = parsed.Summary is null ? null : CleanText.Line(parsed.Summary, 1000),
            Published = published,
            DateStated = stated is not null,
            Updated = published,
            Images = images,
            Language = CleanText.LanguageTag(parsed.Language),
            BodyBlob = $"bodies/{state.Slug}/{contentHash}.html",
            SourceBlob = document.Name,
            SourceETag = etag,
            SourceSignature = signature,
            ContentHash = contentHash,
            TextHash = textHash,
        };
        return article with { Updated = Max(published, declaredUpdated ?? Updated(state, article) ?? published) };
    }

    // With no stated update: the previous updated date unless readers would see a change since, then the time of the
    // newest source blob (the publisher's change); null for a first publication.
    private static DateTimeOffset? Updated(SlugState state, StoredArticle article)
    {
        if (state.Previous is not { } previous) return null;
        if (previous.ContentHash == article.ContentHash) return previous.Updated;
        var textChanged = previous.TextHash.Length > 0
            ? previous.TextHash != article.TextHash
            // A row from before text hashes: its fields and date (its body cannot be compared without reading it).
            : JsonSerializer.Serialize<ArticleFields>(previous) != JsonSerializer.Serialize<ArticleFields>(article) || previous.Published != article.Published;
        var seenImageChanged = previous.Images.Any(p => !article.Images.Any(n => SameToReaders(p, n)));
        if (!textChanged && !seenImageChanged) return previous.Updated;
        return state.Images.Select(i => i.LastModified).Append(state.Document!.LastModified).Max();
    }

    // The same picture with the same words: same bytes (by hash; by the source blob's ETag for rows from before
    // hashes), caption, credit, alt text and remote URL. Renditions follow from the bytes.
    private static bool SameToReaders(StoredImage seen, StoredImage now) =>
        seen.File == now.File && (seen.Sha256 is null ? seen.SourceETag == now.SourceETag : seen.Sha256 == now.Sha256)
        && seen.Caption == now.Caption && seen.Credit == now.Credit && seen.Alt == now.Alt && seen.RemoteUrl == now.RemoteUrl;

    // A time without a zone is the publisher's (Syndication__TimeZone), as in the documents themselves.
    private DateTimeOffset? MetadataDate(IDictionary<string, string> metadata, string key) =>
        metadata.TryGetValue(key, out var text) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal, out var d)
            ? (PageDates.StatesZone(text.Trim()) ? d : PublisherZone.Local(d.DateTime, options.Value.FindZone())).ToUniversalTime() : null;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    /// <summary>Stated dates before this year are not believed (defaults such as 0001-01-01 or 1970-01-01).</summary>
    public const int EarliestBelievedYear = 1990;

    /// <summary>How far ahead of now a stated date is still believed (clocks differ); later ones are not.</summary>
    public static readonly TimeSpan FutureSlack = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Whether a stated date is believed: from <see cref="EarliestBelievedYear"/> up to now (plus <see cref="FutureSlack"/>);
    /// a date in the future would hold the article at the top of every feed and date the feed itself there.
    /// </summary>
    public static bool IsBelievable(DateTimeOffset date, DateTimeOffset now) => date.Year >= EarliestBelievedYear && date <= now + FutureSlack;

    private static DateTimeOffset? Plausible(DateTimeOffset? date, DateTimeOffset now) => date is { } d && IsBelievable(d, now) ? d : null;
}
