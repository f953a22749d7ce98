namespace Syndication.Articles;

/// <summary>What every source of a page states, for <see cref="PagePrecedence"/> to choose from.</summary>
/// <param name="Text">What the extracted text says (SmartReader's byline, the first paragraph); None until extraction ran.</param>
internal sealed record PageSources(PageFacts JsonLd, PageFacts Meta, PageFacts Markup, string? PageTitle, PageFacts Text)
{
    /// <summary>The site's own name (decided first: titles and bylines are cleaned of it).</summary>
    public string? SiteName { get; init; }

    /// <summary>The dates the page's scripts carry as data: read only when a row reaches them (no marked place states one).</summary>
    public PageFacts ScriptData => scriptData?.Value ?? PageFacts.None;

    /// <summary>How <see cref="ScriptData"/> is read, once, when a row first asks.</summary>
    public Func<PageFacts> ReadScriptData { init => scriptData = new(value); }

    /// <summary>The first dated line of the page's text: read only when a row reaches it (a scan of every text block).</summary>
    public PageFacts PageText => pageText?.Value ?? PageFacts.None;

    /// <summary>How <see cref="PageText"/> is read, once, when a row first asks.</summary>
    public Func<PageFacts> ReadPageText { init => pageText = new(value); }

    private readonly Lazy<PageFacts>? scriptData, pageText;

    /// <summary>How the page writes dates (its language): "05/03/2024" is 5 March on a French page, May 3 on an American one.</summary>
    public PageLocale Locale { get; init; } = PageLocale.Unknown;

    /// <summary>The headline of the markup: the page's h1 (or title-classed element) that best covers its title.</summary>
    public string? VisibleHeadline => Markup.Title;

    /// <summary>The metadata's headline (JSON-LD, else og:title), without the site name.</summary>
    public string? StatedHeadline => HtmlTitle.Clean(JsonLd.Title, SiteName, VisibleHeadline) ?? HtmlTitle.Clean(Meta.Title, SiteName, VisibleHeadline);
}
