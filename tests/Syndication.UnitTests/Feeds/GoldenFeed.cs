using Syndication.Articles;
using Syndication.Feeds;

namespace Syndication.Tests.Feeds;

/// <summary>
/// A fixed feed in memory with every field the writers read set at least once: paging, hub, stylesheet, a tombstone;
/// items with and without summary, images, renditions, authors, their own language; a remote image; text that needs
/// escaping, accents, CJK, right-to-left and emoji. The golden files are this feed written.
/// </summary>
public static class GoldenFeed
{
    public static readonly SiteUrls Urls = new(new Uri("https://news.example.com"));

    private static readonly DateTimeOffset Updated = new(2025, 3, 6, 10, 15, 30, TimeSpan.Zero);

    /// <summary>Page two of the feed of every article in <paramref name="format"/>, as the service would serve it.</summary>
    public static Feed For(FeedFormat format) => new()
    {
        Id = "urn:uuid:6f1c2a3e-9b1d-5c4e-8f00-000000000001",
        Title = "Harbour Gazette: Café & Quay <news>",
        Description = "Local news from the quay, in English, en français and 日本語",
        Link = Urls.Home(),
        SelfUrl = Urls.Feed(FeedKey.All, format, "after=9223290630777975807%7Charbour-reopens.AAAAAAAAAAAAAAAAAAAAAA"),
        FirstUrl = Urls.Feed(FeedKey.All, format),
        PreviousUrl = Urls.Feed(FeedKey.All, format, "before=9223290630777975807%7Charbour-reopens.BBBBBBBBBBBBBBBBBBBBBB"),
        NextUrl = Urls.Feed(FeedKey.All, format, "after=9223290631000000000%7Cbrief-weather.CCCCCCCCCCCCCCCCCCCCCC"),
        HubUrl = new Uri("https://hub.example.com/"),
        StylesheetUrl = format.Stylesheet ? Urls.Stylesheet() : null,
        Language = "en-GB",
        Updated = Updated,
        Author = "The Harbour Gazette newsroom",
        ImageUrl = new Uri(Urls.Home(), "logo.png"),
        IconUrl = new Uri(Urls.Home(), "icon.png"),
        Items = Items,
        Tombstones = [new FeedTombstone("urn:uuid:6f1c2a3e-9b1d-5c4e-8f00-000000000199", Updated.AddHours(-3), Urls.Article("withdrawn-story"))],
    };

