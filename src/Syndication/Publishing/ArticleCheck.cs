using Syndication.Articles;
using Syndication.Feeds;
using Syndication.Images;
using Syndication.Ingestion;

namespace Syndication.Publishing;

/// <summary>
/// Reads a document file and the image folder beside it as ingestion would (the same parser, image inspector and
/// pairing), without storage, and reports what readers will see: <c>syndication check</c> and <c>publish --dry-run</c>.
/// </summary>
public static partial class ArticleCheck
{
    /// <summary>Images published per article, as ingestion publishes them.</summary>
    public const int MaxImages = Ingestion.ArticleIngestor.MaxImages;

    /// <summary>
    /// The report for one document file; <paramref name="now"/> decides which dates are in the future. With a
    /// <paramref name="profile"/>, it also says what that platform would refuse or downgrade (<see cref="ArticleReport.Platform"/>).
    /// </summary>
    public static ArticleReport Check(string path, IngestionOptions limits, DateTimeOffset now, FeedProfile? profile = null)
    {
        var report = Read(path, limits, now);
        return profile is null || report.Title is null ? report : report with { Platform = PlatformCheck.Findings(report, profile, now) };
    }

    private static ArticleReport Read(string path, IngestionOptions limits, DateTimeOffset now)
    {
        var file = new FileInfo(path);
        var report = new ArticleReport { Path = path, Bytes = file.Exists ? file.Length : 0 };
        if (!file.Exists) return report with { Rejection = $"file: {path} does not exist" };
        if (ArticleBlobName.Parse(file.Name) is not { Role: BlobRole.Document } name)
            return report with { Rejection = NotADocument(file.Name) };
        var format = DocumentFormat.FromExtension(file.Extension.TrimStart('.'))!;
        report = report with { Slug = name.Slug, Format = format.Label };
        var warnings = new List<string>();
        var files = ImageFiles(file, name.Slug, warnings);
        if (file.Length > limits.MaxDocumentBytes)
        {
            warnings.Add($"oversize file: {file.Name} is {file.Length:N0} bytes, over the {limits.MaxDocumentBytes:N0}-byte limit");
            return report with { Warnings = warnings, Rejection = DocumentParser.OverLimit(file.Length, limits.MaxDocumentBytes) };
        }
        var bytes = File.ReadAllBytes(path);
        ParsedArticle parsed;
        try
        {
            parsed = DocumentParser.Parse(format, bytes, limits.MaxDocumentBytes, limits.FindZone());
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return report with { Warnings = warnings, Rejection = Unreadable("document", e) };
        }
        // As ingestion judges them, without blob metadata (a file has none).
        var (visibility, refused) = Visibility.Of(parsed, new Dictionary<string, string>(), now);
        var images = Images(name.Slug, file.DirectoryName!, parsed.Images, files, limits, warnings);
        var (published, source, note) = Date(parsed, format, now, warnings);
        TitleWarnings(format, bytes, parsed.Title, warnings);
        var (words, paragraphs, characters) = BodySize(parsed.BodyHtml);
        return report with
        {
            Title = parsed.Title,
            ShortTitle = parsed.ShortTitle,
            Summary = parsed.Summary is null ? null : CleanText.Line(parsed.Summary, 1000),
            Authors = parsed.Authors,
            Categories = parsed.Categories,
            Tags = parsed.Tags,
            Language = CleanText.LanguageTag(parsed.Language),
            Published = published,
            DateSource = source,
            DecidedBy = DecidedBy(format, bytes),
            DateNote = note,
            BodyWords = words,
            BodyParagraphs = paragraphs,
            BodyCharacters = characters,
            Images = images,
            Warnings = warnings,
            Embargo = visibility?.Embargo,
            Expires = visibility?.Expires,
            Rejection = refused,
        };
    }

    // Which PagePrecedence rows gave a page its headline, byline and date (the page is read a second time to explain it:
    // check runs on a publisher's machine, one file at a time).
    private static IReadOnlyDictionary<string, string> DecidedBy(DocumentFormat format, byte[] bytes)
    {
        if (format != DocumentFormat.Html) return new Dictionary<string, string>();
        var decisions = HtmlArticleParser.Explain(bytes).Decisions;
        return new[] { "headline", "byline", "published" }.Where(decisions.ContainsKey).ToDictionary(f => f, f => decisions[f]);
    }

