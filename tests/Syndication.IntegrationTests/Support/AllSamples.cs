using Syndication.Functions;

namespace Syndication.Tests.Support;

/// <summary>One image of a sample as it should reach every feed: file name, byte length on disk, MIME type.</summary>
public sealed record SampleImage(string File, long Length, string ContentType);

/// <summary>One sample article as it should reach every feed.</summary>
public sealed record SampleArticle(string Slug, string Title, DateTimeOffset Published, IReadOnlyList<SampleImage> Images)
{
    public string Link => $"{AllSamples.Origin}/api/articles/{Slug}";
    public string ImageUrl(SampleImage image) => $"{AllSamples.Origin}/api/images/{Slug}/{image.File}";
}

/// <summary>
/// The samples under samples/articles (text, Markdown, JSON, HTML, with their image folders) uploaded and ingested,
/// and what the feeds must say about them, read from the sample files rather than from our own output.
/// </summary>
public static class AllSamples
{
    public const string Origin = "https://news.example.com";

    /// <summary>An image URL without its version (?v= and 16 hex digits, which hash Azurite's ETag); anything else as is.</summary>
    public static string Unversioned(string? url) =>
        url is null ? "" : System.Text.RegularExpressions.Regex.Replace(url, @"\?v=[0-9a-f]{16}(?=$| )", "");

    public static IReadOnlyList<SampleArticle> Articles { get; } =
    [
        // Newest first, as every feed lists them.
        new("harbour-storm-html", "Harbour closed for three days as storm damages breakwater", new(2024, 11, 18, 7, 45, 0, TimeSpan.Zero),
            [Image("harbour-storm-html", "harbour-storm-lead.jpg", "image/jpeg"), Image("harbour-storm-html", "breakwater-repairs.png", "image/png")]),
        new("harbour-reopens", "Harbour reopens after three days of storms", new(2024, 3, 5, 8, 30, 0, TimeSpan.Zero),
            [Image("harbour-reopens", "boats.jpg", "image/jpeg"), Image("harbour-reopens", "quay.gif", "image/gif")]),
        new("city-budget-vote", "Council passes budget after late-night vote", new(2023, 10, 1, 23, 45, 0, TimeSpan.Zero),
            [Image("city-budget-vote", "chamber.webp", "image/webp")]),
        new(Repo.SampleSlug, "Trump-Kim summit ends early, leaders leave with no nuclear deal", new(2019, 2, 28, 0, 0, 0, TimeSpan.Zero),
            [Image(Repo.SampleSlug, "photo-1.jpg", "image/jpeg"), Image(Repo.SampleSlug, "photo-2.png", "image/png")]),
    ];

    /// <summary>Uploads every sample document and image to the site's incoming container, then reconciles.</summary>
    public static async Task IngestAsync(TestSite site)
    {
        await UploadAsync(site);
        var result = await site.Ingestor.ReconcileAsync();
        Assert.Equal(Articles.Count, result.Ingested);
    }

    /// <summary>Uploads every sample document and image to the site's incoming container.</summary>
    public static async Task UploadAsync(TestSite site)
    {
        foreach (var document in Directory.GetFiles(Repo.Path("samples", "articles")))
            await site.UploadAsync(Path.GetFileName(document), await File.ReadAllBytesAsync(document));
        foreach (var folder in Directory.GetDirectories(Repo.Path("samples", "articles")))
        foreach (var image in Directory.GetFiles(folder))
            await site.UploadAsync($"{Path.GetFileName(folder)}/{Path.GetFileName(image)}", await File.ReadAllBytesAsync(image));
    }

    /// <summary>Requests a feed through the GetFeed function, as the Functions host would.</summary>
    public static Task<TestResponse> FeedAsync(TestSite site, string file, string query = "") =>
        TestSite.InvokeAsync(r => new GetFeed(site.Handlers).Run(r, file), path: "/api/feeds/" + file, query: query);

    private static SampleImage Image(string slug, string file, string contentType) =>
        new(file, new FileInfo(Repo.Samples(slug, file)).Length, contentType);
}
