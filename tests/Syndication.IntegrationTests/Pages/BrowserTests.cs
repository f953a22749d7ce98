using System.Diagnostics;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using SkiaSharp;
using Syndication.Tests.Support;
using Xunit.Abstractions;

namespace Syndication.Tests.Pages;

/// <summary>
/// The pages as a person sees them in Chromium (which applies no XSLT, so a raw feed is XML there): the runner as a
/// separate process with the samples published, each page loaded in headless Chromium, its DOM and a screenshot checked.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class BrowserTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private const int Width = 1100, Height = 1400;
    private const string Title = "Harbour Gazette";

    [ChromiumFact]
    public async Task TheHomePageAFeedPreviewAndAnArticlePageShowTheirTextInChromium()
    {
        Assert.True(Chromium.Binary is not null, "CI runs the browser check: .ci/run installs Debian's chromium, and it is missing here");
        await using var runner = await RunnerProcess.StartAsync(azurite, new Dictionary<string, string> { ["Syndication__Title"] = Title });
        await PublishSamplesAsync(runner);
        var titles = AllSamples.Articles.Select(a => a.Title).ToArray();
        var preview = new Uri(runner.BaseUrl, "feeds/all.html");

        var home = await LoadAsync(runner.BaseUrl, "home");
        Assert.Equal(Title, Text(home.QuerySelector("h1")));
        Assert.Equal(titles, home.QuerySelectorAll("article h2").Select(Text));
        Assert.Equal(preview.AbsoluteUri, home.QuerySelector("ul.feeds a")!.GetAttribute("href"));
        Assert.Equal(new Uri(runner.BaseUrl, "feeds/all.rss").AbsoluteUri, Text(home.QuerySelector("ul.feeds code")));

        var feed = await LoadAsync(preview, "feed-preview");
        Assert.Equal(Title, Text(feed.QuerySelector("h1")));
        Assert.Equal("Subscribe", Text(feed.QuerySelector(".subscribe h2")));
        Assert.Contains("copy one of these addresses into your feed reader", Text(feed.QuerySelector(".subscribe p")));
        Assert.Equal(new[] { "rss", "atom", "json" }.Select(e => new Uri(runner.BaseUrl, "feeds/all." + e).AbsoluteUri), feed.QuerySelectorAll(".subscribe code").Select(Text));
        Assert.Equal(titles, feed.QuerySelectorAll("article h2").Select(Text));
        Assert.Equal(AllSamples.Articles.Select(a => new Uri(runner.BaseUrl, "articles/" + a.Slug).AbsoluteUri),
            feed.QuerySelectorAll("article h2 a").Select(a => a.GetAttribute("href")));

        var sample = AllSamples.Articles.Single(a => a.Slug == "harbour-reopens");
        var article = await LoadAsync(new Uri(runner.BaseUrl, "articles/" + sample.Slug), "article");
        Assert.Equal(sample.Title, Text(article.QuerySelector("h1")));
        Assert.Equal(Title, Text(article.QuerySelector("nav a")));
        Assert.Equal(preview.AbsoluteUri, article.QuerySelector("footer a")!.GetAttribute("href"));
    }

    // Loads the page in Chromium: checks the screenshot is a real rendering of the window, prints what it read, returns the DOM.
    private async Task<IDocument> LoadAsync(Uri url, string name)
    {
        var folder = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;
        var file = Path.Combine(folder, name + ".png");
        File.Delete(file);
        var clock = Stopwatch.StartNew();
        var dom = new HtmlParser().ParseDocument(await Chromium.LoadAsync(url, file, Width, Height));

        Assert.True(File.Exists(file), $"Chromium saved no screenshot of {url}");
        var png = await File.ReadAllBytesAsync(file);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);
        using var bitmap = SKBitmap.Decode(png);
        Assert.Equal((Width, Height), (bitmap.Width, bitmap.Height));
        var (colors, ink) = Measure(bitmap);
        output.WriteLine($"{name}: {url} in {clock.Elapsed.TotalSeconds:F1} s; {file}: {png.Length:N0} bytes, {Width}x{Height}, " +
            $"{colors:N0} colours, {ink:P1} of the top 300 px dark (text)");
        output.WriteLine($"  h1: {Text(dom.QuerySelector("h1"))}");
        foreach (var h2 in dom.QuerySelectorAll("h2")) output.WriteLine($"  h2: {Text(h2)}");
        foreach (var code in dom.QuerySelectorAll("code")) output.WriteLine($"  code: {Text(code)}");
        // Text drawn at the top (the headline in dark ink) and photographs (thousands of colours), not a blank or error page.
        Assert.True(ink > 0.002, $"{name}: no dark text drawn in the top 300 px of the screenshot");
        Assert.True(colors > 1000, $"{name}: only {colors} colours in the screenshot; its images did not load");
        return dom;
    }

    // The distinct colours of the whole window, and the share of dark pixels in its top 300 rows.
    private static (int Colors, double Ink) Measure(SKBitmap bitmap)
    {
        var colors = new HashSet<uint>();
        var dark = 0;
        for (var y = 0; y < bitmap.Height; y++)
        for (var x = 0; x < bitmap.Width; x++)
        {
            var c = bitmap.GetPixel(x, y);
            colors.Add((uint)c);
            if (y < 300 && c.Red + c.Green + c.Blue < 3 * 96) dark++;
        }
        return (colors.Count, dark / (300.0 * bitmap.Width));
    }

    // The samples uploaded as a publisher uploads them; the runner's container watcher ingests them.
    private static async Task PublishSamplesAsync(RunnerProcess runner)
    {
        await runner.Incoming.CreateIfNotExistsAsync();
        foreach (var folder in Directory.GetDirectories(Repo.Path("samples", "articles")))
        foreach (var image in Directory.GetFiles(folder))
            await runner.Incoming.GetBlobClient($"{Path.GetFileName(folder)}/{Path.GetFileName(image)}").UploadAsync(image, overwrite: true);
        foreach (var document in Directory.GetFiles(Repo.Path("samples", "articles")))
            await runner.Incoming.GetBlobClient(Path.GetFileName(document)).UploadAsync(document, overwrite: true);
        using var http = new HttpClient();
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            using var feed = JsonDocument.Parse(await http.GetStringAsync(new Uri(runner.BaseUrl, "feeds/all.json")));
            var items = feed.RootElement.GetProperty("items").EnumerateArray().ToList();
            if (items.Count == AllSamples.Articles.Count && items.All(i => i.TryGetProperty("image", out _))) return;
            await Task.Delay(250);
        }
        Assert.Fail($"the runner did not publish the {AllSamples.Articles.Count} samples within 60 s");
    }

    private static string Text(IElement? element) => element?.TextContent.Trim() ?? "(missing)";
}
