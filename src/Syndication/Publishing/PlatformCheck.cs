using Syndication.Feeds;

namespace Syndication.Publishing;

/// <summary>
/// What a platform would refuse or downgrade in a checked article: the rules of its profile's row
/// (<see cref="FeedProfile.Rules"/>) over the report, so the rules are declared once, beside what the feed writes.
/// </summary>
public static class PlatformCheck
{
    /// <summary>Each rule of <paramref name="profile"/> the article breaks; empty when it meets them all.</summary>
    public static IReadOnlyList<ProfileFinding> Findings(ArticleReport report, FeedProfile profile, DateTimeOffset now) =>
        profile.Check(Subject(report), now);

    /// <summary>The report as the rules see it: the images readers will get, the lead first (remote links and rejected files left out: their size is not known).</summary>
    public static ProfileSubject Subject(ArticleReport report) => new(report.Title ?? "", report.ShortTitle, report.BodyCharacters,
        report.Published, report.Authors.Count,
        report.Images.Where(i => i.Rejection is null && i.ContentType is not null).Select(i => new ProfileImage(i.ContentType!, i.Width, i.Height)).ToList());
}
