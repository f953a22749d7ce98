namespace Syndication.Http;

/// <summary>The HTTP routes (after the "api" prefix): the Functions attributes and the local runner both use these.</summary>
public static class Routes
{
    public const string Feed = "feeds/{file}";
    public const string FilteredFeed = "feeds/{kind}/{file}";
    public const string Opml = "feeds.opml";
    public const string Image = "images/{slug}/{file}";
    public const string Article = "articles/{slug}";
    public const string Health = "health";
    /// <summary>The home page at /api/ (Functions allow no empty route; an always-empty optional segment stands in).</summary>
    public const string Index = "{ignored:maxlength(0)?}";
}