    public static readonly IReadOnlyList<FeedItem> Items =
    [
        new FeedItem
        {
            Id = "urn:uuid:6f1c2a3e-9b1d-5c4e-8f00-000000000101",
            Link = Urls.Article("harbour-reopens"),
            Title = "Harbour reopens after the storm",
            Summary = "Ferries run again, and the café on the quay <b>reopens</b> too.",
            Authors = ["Ana Lima", "José Ñúñez"],
            Categories = ["Local"],
            Tags = ["Harbour", "local"],
            ContentHtml =
            [
                "<figure><img src=\"https://news.example.com/api/images/harbour-reopens/quay.jpg?v=0123456789abcdef\" alt=\"The quay\"><figcaption>The quay at dawn.</figcaption></figure>",
                "<p>The breakwater held. “We are open,” said the harbour master.</p>",
                "<figure><img src=\"https://news.example.com/api/images/harbour-reopens/map.png?v=fedcba9876543210\" alt=\"Map of the quay\"></figure>",
            ],
            Published = new DateTimeOffset(2025, 3, 5, 8, 0, 0, TimeSpan.Zero),
            Updated = new DateTimeOffset(2025, 3, 6, 9, 30, 0, TimeSpan.Zero),
            Images =
            [
                new FeedImage(Urls.Image("harbour-reopens", "quay.jpg", "0123456789abcdef"), 48213, "image/jpeg", 1600, 1067, "The quay at dawn.", "Ana Lima/Harbour Gazette", "The quay")
                {
                    Renditions =
                    [
                        Rendition("harbour-reopens", "quay-thumbnail.jpg", FeedRendition.Thumbnail, "image/jpeg", 640, 360, 21034),
                        Rendition("harbour-reopens", "quay-thumbnail.webp", FeedRendition.Thumbnail, "image/webp", 640, 360, 15502),
                        Rendition("harbour-reopens", "quay-promo.jpg", FeedRendition.Promo, "image/jpeg", 1200, 628, 61877),
                        Rendition("harbour-reopens", "quay-square.jpg", "square", "image/jpeg", 600, 600, 30110),
                    ],
                },
                new FeedImage(Urls.Image("harbour-reopens", "map.png", "fedcba9876543210"), 9120, "image/png", 800, 600, null, null, "Map of the quay"),
            ],
        },
        new FeedItem
        {
            Id = "urn:uuid:6f1c2a3e-9b1d-5c4e-8f00-000000000102",
            Link = Urls.Article("festival-de-la-mer"),
            Title = "Festival de la mer : « bienvenue » à tous",
            Language = "fr-CA",
            Authors = ["Zoë Tremblay"],
            Tags = ["Fête"],
            ContentHtml = ["<p>Des bateaux, des chants et un feu d’artifice ]]> à 21 h. 花火 🎆</p>"],
            Published = new DateTimeOffset(2025, 3, 4, 17, 45, 0, TimeSpan.Zero),
            DateStated = false,
            Updated = new DateTimeOffset(2025, 3, 4, 17, 45, 0, TimeSpan.Zero),
            Images = [new FeedImage(new Uri("https://cdn.example.org/photos/boats.jpg"), 0, "", 0, 0, null, "Agence Mer", "Des bateaux")],
        },
        new FeedItem
        {
            Id = "urn:uuid:6f1c2a3e-9b1d-5c4e-8f00-000000000103",
            Link = Urls.Article("brief-weather"),
            Title = "Storm warning 🌊 تحذير من العاصفة",
            Summary = "Gales of 90 km/h & more; \"stay home\" after 6 pm.",
            Categories = ["Weather"],
            ContentHtml = ["<p dir=\"rtl\">تحذير من العاصفة</p>", "<p>Gales\tfrom the west.</p>"],
            Published = new DateTimeOffset(2025, 3, 3, 6, 0, 0, TimeSpan.Zero),
            Updated = new DateTimeOffset(2025, 3, 3, 6, 0, 0, TimeSpan.Zero),
        },
    ];

    /// <summary>The OPML as the service builds it: the feed of every article, a category, a tag, an author, and the sitemaps.</summary>
    public static byte[] Opml() => OpmlWriter.Write("Harbour Gazette", DateTimeOffset.UnixEpoch,
        [("Harbour Gazette", FeedKey.All), ("Harbour Gazette: Local", new FeedKey(FeedKind.Category, "local")),
            ("Harbour Gazette: Fête", new FeedKey(FeedKind.Tag, FeedKey.Slugify("Fête"))), ("Harbour Gazette: José Ñúñez", new FeedKey(FeedKind.Author, FeedKey.Slugify("José Ñúñez")))],
        Urls, Sitemaps.Files.Select(f => (f.Title, Urls.Sitemap(f.File))).ToList());

    /// <summary>The news sitemap of the items: each page, its news facts and its lead image when it has one we serve.</summary>
    public static byte[] NewsSitemap() => SitemapWriter.UrlSet(Items.Select(i => new SitemapUrl(i.Link, i.Updated,
        new SitemapNews("Harbour Gazette", (i.Language ?? "en-GB")[..2], i.Published, i.Title),
        i.Images.Where(image => image.IsKnown).Take(1).Select(image => image.Url).ToList())));

    /// <summary>The sitemap index of the articles sitemap's pages.</summary>
    public static byte[] SitemapIndex() => SitemapWriter.Index([Urls.Sitemap("articles.xml", "page=1"), Urls.Sitemap("articles.xml", "page=2")]);

    private static FeedRendition Rendition(string slug, string name, string role, string type, int width, int height, long length) =>
        new(Urls.Rendition(slug, name), role, type, width, height, length);
}
