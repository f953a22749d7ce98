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

    [Fact]
    public async Task AProfilePatchedBetweenARotationsReadAndItsWriteSurvivesAndSoDoesTheRotation()
    {
        await using var site = new TestSite(azurite);
        var store = site.Get<PartnerStore>();
        Assert.True(await store.AddPartnerAsync(Partner("acme")));
        var seen = new List<string>();

        var rotated = await store.RotatePartnerAsync("acme", read =>
        {
            seen.Add(read.Profile);
            // The PATCH of another admin request lands after this rotation read the row, before it writes.
            if (seen.Count == 1) Assert.True(store.SetPartnerProfileAsync("acme", "msn").GetAwaiter().GetResult());
            return read with { PasswordHash = "hmac-sha256$second", Version = "version-2" };
        });

        Assert.Equal([StoredPartner.DefaultProfile, "msn"], seen); // refused once (412), then rotated the row as patched
        var row = await store.PartnerAsync("acme");
        Assert.Equal(("msn", "hmac-sha256$second", "version-2"), (row!.Profile, row.PasswordHash, row.Version));
        Assert.Equal((row.Profile, row.PasswordHash, row.Version), (rotated!.Profile, rotated.PasswordHash, rotated.Version)); // what it returns is what it wrote
    }

    [Fact]
    public async Task ARotationOfAPartnerDeletedMeanwhileOrNeverAddedFindsNoneAndWritesNothing()
    {
        await using var site = new TestSite(azurite);
        var store = site.Get<PartnerStore>();
        Assert.Null(await store.RotatePartnerAsync("nobody", p => p with { Version = "v" }));
        Assert.True(await store.AddPartnerAsync(Partner("gone")));

        var rotated = await store.RotatePartnerAsync("gone", read =>
        {
            Assert.True(store.DeletePartnerAsync("gone").GetAwaiter().GetResult());
            return read with { PasswordHash = "hmac-sha256$second", Version = "version-2" };
        });

        Assert.Null(rotated);
        Assert.Null(await store.PartnerAsync("gone")); // not brought back by the rotation's write
    }

    [Fact]
    public async Task ARowThatKeepsChangingUnderARotationEndsInA412AfterItsAttempts()
    {
        await using var site = new TestSite(azurite);
        var store = site.Get<PartnerStore>();
        Assert.True(await store.AddPartnerAsync(Partner("busy")));
        var attempts = 0;

        var refused = await Assert.ThrowsAsync<Azure.RequestFailedException>(() => store.RotatePartnerAsync("busy", read =>
        {
            attempts++;
            Assert.True(store.SetPartnerProfileAsync("busy", attempts % 2 == 0 ? "msn" : "flipboard").GetAwaiter().GetResult());
            return read with { Version = "never" };
        }));

        Assert.Equal(412, refused.Status);
        Assert.Equal(PartnerStore.RotateAttempts, attempts);
        Assert.Equal("version-1", (await store.PartnerAsync("busy"))!.Version);
    }
}
