using Syndication.Functions;

namespace Syndication.Tests.Functions;

public sealed class TelemetrySetupTests
{
    [Theory]
    [InlineData("ClientId=0b5c1f3e-1111-2222-3333-444455556666;Authorization=AAD", "0b5c1f3e-1111-2222-3333-444455556666")]
    [InlineData("Authorization=AAD;ClientId=0b5c1f3e-1111-2222-3333-444455556666", "0b5c1f3e-1111-2222-3333-444455556666")]
    [InlineData(" clientid = 0b5c1f3e-1111-2222-3333-444455556666 ; authorization = aad ;", "0b5c1f3e-1111-2222-3333-444455556666")]
    [InlineData("Authorization=AAD", null)]
    [InlineData("ClientId=;Authorization=AAD", null)]
    public void TheAuthenticationStringNamesTheIdentityInAnyOrderAndCase(string value, string? clientId)
    {
        var identity = TelemetrySetup.ParseAuthentication(value);
        Assert.NotNull(identity);
        Assert.Equal(clientId, identity.ClientId);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("ClientId=0b5c1f3e-1111-2222-3333-444455556666")]
    [InlineData("Authorization=Key;ClientId=0b5c1f3e-1111-2222-3333-444455556666")]
    [InlineData("garbage")]
    public void WithoutAuthorizationAadThereIsNoEntraIdentity(string? value) =>
        Assert.Null(TelemetrySetup.ParseAuthentication(value));

    [Theory]
    [InlineData(null, 1.0)]
    [InlineData("0.25", 0.25)]
    [InlineData("2", 1.0)]
    [InlineData("-1", 0.0)]
    [InlineData("lots", 1.0)]
    public void TheSamplingRatioIsAShareBetweenNothingAndEverything(string? value, double ratio) =>
        Assert.Equal(ratio, TelemetrySetup.SamplingRatio(value));

    [Fact]
    public void HostJsonCarriesNoApplicationInsightsSamplingThatOpenTelemetryModeWouldIgnore()
    {
        var host = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Support.Repo.Path("host.json")))!;
        Assert.Equal("OpenTelemetry", (string?)host["telemetryMode"]);
        Assert.Null(host["logging"]?["applicationInsights"]);
    }
}
