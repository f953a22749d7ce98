using System.Globalization;
using Syndication.Articles;

namespace Syndication.Feeds;

/// <summary>What a platform does with an article that breaks a rule: refuses it (or its image), or takes it with less.</summary>
public enum RuleOutcome { Refused, Downgraded }

/// <summary>An article as a platform's rules look at it: headline, short title, body length, date, authors and images (the lead first).</summary>
public sealed record ProfileSubject(string Title, string? ShortTitle, int BodyCharacters, DateTimeOffset? Published, int Authors,
    IReadOnlyList<ProfileImage> Images)
{
    /// <summary>A feed item as the rules see it: its body's text (the figures left out) and the images we serve (a remote one's size is not known).</summary>
    public static ProfileSubject Of(FeedItem item)
    {
        return new(item.Title, item.ShortTitle, HtmlText.Characters(Figures.Body(item).SelectMany(HtmlText.Words).ToList()), item.Published, item.Authors.Count,
            item.Images.Where(i => i.IsKnown).Select(i => new ProfileImage(i.ContentType, i.Width, i.Height)).ToList());
    }
}

/// <summary>One rule an article breaks: the rule, refused or downgraded, why, and where the platform says so.</summary>
public sealed record ProfileFinding(string Rule, RuleOutcome Outcome, string Reason, string Source);

/// <summary>One image as its bytes state it.</summary>
public sealed record ProfileImage(string ContentType, int Width, int Height);

/// <summary>
/// One thing a platform requires of an article: its name, what breaking it costs, where the platform says so, and the
/// check (the reason it fails, or null). Declared once, in the profile's row of <see cref="FeedProfiles"/>.
/// </summary>
public sealed record ProfileRule(string Name, RuleOutcome Outcome, string Source, Func<ProfileSubject, DateTimeOffset, string?> Fails);

/// <summary>The kinds of rule the profile rows are made of.</summary>
public static class ProfileRules
{
    /// <summary>The headline's length in characters; over <paramref name="max"/> is fine when a short title of at most <paramref name="shortMax"/> is given.</summary>
    public static ProfileRule TitleLength(int min, int max, int shortMax, RuleOutcome outcome, string source) =>
        new($"title {min}–{max} characters", outcome, source, (a, _) =>
            a.Title.Length < min ? $"the title has {a.Title.Length} characters, fewer than {min}"
            : a.Title.Length > max && (a.ShortTitle is null || a.ShortTitle.Length > shortMax)
                ? $"the title has {a.Title.Length} characters, over {max}, and no short title of at most {shortMax} is given" : null);

    /// <summary>A headline of <paramref name="length"/> characters or more is cut short where it is shown.</summary>
    public static ProfileRule TitleTruncatedFrom(int length, string source) =>
        new($"title under {length} characters", RuleOutcome.Downgraded, source, (a, _) =>
            a.Title.Length >= length ? $"the title has {a.Title.Length} characters and is cut short from {length}" : null);

    /// <summary>The body's length in characters of text (markup not counted).</summary>
    public static ProfileRule BodyLength(int min, int max, RuleOutcome outcome, string source) =>
        new(max == int.MaxValue ? $"body at least {Number(min)} characters" : $"body {Number(min)}–{Number(max)} characters", outcome, source, (a, _) =>
            a.BodyCharacters < min ? $"the body has {Number(a.BodyCharacters)} characters of text, fewer than {Number(min)}"
            : a.BodyCharacters > max ? $"the body has {Number(a.BodyCharacters)} characters of text, over {Number(max)}" : null);

    /// <summary>The published date at most <paramref name="days"/> old (an unstated date is the upload time: new).</summary>
    public static ProfileRule MaxAgeDays(int days, RuleOutcome outcome, string source) =>
        new($"published within {days} days", outcome, source, (a, now) =>
            a.Published is { } p && now - p > TimeSpan.FromDays(days) ? $"published {p:yyyy-MM-dd}, more than {days} days ago" : null);

    /// <summary>At least one author, for the byline (dc:creator).</summary>
    public static ProfileRule Author(RuleOutcome outcome, string source) =>
        new("an author", outcome, source, (a, _) => a.Authors == 0 ? "no author is given, so the item has no dc:creator" : null);

    /// <summary>A lead image at all.</summary>
    public static ProfileRule LeadImage(RuleOutcome outcome, string source) =>
        new("a lead image", outcome, source, (a, _) => a.Images.Count == 0 ? "the article has no image" : null);

    /// <summary>The lead image at least <paramref name="longSide"/> on its longer side and <paramref name="shortSide"/> on its shorter (no image: the lead-image rule's business).</summary>
    public static ProfileRule ImageSize(int longSide, int shortSide, RuleOutcome outcome, string source) =>
        new(shortSide > 0 ? $"lead image at least {shortSide} px on its short side" : $"lead image at least {longSide} px on its long side", outcome, source, (a, _) =>
            a.Images is [var i, ..] && (Math.Max(i.Width, i.Height) < longSide || Math.Min(i.Width, i.Height) < shortSide)
                ? $"the lead image is {i.Width}x{i.Height} px, {(shortSide > 0 ? $"under {shortSide} px on its short side" : $"under {longSide} px on its long side")}" : null);

    /// <summary>The lead image's width over height within [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public static ProfileRule ImageAspect(double min, double max, RuleOutcome outcome, string source) =>
        new($"lead image aspect {Number(min)}–{Number(max)}", outcome, source, (a, _) =>
            a.Images is [var i, ..] && i.Height > 0 && (double)i.Width / i.Height is var r && (r < min || r > max)
                ? $"the lead image's aspect (width/height) is {r.ToString("0.##", CultureInfo.InvariantCulture)}, outside {Number(min)}–{Number(max)}" : null);

    /// <summary>The lead (promo) image not a GIF.</summary>
    public static ProfileRule NoGifLead(RuleOutcome outcome, string source) =>
        new("lead image not a GIF", outcome, source, (a, _) =>
            a.Images is [{ ContentType: "image/gif" }, ..] ? "the lead image, the promo, is a GIF" : null);

    private static string Number(double n) => n.ToString("#,0.##", CultureInfo.InvariantCulture);
}
