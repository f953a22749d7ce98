using System.Text.Json;
using Syndication.Articles;
using Syndication.Feeds;
using Syndication.Storage;

namespace Syndication.Benchmarks;

/// <summary>The shared inputs: bench/fixtures/items.json (also read by the npm reference) and the sample documents.</summary>
public static class Fixture
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The repository root (the folder holding Syndication.sln), found from the running binary.</summary>
    public static string Root { get; } = FindRoot();

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    /// <summary>The 50 stored articles with their bodies, and the origin their URLs use.</summary>
    public static (List<(StoredArticle Article, string Body)> Items, SiteUrls Urls) Items()
    {
        var file = JsonSerializer.Deserialize<ItemsFile>(File.ReadAllText(PathOf("bench", "fixtures", "items.json")), Json)!;
        var items = file.Items.Select(i => (new StoredArticle
        {
            Id = StableId.For(i.Slug),
            Slug = i.Slug,
            Title = i.Title,
            Summary = i.Summary,
            Authors = i.Authors,
            Categories = i.Categories,
            Tags = i.Tags,
            Published = i.Published,
            Updated = i.Updated,
            Language = i.Language,
            Images = i.Images.Select(m => new StoredImage(m.File, "\"0x1\"", m.Length, m.ContentType, m.Width, m.Height, m.Caption, m.Credit, m.Alt)).ToList(),
            BodyBlob = $"bodies/{i.Slug}/fixture.html",
            SourceBlob = i.Slug + ".json",
            SourceETag = "\"0x1\"",
            SourceSignature = "fixture",
            ContentHash = "fixture",
        }, i.BodyHtml)).ToList();
        return (items, new SiteUrls(new Uri(file.Origin)));
    }

    /// <summary>The feed as FeedService builds it for "all" with the default options, from stored articles and bodies.</summary>
    public static Feed BuildFeed(IReadOnlyList<(StoredArticle Article, string Body)> items, SiteUrls urls, FeedFormat format) =>
        Header(items, urls, format) with { Items = items.Select(i => ItemContent.Item(i.Article, i.Body, urls)).ToList() };

    /// <summary>The feed's own fields as FeedService builds them for "all", without items.</summary>
    public static Feed Header(IReadOnlyList<(StoredArticle Article, string Body)> items, SiteUrls urls, FeedFormat format) => new()
    {
        Id = StableId.Urn(StableId.For("feed:all")),
        Title = "Syndication",
        Description = "The latest articles",
        Link = urls.Home(),
        SelfUrl = urls.Feed(FeedKey.All, format),
        FirstUrl = urls.Feed(FeedKey.All, format),
        Language = "en",
        Updated = items.Max(i => i.Article.Updated),
        StylesheetUrl = format.Stylesheet ? urls.Stylesheet() : null,
        Items = [],
    };

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Syndication.sln"))) return dir.FullName;
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Syndication.sln"))) return dir.FullName;
        throw new InvalidOperationException("bench: cannot find the repository root (Syndication.sln) above the binary or the working folder");
    }

    private sealed record ItemsFile(string Origin, List<Item> Items);

    private sealed record Item(string Slug, string Title, string Summary, List<string> Authors, List<string> Categories, List<string> Tags,
        DateTimeOffset Published, DateTimeOffset Updated, string Language, string BodyHtml, List<Image> Images);

    private sealed record Image(string File, long Length, string ContentType, int Width, int Height, string? Caption, string? Credit, string? Alt);
}
