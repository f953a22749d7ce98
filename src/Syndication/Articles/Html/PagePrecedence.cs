namespace Syndication.Articles;

/// <summary>
/// The one precedence table for a page's fields: for each, its rows in order, the first row that yields a value decides.
/// A row is named "field.source-or-rule"; the parse records the row that decided each field, so a miss can be traced.
/// </summary>
internal static class PagePrecedence
{
    /// <summary>One way to state a field; null (or an empty list) when it does not apply to the page.</summary>
    public sealed record Row<T>(string Name, Func<PageSources, T?> Read);

    /// <summary>A field and its rows, tried in order.</summary>
    public sealed record Field<T>(string Name, params Row<T>[] Rows)
    {
        /// <summary>The first row's value that is stated, recording that row's name in <paramref name="decisions"/>.</summary>
        public T? Decide(PageSources sources, IDictionary<string, string> decisions)
        {
            foreach (var row in Rows)
            {
                var value = row.Read(sources);
                if (!Stated(value)) continue;
                decisions[Name] = row.Name;
                return value;
            }
            decisions[Name] = Name + ".none";
            return default;
        }

        private static bool Stated(T? value) => value switch
        {
            null => false,
            string s => !string.IsNullOrWhiteSpace(s),
            IReadOnlyList<string> l => l.Count > 0,
            _ => true,
        };
    }

    public static readonly Field<string> SiteName = new("site-name",
        new("site-name.jsonld-publisher", s => s.JsonLd.SiteName),
        new("site-name.meta", s => s.Meta.SiteName));

    public static readonly Field<string> Url = new("url",
        new("url.jsonld", s => s.JsonLd.Url),
        new("url.meta-canonical", s => s.Meta.Url));

    public static readonly Field<string> Headline = new("headline",
        new("headline.metadata-with-the-kicker-colon", s => HtmlTitle.KickerColonDropped(s.StatedHeadline, s.VisibleHeadline) ? s.StatedHeadline : null),
        new("headline.visible-same-words-as-metadata", s => s.StatedHeadline is { } stated && HtmlTitle.Same(stated, s.VisibleHeadline) ? s.VisibleHeadline : null),
        new("headline.visible-confirmed-by-title", s => Differs(s) && HtmlTitle.Same(HtmlTitle.Clean(s.PageTitle, s.SiteName, s.VisibleHeadline), s.VisibleHeadline) ? s.VisibleHeadline : null),
        new("headline.stated-without-the-visible-kicker", s => HtmlTitle.KickerBefore(s.VisibleHeadline, s.StatedHeadline) ? s.StatedHeadline : null),
        new("headline.visible-metadata-shortened", s => Differs(s) && HtmlTitle.Shortened(s.StatedHeadline!, s.VisibleHeadline!) ? s.VisibleHeadline : null),
        new("headline.jsonld", s => HtmlTitle.Clean(s.JsonLd.Title, s.SiteName, s.VisibleHeadline)),
        new("headline.stated-over-visible-kicker", s => OverKicker(s)),
        new("headline.visible-over-social-title", s => OverSocialTitle(s)),
        new("headline.meta", s => HtmlTitle.Clean(s.Meta.Title, s.SiteName, s.VisibleHeadline)),
        new("headline.visible-in-title", s => (s.PageTitle is null || Contains(HtmlTitle.Clean(s.PageTitle, s.SiteName, s.VisibleHeadline)!, s.VisibleHeadline))
            && !HtmlTitle.IsSiteName(s.VisibleHeadline ?? "", s.SiteName) ? s.VisibleHeadline : null),
        new("headline.title-element-over-banner", s => OverBanner(s)),
        new("headline.visible", s => s.VisibleHeadline),
        new("headline.title-element", s => HtmlTitle.Clean(s.PageTitle, s.SiteName, null)));

    // A named writer from the first source that names one; an agency or organisation only when no source does.
    public static readonly Field<IReadOnlyList<string>> Byline = new("byline",
        new("byline.visible-among-metadata-credits", s => AmongCredits(s)),
        new("byline.jsonld-person", s => Writers(s, s.JsonLd)),
        new("byline.meta-author", s => Writers(s, s.Meta)),
        new("byline.visible", s => Writers(s, s.Markup)),
        new("byline.text", s => Writers(s, s.Text)),
        new("byline.agency-or-staff-only-when-no-writer", s => new[] { s.JsonLd, s.Meta, s.Markup, s.Text }.Select(f => Names(s, f)).FirstOrDefault(n => n.Count > 0)));

