using Syndication.Feeds;

namespace Syndication.Tests.Feeds;

/// <summary>
/// The platform rules of the profile rows (what <c>syndication check --for</c> reports): an article that meets every
/// rule of a platform has no finding, and each change that breaks one rule is found by that rule alone, with its outcome.
/// </summary>
public sealed class ProfileRuleTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 12, 0, 0, TimeSpan.Zero);

    // Meets MSN's, SmartNews's and Flipboard's rules: a 40-character title, 2,000 characters of body, yesterday, one
    // author, a 1600x900 JPEG lead image.
    private static readonly ProfileSubject Good = new("Harbour reopens after three days of storm", null, 2000, Now.AddDays(-1), 1,
        [new ProfileImage("image/jpeg", 1600, 900)]);

    private static string[] Broken(FeedProfile profile, ProfileSubject subject) =>
        profile.Rules.Where(r => r.Fails(subject, Now) is not null).Select(r => $"{r.Name}: {r.Outcome}").ToArray();

    public static TheoryData<string> Platforms => new(FeedProfiles.All.Select(p => p.Name));

    [Theory]
    [MemberData(nameof(Platforms))]
    public void AnArticleThatMeetsEveryRuleHasNoFinding(string platform) =>
        Assert.Empty(Broken(FeedProfiles.Find(platform)!, Good));

    public static TheoryData<string, string, string> Breaks => new()
    {
        { "msn", "title of 12", "title 20–150 characters: Refused" },
        { "msn", "title of 160", "title 20–150 characters: Refused|title under 75 characters: Downgraded" },
        { "msn", "title of 160 with a short title", "title under 75 characters: Downgraded" },
        { "msn", "title of 80", "title under 75 characters: Downgraded" },
        { "msn", "body of 449", "body 450–500,000 characters: Refused" },
        { "msn", "body of 500001", "body 450–500,000 characters: Refused" },
        { "msn", "published 366 days ago", "published within 365 days: Refused" },
        { "msn", "no image", "a lead image: Downgraded" },
        { "msn", "image 700x500", "lead image at least 720 px on its long side: Refused" },
        { "msn", "image 2000x1000", "lead image aspect 0.5–1.89: Refused" },
        { "msn", "image 500x1100", "lead image aspect 0.5–1.89: Refused" },
        { "msn", "gif lead", "lead image not a GIF: Refused" },
        { "smartnews", "no image", "a lead image: Downgraded" },
        { "flipboard", "no image", "a lead image: Refused" },
        { "flipboard", "image 1000x499", "lead image at least 500 px on its short side: Refused" },
        { "flipboard", "no author", "an author: Downgraded" },
        { "flipboard", "body of 299", "body at least 300 characters: Downgraded" },
    };

    [Theory]
    [MemberData(nameof(Breaks))]
    public void EachBreakIsFoundByItsRuleAloneWithItsOutcome(string platform, string change, string expected)
    {
        var subject = change switch
        {
            "title of 12" => Good with { Title = "Harbour open" },
            "title of 160" => Good with { Title = new string('h', 160) },
            "title of 160 with a short title" => Good with { Title = new string('h', 160), ShortTitle = "Harbour reopens" },
            "title of 80" => Good with { Title = new string('h', 80) },
            "body of 449" => Good with { BodyCharacters = 449 },
            "body of 500001" => Good with { BodyCharacters = 500_001 },
            "body of 299" => Good with { BodyCharacters = 299 },
            "published 366 days ago" => Good with { Published = Now.AddDays(-366) },
            "no image" => Good with { Images = [] },
            "image 700x500" => Good with { Images = [new("image/jpeg", 700, 500)] },
            "image 2000x1000" => Good with { Images = [new("image/jpeg", 2000, 1000)] },
            "image 500x1100" => Good with { Images = [new("image/jpeg", 500, 1100)] },
            "image 1000x499" => Good with { Images = [new("image/jpeg", 1000, 499)] },
            "gif lead" => Good with { Images = [new("image/gif", 1600, 900), new("image/jpeg", 1600, 900)] },
            "no author" => Good with { Authors = 0 },
            _ => throw new ArgumentException(change),
        };
        Assert.Equal(expected.Split('|'), Broken(FeedProfiles.Find(platform)!, subject));
    }

    [Fact]
    public void TheLimitsThemselvesPass()
    {
        var msn = FeedProfiles.Msn;
        Assert.Empty(Broken(msn, Good with { Title = new string('h', 20), BodyCharacters = 450 }));
        Assert.Empty(Broken(msn, Good with { BodyCharacters = 500_000, Published = Now.AddDays(-365) }));
        Assert.Empty(Broken(msn, Good with { Images = [new("image/png", 1200, 635)] })); // 1.89
        Assert.Empty(Broken(msn, Good with { Images = [new("image/webp", 720, 1440)] })); // 0.5, 720 on a side
        Assert.Empty(Broken(msn, Good with { Published = null })); // not stated: the upload time, now
        Assert.Empty(Broken(FeedProfiles.Flipboard, Good with { Images = [new("image/jpeg", 500, 500)], BodyCharacters = 300 }));
    }

    [Fact]
    public void AFindingSaysWhyInNumbers()
    {
        var reason = FeedProfiles.Msn.Rules.Single(r => r.Name.StartsWith("lead image aspect")).Fails(Good with { Images = [new("image/jpeg", 2000, 1000)] }, Now);
        Assert.Equal("the lead image's aspect (width/height) is 2, outside 0.5–1.89", reason);
        var body = FeedProfiles.Msn.Rules.Single(r => r.Name.StartsWith("body")).Fails(Good with { BodyCharacters = 120 }, Now);
        Assert.Equal("the body has 120 characters of text, fewer than 450", body);
    }
}
