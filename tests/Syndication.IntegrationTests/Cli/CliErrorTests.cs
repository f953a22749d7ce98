using Azure.Storage;
using Azure.Storage.Sas;
using Syndication.Tests.Support;

namespace Syndication.Tests.Cli;

/// <summary>Whatever storage answers, the command says it in one line on the error stream, never a stack trace.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class CliErrorTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task NothingListeningIsOneLineThatSuggestsStartingAzurite()
    {
        var dead = Connection("devstoreaccount1", AzuriteFixture.AccountKey, Ports.Free(), Ports.Free());

        var result = await Run(new() { ["AzureWebJobsStorage"] = dead }, "publish", Repo.Samples("harbour-reopens.md"));

        OneLine(result, 3, "nothing is listening there (is Azurite running? ./run.sh starts it)");
    }

    [Fact]
    public async Task ABadSettingIsOneLineNamingIt()
    {
        var result = await Run(new() { ["Syndication:Storage:Table"] = "my-table" }, "publish", Repo.Samples("harbour-reopens.md"));

        OneLine(result, 2, "Syndication__Storage__Table must be 3 to 63 letters and digits, starting with a letter (it is \"my-table\")");
    }

    [Fact]
    public async Task AMissingContainerIsNamed()
    {
        var result = await Run(new() { ["Syndication:Storage:CreateIfMissing"] = "false" }, "publish", Repo.Samples("harbour-reopens.md"));

        OneLine(result, 3, "container missing: Azurite at http://127.0.0.1:");
    }

    [Fact]
    public async Task AWrongKeyIsNoPermission()
    {
        var wrong = Convert.ToBase64String(new byte[64]);

        var result = await Run([], "rejections", "--connection-string", Connection("devstoreaccount1", wrong, azurite.BlobPort, azurite.TablePort));

        OneLine(result, 3, "no permission: Azurite at http://127.0.0.1:" + azurite.BlobPort + " refused the account key");
    }

    [Fact]
    public async Task AReadOnlySasIsNoPermissionToPublish()
    {
        var sas = new AccountSasBuilder(AccountSasPermissions.Read | AccountSasPermissions.List, DateTimeOffset.UtcNow.AddHours(1),
            AccountSasServices.Blobs | AccountSasServices.Tables, AccountSasResourceTypes.All)
            .ToSasQueryParameters(new StorageSharedKeyCredential("devstoreaccount1", AzuriteFixture.AccountKey)).ToString();
        var readOnly = $"BlobEndpoint=http://127.0.0.1:{azurite.BlobPort}/devstoreaccount1;TableEndpoint=http://127.0.0.1:{azurite.TablePort}/devstoreaccount1;SharedAccessSignature={sas}";

        var cli = new CliRun(azurite);
        await using (var site = cli.Site()) await site.Storage.EnsureCreatedAsync();

        var result = await cli.RunAsync("publish", "--connection-string", readOnly, Repo.Samples("harbour-reopens.md"));

        OneLine(result, 3, "no permission: Azurite at http://127.0.0.1:" + azurite.BlobPort + " refused the SAS");
    }

    [Fact]
    public async Task AnAccountAzuriteDoesNotKnowIsNoSuchAccount()
    {
        var result = await Run([], "rejections", "--connection-string", Connection("nosuchaccount", AzuriteFixture.AccountKey, azurite.BlobPort, azurite.TablePort));

        OneLine(result, 3, "no such account: Azurite at http://127.0.0.1:" + azurite.BlobPort + " has no account 'nosuchaccount'");
    }

    [Fact]
    public async Task BadUsageIsOneLineWithExitTwo()
    {
        OneLine(await Run([], "publish", "/no/such/folder"), 2, "publish: /no/such/folder is neither a folder nor a file");
        OneLine(await Run([], "rejections", "--connection-string", "nonsense"), 2, "the connection string is not valid");
        OneLine(await Run([], "rejections", "--account-name", "Not_An_Account"), 2, "no such account: 'Not_An_Account' is not a storage account name");
        OneLine(await Run([], "unpublish", "../etc"), 2, "'../etc' is not a slug");
    }

    private Task<CliResult> Run(Dictionary<string, string?> settings, params string[] args) => new CliRun(azurite, settings).RunAsync(args);

    private static void OneLine(CliResult result, int exit, string expected)
    {
        Assert.Equal(exit, result.Exit);
        var line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(expected, line);
        Assert.StartsWith("syndication: ", line);
        Assert.DoesNotMatch(@"\bat [\w.`]+\(|Exception", line);
    }

    private static string Connection(string account, string key, int blobPort, int tablePort) =>
        $"DefaultEndpointsProtocol=http;AccountName={account};AccountKey={key};BlobEndpoint=http://127.0.0.1:{blobPort}/{account};TableEndpoint=http://127.0.0.1:{tablePort}/{account};";
}