    public static readonly Field<PageDate?> Published = new("published",
        new("published.visible-time-on-the-metadata-day", s => TimeOnStatedDay(s.JsonLd.Published ?? s.Meta.Published, s.Markup.Published)),
        new("published.meta-the-visible-day-confirms", s => ConfirmedMeta(s)),
        new("published.metadata-instant-in-the-visible-local-time", s => InVisibleLocalTime(s.JsonLd.Published ?? s.Meta.Published, s.Markup.Published)),
        new("published.meta-when-jsonld-is-another-page", s => AnotherPage(s.JsonLd.Url, s.Meta.Url) ? s.Meta.Published : null),
        new("published.jsonld", s => s.JsonLd.Published),
        new("published.visible-before-an-undescribed-meta-date", s => BeforeUndescribed(s)),
        new("published.meta", s => s.Meta.Published),
        new("published.visible", s => s.Markup.Published),
        new("published.script-data", s => s.ScriptData.Published),
        new("published.first-dated-line", s => s.PageText.Published),
        new("published.address-path", s => LooseDates.InAddress(s.Meta.Url) ?? LooseDates.InAddress(s.JsonLd.Url)),
        new("published.title-part", s => LooseDates.InTitle(s.PageTitle, s.Locale)));

    public static readonly Field<PageDate?> Updated = new("updated",
        new("updated.jsonld", s => s.JsonLd.Modified),
        new("updated.meta", s => s.Meta.Modified),
        new("updated.visible", s => s.Markup.Modified));

    // The page's own lang attribute outranks og:locale, which sites often leave at a default.
    public static readonly Field<string> Language = new("language",
        new("language.jsonld", s => s.JsonLd.Language),
        new("language.html-lang", s => s.Markup.Language),
        new("language.meta", s => s.Meta.Language));

    /// <summary>The lead image the metadata states (as written); without one, the article's first picture leads (ArticleImages).</summary>
    public static readonly Field<string> LeadImage = new("lead-image",
        new("lead-image.jsonld", s => s.JsonLd.Images.FirstOrDefault()),
        new("lead-image.meta", s => s.Meta.Images.FirstOrDefault()));

    public static readonly Field<string> Summary = new("summary",
        new("summary.jsonld", s => s.JsonLd.Description),
        new("summary.meta", s => s.Meta.Description),
        new("summary.first-paragraph", s => s.Text.Description));

    public static readonly Field<IReadOnlyList<string>> Categories = new("categories",
        new("categories.jsonld", s => s.JsonLd.Sections),
        new("categories.meta", s => s.Meta.Sections));

    public static readonly Field<IReadOnlyList<string>> Tags = new("tags",
        new("tags.jsonld", s => s.JsonLd.Tags),
        new("tags.meta", s => s.Meta.Tags));

    private static bool Contains(string title, string? headline) =>
        headline is not null && HtmlTitle.Squash(title).Contains(HtmlTitle.Squash(headline), StringComparison.Ordinal);

    // A visible "headline" the <title> does not contain, or holds only as a suffix ("…｜Business Monday｜Site"), and that
    // is shorter than it is a section banner or the site's logo: the <title>, cleaned of both, states the headline.
    private static string? OverBanner(PageSources s)
    {
        var title = HtmlTitle.Clean(s.PageTitle, s.SiteName, s.VisibleHeadline);
        return s.VisibleHeadline is { } banner && title is not null && !HtmlTitle.IsSiteName(title, s.SiteName)
            && HtmlTitle.Squash(title).Length > HtmlTitle.Squash(banner).Length ? title : null;
    }

    // Metadata that states only a day (midnight, as UTC or without a zone) and a visible stamp with a time on that same
    // day: the stamp is the more precise statement of the same publication. Both are compared as written, before the
    // publisher's zone applies to either, so the zone setting does not change which row decides.
    private static PageDate? TimeOnStatedDay(PageDate? stated, PageDate? visible) =>
        stated?.When is { } day && day.TimeOfDay == TimeSpan.Zero && day.Offset == TimeSpan.Zero
        && visible is { When: var stamp } && stamp.TimeOfDay != TimeSpan.Zero && stamp.Date == day.Date ? visible : null;