    /// <summary>The reason given for a file whose name is not <c>{slug}.{ext}</c> with an extension we read.</summary>
    public static string NotADocument(string fileName) =>
        $"name: '{fileName}' is not {DocumentFormat.NamePattern} with a slug of letters, digits, '-' and '_'";

    // The image files in the folder named after the slug; anything else there is named in a warning.
    private static List<string> ImageFiles(FileInfo document, string slug, List<string> warnings)
    {
        var folder = Path.Combine(document.DirectoryName!, slug);
        if (!Directory.Exists(folder)) return [];
        var files = new List<string>();
        foreach (var path in Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal))
        {
            var fileName = Path.GetFileName(path);
            if (ArticleBlobName.Parse($"{slug}/{fileName}") is { Role: BlobRole.Image }) files.Add(fileName);
            else warnings.Add($"not published: {slug}/{fileName} is not an image file we publish (.jpg, .jpeg, .png, .gif, .webp)");
        }
        return files;
    }

    private static List<ImageReport> Images(string slug, string directory, IReadOnlyList<ImageDescription> descriptions,
        List<string> files, IngestionOptions limits, List<string> warnings)
    {
        var pairs = ImagePairing.Pair(descriptions, files);
        var reports = new List<ImageReport>();
        foreach (var (fileName, description) in pairs.Take(MaxImages))
        {
            var path = Path.Combine(directory, slug, fileName);
            var report = Inspect(path, limits, warnings) with
            {
                File = fileName,
                PairsWith = Reference(descriptions, description),
                Caption = description?.Caption,
                Credit = description?.Credit,
                Alt = description?.Alt,
            };
            if (description is null)
                warnings.Add($"image not referenced: {slug}/{fileName} is not named by the document, so it has no caption or credit");
            reports.Add(report);
        }
        if (pairs.Count > MaxImages)
            warnings.Add($"too many images: only the first {MaxImages} of {pairs.Count} are published");
        var paired = pairs.Select(p => p.Description).OfType<ImageDescription>().ToHashSet(ReferenceEqualityComparer.Instance);
        foreach (var d in descriptions.Where(d => !paired.Contains(d)))
        {
            if (d.Url is not null)
                reports.Add(new ImageReport { File = d.File ?? d.Url, Url = d.Url, Caption = d.Caption, Credit = d.Credit, Alt = d.Alt, PairsWith = Reference(descriptions, d) });
            else if (d.File is not null)
                warnings.Add($"caption with no image: {Reference(descriptions, d)} names a file that is not beside the document ({slug}/{d.File})");
            else
                warnings.Add($"caption with no image: {Reference(descriptions, d)} (\"{CleanText.Line(d.Caption ?? d.Credit, 60)}\") has no image file left to pair with");
        }
        return reports;
    }

    private static ImageReport Inspect(string path, IngestionOptions limits, List<string> warnings)
    {
        var length = new FileInfo(path).Length;
        var report = new ImageReport { File = Path.GetFileName(path), PairsWith = "none", Bytes = length };
        if (length > limits.MaxImageBytes)
        {
            warnings.Add($"oversize file: {Path.GetFileName(path)} is {length:N0} bytes, over the {limits.MaxImageBytes:N0}-byte limit for an image");
            return report with { Rejection = $"image: {length} bytes is over the {limits.MaxImageBytes}-byte limit" };
        }
        try
        {
            using var stream = File.OpenRead(path);
            var info = ImageInspector.Inspect(stream);
            return report with { ContentType = info.ContentType, Width = info.Width, Height = info.Height };
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return report with { Rejection = Unreadable("image", e) };
        }
    }

    // "reference 2: quay.gif", or for a caption found in text, which one it is.
    private static string Reference(IReadOnlyList<ImageDescription> descriptions, ImageDescription? description)
    {
        if (description is null) return "none";
        var index = 1 + descriptions.Select((d, i) => (d, i)).First(x => ReferenceEquals(x.d, description)).i;
        return description.File is not null ? $"reference {index}: {description.File}"
            : description.Url is not null ? $"reference {index}: {description.Url}"
            : $"reference {index}: a caption without a file name, paired in name order";
    }

    private static string Unreadable(string what, Exception e) => e is ArticleRejectedException
        ? e.Message
        : $"{what}: could not be read ({e.GetType().Name}: {e.Message.Split('\n')[0]}); this is a fault in Syndication, please report it";
}
