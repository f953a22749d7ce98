using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Syndication.Feeds;
using Syndication.Ingestion;
using Syndication.Security;
using Syndication.Storage;
using Syndication.Tests.Functions;
using Syndication.Tests.Support;

namespace Syndication.Tests.Infra;

/// <summary>What `azd up` deploys, read from infra/ without Azure: settings, roles, storage, Key Vault, Front Door.</summary>
public sealed partial class InfraTests
{
    /// <summary>The app setting the client-IP trust reads to believe X-Azure-ClientIP only from our Front Door profile.</summary>
    private const string FrontDoorIdSetting = "Syndication__Network__FrontDoorId";

    private static string FunctionAppBicep => File.ReadAllText(Repo.Path("infra", "modules", "functionapp.bicep"));

    private static string Bicep(string module) => File.ReadAllText(Repo.Path("infra", "modules", module + ".bicep"));

    private static string MainBicep => File.ReadAllText(Repo.Path("infra", "main.bicep"));

    private static HashSet<string> BicepAppSettings()
    {
        var block = AppSettingsBlock().Match(FunctionAppBicep);
        Assert.True(block.Success, "functionapp.bicep has no appsettings block");
        return SettingName().Matches(block.Groups[1].Value).Select(m => m.Groups[1].Value).ToHashSet();
    }