    // Metadata in UTC and a visible time that states no zone and differs from it by whole quarter hours (same minute):
    // the same instant in the site's local time, which reveals the page's offset and its day (a stated zone, then).
    private static PageDate? InVisibleLocalTime(PageDate? stated, PageDate? visible)
    {
        if (stated?.When is not { Offset.Ticks: 0 } utc || visible is not { ZoneStated: false, When: var local } || local.TimeOfDay == TimeSpan.Zero) return null;
        var offset = Minute(local.DateTime) - Minute(utc.UtcDateTime);
        return offset != TimeSpan.Zero && offset.Duration() <= TimeSpan.FromHours(14) && offset.Ticks % TimeSpan.FromMinutes(15).Ticks == 0
            ? new PageDate(utc.ToOffset(offset), true) : null;
    }

    // JSON-LD whose page (mainEntityOfPage, url) has another path than the page's canonical describes another page
    // (a video's own page); scheme, host and a trailing slash do not count.
    private static bool AnotherPage(string? stated, string? canonical) =>
        Uri.TryCreate(stated, UriKind.Absolute, out var a) && Uri.TryCreate(canonical, UriKind.Absolute, out var b)
        && !string.Equals(a.AbsolutePath.TrimEnd('/'), b.AbsolutePath.TrimEnd('/'), StringComparison.OrdinalIgnoreCase);

    // A meta date from a tag that does not say which date it is (<meta name="date">, which many systems stamp with the
    // last change) and a visible dateline on an earlier day: the dateline states the publication.
    private static PageDate? BeforeUndescribed(PageSources s) =>
        s.Meta.PublishedIsUndescribed && s.Markup.Published is { } visible && visible.When.Date < s.Meta.Published?.When.Date ? visible : null;

    private static DateTime Minute(DateTime d) => new(d.Year, d.Month, d.Day, d.Hour, d.Minute, 0);

    // JSON-LD and meta tags that state different days: the one whose day the visible dateline states is the page's.
    private static PageDate? ConfirmedMeta(PageSources s) =>
        s.JsonLd.Published is { } ld && s.Meta.Published is { } meta && ld.When.Date != meta.When.Date
        && s.Markup.Published is { } visible && visible.When.Date == meta.When.Date ? meta : null;

    // og:title is written for sharing; a visible headline of a few words that is not the site's name is the article's
    // own (a banner or logo is one or two words: "Business Monday", "Rolling Stone").
    private static string? OverSocialTitle(PageSources s) =>
        s.JsonLd.Title is null && s.VisibleHeadline is { } visible && !HtmlTitle.IsSiteName(visible, s.SiteName)
        && visible.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= 3 ? visible : null;

    // A stated headline that <title> confirms and that opens with the whole visible one before a separator ("Lust for
    // Youth" of "Lust for Youth: Lust for Youth"): the visible one is its kicker (an artist, a section).
    private static string? OverKicker(PageSources s)
    {
        if (s.VisibleHeadline is not { } visible || s.StatedHeadline is not { } stated || stated.Length <= visible.Length) return null;
        var rest = stated[visible.Length..].TrimStart();
        return stated.StartsWith(visible, StringComparison.OrdinalIgnoreCase) && rest.Length > 1 && rest[0] is ':' or '|' or '–' or '—' or '-'
            && HtmlTitle.Clean(s.PageTitle, s.SiteName, null) is { } title && Contains(title, stated) ? stated : null;
    }

    private static bool Differs(PageSources s) =>
        s.VisibleHeadline is not null && s.StatedHeadline is { } stated && !HtmlTitle.Same(stated, s.VisibleHeadline);

    // Metadata that lists more people than the visible byline, all of the byline's among them, credits photographers,
    // stylists and models beside the writers ("Connie Wang,Sharokh Mirzai,… at MSA Models"): readers see the byline.
    private static IReadOnlyList<string>? AmongCredits(PageSources s)
    {
        var (visible, stated) = (Writers(s, s.Markup), Writers(s, s.JsonLd) ?? Writers(s, s.Meta));
        return visible is not null && stated is not null && visible.Count < stated.Count
            && visible.All(v => stated.Contains(v, StringComparer.OrdinalIgnoreCase)) ? visible : null;
    }

    private static IReadOnlyList<string>? Writers(PageSources s, PageFacts source)
    {
        var names = Names(s, source);
        return names.Count > 0 && !source.AuthorsAreOrganizations && !names.All(WireAgencies.IsCredit) ? names : null;
    }

    // The site's own name is never an author, nor the name its address gives it ("VnExpress" on vnexpress.net).
    private static IReadOnlyList<string> Names(PageSources s, PageFacts source) =>
        source.Authors.Where(n => !HtmlTitle.IsSiteName(n, s.SiteName) && !HtmlTitle.IsHostName(n, s.Meta.Url ?? s.JsonLd.Url)).ToList();
}
