using Azure.Data.Tables;
using Syndication.Feeds;
using Syndication.Storage;
using Syndication.Tests.Support;

namespace Syndication.Tests.Partners;

/// <summary>The partner rows on Azurite: what a row from before a column reads as, and writes that race.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class PartnerStoreTests(AzuriteFixture azurite)
{
    private static StoredPartner Partner(string id) =>
        new(id, "Acme", ["all"], 0, "hmac-sha256$first", "version-1", DateTimeOffset.UnixEpoch);

    [Fact]
    public async Task ARowWrittenBeforeProfilesReadsAsTheStandardProfile()
    {
        await using var site = new TestSite(azurite);
        var store = site.Get<PartnerStore>();
        Assert.True(await store.AddPartnerAsync(Partner("old-row")));
        // The row as it was before profiles: every column but Profile.
        await site.Storage.Table.UpdateEntityAsync(new TableEntity("partner", "old-row")
        {
            ["Name"] = "Acme", ["Feeds"] = "all", ["Limit"] = 0, ["PasswordHash"] = "hmac-sha256$first", ["Version"] = "version-1",
            ["Created"] = DateTimeOffset.UnixEpoch,
        }, Azure.ETag.All, TableUpdateMode.Replace);

        var read = await store.PartnerAsync("old-row");

        Assert.Same(FeedProfiles.Standard, FeedProfiles.Find(read!.Profile));
    }
}