    [Fact]
    public void EveryAppSettingTheBicepGivesIsOneTheCodeReads()
    {
        var feedOptions = typeof(FeedOptions).GetProperties().Select(p => $"{FeedOptions.Section}__{p.Name}")
            .Concat(typeof(IngestionOptions).GetProperties().Select(p => $"{IngestionOptions.Section}__{p.Name}")).ToHashSet();
        var schedule = FunctionsMetadataTests.Metadata().SelectMany(f => f!["bindings"]!.AsArray())
            .Select(b => (string?)b!["schedule"]).OfType<string>().Select(s => s.Trim('%')).ToHashSet();
        var storage = StorageClients.IdentitySettings.Select(s => $"{StorageClients.Setting}__{s}")
            .Append($"{StorageClients.Setting}__queueServiceUri");   // read by the Functions host's blob trigger
        var telemetry = new[] { "APPLICATIONINSIGHTS_CONNECTION_STRING", "APPLICATIONINSIGHTS_AUTHENTICATION_STRING" };
        // The server key (a Key Vault reference), and the Front Door id the client-IP trust reads.
        var security = new[] { ServerKey.Setting.Replace(":", "__"), FrontDoorIdSetting, "Syndication__Fediverse__PrivateKey" };
        var storageOptions = typeof(StorageOptions).GetProperties().Select(p => $"{StorageOptions.Section.Replace(":", "__")}__{p.Name}");
        var known = feedOptions.Concat(storageOptions).Concat(schedule).Concat(storage).Concat(telemetry).Concat(security).ToHashSet();

        var bicep = BicepAppSettings();
        Assert.Empty(bicep.Except(known));
        Assert.Empty(storage.Concat(schedule).Concat(telemetry).Concat(security).Except(bicep));
        Assert.DoesNotContain(bicep, s => s == StorageClients.Setting || s.Contains("AccountKey", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void TheAppStartsAfterItsRolesAndNeverCreatesStorageInAzure()
    {
        var main = File.ReadAllText(Repo.Path("infra", "main.bicep"));
        Assert.Matches(@"module api 'modules/functionapp\.bicep' = \{[^}]*dependsOn: \[[^\]]*\brbac\b", main);
        Assert.Matches(@"Syndication__Storage__CreateIfMissing: 'false'", FunctionAppBicep);
    }

    [Theory]
    [InlineData("ba92f5b4-2d11-453d-a403-e96b0029c9fe", "Storage Blob Data Contributor: read documents, write bodies and images, blob trigger receipts")]
    [InlineData("974c5e8b-45b9-4653-ba55-5f855dd0fb88", "Storage Queue Data Contributor: the blob trigger's queues and poison messages")]
    [InlineData("0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3", "Storage Table Data Contributor: article, index and rejection rows")]
    [InlineData("3913510d-42f4-4e42-8a64-420c390055eb", "Monitoring Metrics Publisher: telemetry with Entra auth")]
    public void EveryRoleTheCodeNeedsIsAssignedToTheAppAndTheDeployingUser(string roleId, string why)
    {
        var rbac = File.ReadAllText(Repo.Path("infra", "modules", "rbac.bicep"));
        Assert.True(rbac.Contains(roleId), why);
        var main = File.ReadAllText(Repo.Path("infra", "main.bicep"));
        Assert.Matches(@"identityPrincipalId:\s*identity\.outputs\.principalId", main);
        Assert.Matches(@"userPrincipalId:\s*principalId", main);
    }

    [Fact]
    public void BlobRolesAreContributorOnTheContainersUsedNeverOwnerOnTheAccount()
    {
        var rbac = Bicep("rbac");
        Assert.DoesNotContain("b7e6dc6d-f1e8-4753-8033-0f276bb0955b", rbac);   // Storage Blob Data Owner
        Assert.Matches(@"scope:\s*appContainers\[a\.index\]", rbac);
        Assert.Matches(@"scope:\s*userContainers\[i\]", rbac);
        Assert.DoesNotMatch(@"var accountRoleIds = \[[^\]]*ba92f5b4", rbac);
        // The app's containers: its data, its deployment package, and what the host writes (leases, receipts, keys).
        Assert.Matches(@"hostContainerNames = \['azure-webjobs-hosts', 'azure-webjobs-secrets'\]", MainBicep);
        Assert.Matches(@"appContainerNames:\s*concat\(\[articlesContainerName, publishedContainerName, deploymentContainerName\], hostContainerNames\)", MainBicep);
        Assert.Matches(@"containerNames:\s*concat\(\[articlesContainerName, publishedContainerName, deploymentContainerName\], hostContainerNames\)", MainBicep);
    }

    [Fact]
    public void DeletedAndOverwrittenBlobsCanBeRestoredForFourteenDays()
    {
        var storage = Bicep("storage");
        Assert.Matches(@"param retentionDays int = 14", storage);
        Assert.Matches(@"isVersioningEnabled:\s*true", storage);
        Assert.Matches(@"deleteRetentionPolicy:\s*\{\s*enabled:\s*true\s*days:\s*retentionDays", storage);
        Assert.Matches(@"version:\s*\{\s*delete:\s*\{\s*daysAfterCreationGreaterThan:\s*retentionDays", storage);
    }

    [Fact]
    public void PublishingTakesNoBasicAuthForScmOrFtp()
    {
        foreach (var kind in new[] { "scm", "ftp" })
            Assert.Matches(@"basicPublishingCredentialsPolicies@[^']+' = \{\s*parent: site\s*name: '" + kind + @"'\s*properties: \{\s*allow: false", FunctionAppBicep);
    }

    [Fact]
    public void TheServerKeyComesFromKeyVaultReadByTheAppsIdentityAndMadeByTheHook()
    {
        Assert.Matches(@"Syndication__ServerKey: '@Microsoft\.KeyVault\(SecretUri=\$\{serverKeySecretUri\}\)'", FunctionAppBicep);
        Assert.Matches(@"keyVaultReferenceIdentity:\s*identityId", FunctionAppBicep);
        var vault = Bicep("keyvault");
        Assert.Matches(@"enableRbacAuthorization:\s*true", vault);
        var rbac = Bicep("rbac");
        Assert.Contains("4633458b-17de-408a-b874-0445c86b69e6", rbac);   // Key Vault Secrets User, for the app
        Assert.Matches(@"\[\{ principal: app, roleId: keyVaultSecretsUserRoleId \}\]", rbac);
        Assert.Matches(@"scope:\s*keyVault\b", rbac);
        var hook = File.ReadAllText(Repo.Path("infra", "hooks", "postprovision.sh"));
        Assert.Contains("openssl rand -base64 32", hook);
        Assert.Contains("openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048", hook); // the fediverse actor's key
        Assert.Matches(@"Syndication__Fediverse__PrivateKey: '@Microsoft\.KeyVault\(SecretUri=\$\{fediverseKeySecretUri\}\)'", FunctionAppBicep);
        Assert.Contains("az keyvault secret set", hook);
        Assert.Contains("postprovision:", File.ReadAllText(Repo.Path("azure.yaml")));
    }

    [Fact]
    public void BehindFrontDoorTheOriginAcceptsOnlyOurProfileAndTheAppKnowsItsId()
    {
        Assert.Matches(@"tag: 'ServiceTag'\s*ipAddress: 'AzureFrontDoor\.Backend'\s*headers: \{\s*'x-azure-fdid': \[frontDoorId\]", FunctionAppBicep);
        Assert.Matches(@"ipSecurityRestrictionsDefaultAction: behindFrontDoor \? 'Deny' : 'Allow'", FunctionAppBicep);
        Assert.Matches(FrontDoorIdSetting + @": frontDoorId", FunctionAppBicep);
        Assert.Matches(@"frontDoorId: frontDoor \? cdnProfile!\.outputs\.frontDoorId : ''", MainBicep);
        Assert.Matches(@"output frontDoorId string = profile\.properties\.frontDoorId", Bicep("frontdoorprofile"));
    }

    [Fact]
    public void FrontDoorForwardsNoManageRouteAndRateLimitsPartnerFeedsPerClientIp()
    {
        var frontDoor = Bicep("frontdoor");
        Assert.Matches(@"patternsToMatch: \['/api/\*', '/\.well-known/webfinger'\]", frontDoor);   // /admin and /runtime/webhooks are never forwarded
        var block = Regex.Match(frontDoor, @"name: 'NotThroughFrontDoor'(.*?)\n        \}", RegexOptions.Singleline).Groups[1].Value;
        Assert.Contains("action: 'Block'", block);
        foreach (var route in new[] { Syndication.Http.Routes.Rejections, Syndication.Http.Routes.PutBlob, Syndication.Http.Routes.DeleteArticle,
            Syndication.Http.Routes.Partners, Syndication.Http.Routes.RotatePartner, Syndication.Http.Routes.DeletePartner, Syndication.Http.Routes.BlobDeleted })
            Assert.True(Regex.Matches(block, @"'(/api/[a-z]+/)'").Any(m => ("/" + route).StartsWith(m.Groups[1].Value)), $"{route} is forwarded by Front Door");
        var limit = Regex.Match(frontDoor, @"name: 'PartnerFeedsPerClientIp'(.*?)\n        \}", RegexOptions.Singleline).Groups[1].Value;
        Assert.Contains("ruleType: 'RateLimitRule'", limit);
        Assert.Contains("variableName: 'SocketAddr'", limit);
        Assert.Contains("matchValue: ['/api/partners/']", limit);
        Assert.Contains("'/" + string.Join('/', Syndication.Http.Routes.PartnerFeed.Split('/')[..2]) + "/'", limit);
        Assert.Matches(@"type: 'WebApplicationFirewall'", frontDoor);
        Assert.Matches(@"domains: \[\s*\{\s*id: endpoint\.id", frontDoor);
    }

    [Fact]
    public void StorageAllowsNoSharedKeyAndNoPublicBlobs()
    {
        var storage = File.ReadAllText(Repo.Path("infra", "modules", "storage.bicep"));
        Assert.Matches(@"allowSharedKeyAccess:\s*false", storage);
        Assert.Matches(@"allowBlobPublicAccess:\s*false", storage);
        var main = File.ReadAllText(Repo.Path("infra", "main.bicep"));
        foreach (var container in new[] { "articles", "published" }) Assert.Contains($"ContainerName = '{container}'", main);
    }

    [GeneratedRegex(@"name:\s*'appsettings'\s*properties:\s*\{(.*?)\n\s*\}", RegexOptions.Singleline)]
    private static partial Regex AppSettingsBlock();

    [GeneratedRegex(@"^\s*([A-Za-z_][A-Za-z0-9_]*)\s*:", RegexOptions.Multiline)]
    private static partial Regex SettingName();
}
