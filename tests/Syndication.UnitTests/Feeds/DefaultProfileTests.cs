using System.Text;
using Syndication.Feeds;
using Syndication.Partners;
using Syndication.Storage;

namespace Syndication.Tests.Feeds;

/// <summary>The default profile is named once: a partner stored, created or read without one gets the profile table's standard row.</summary>
public sealed class DefaultProfileTests
{
    [Fact]
    public void APartnerThatNamesNoProfileGetsTheStandardRowOfTheTable()
    {
        var stored = new StoredPartner("acme", "Acme", ["all"], 0, "", "v1", DateTimeOffset.UnixEpoch);
        Assert.Same(FeedProfiles.Standard, FeedProfiles.Find(stored.Profile));
        var (asked, error) = PartnerRequest.Parse(Encoding.UTF8.GetBytes("""{"id":"acme","feeds":["all"]}"""), 100);
        Assert.Null(error);
        Assert.Equal(stored.Profile, asked!.Profile);
        Assert.Same(FeedProfiles.Standard, FeedProfiles.Of(null));
        Assert.Same(FeedProfiles.Standard, FeedProfiles.Of("a-profile-since-removed"));
    }
}
