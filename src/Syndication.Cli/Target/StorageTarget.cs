using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Syndication.Cli.Commands;
using Syndication.Publishing;
using Syndication.Security;

namespace Syndication.Cli.Target;

/// <summary>
/// The storage a command works on: the local Azurite (<c>AzureWebJobsStorage</c>, else
/// <c>UseDevelopmentStorage=true</c>), an Azure account by name with <c>DefaultAzureCredential</c> (after
/// <c>az login</c>: the identity-only access the app itself uses), or a connection string.
/// </summary>
internal sealed partial class StorageTarget
{
    private const string DevelopmentStorage = "UseDevelopmentStorage=true";

    private StorageTarget(string description, bool local, IConfiguration configuration, BlobServiceClient blobs, TableServiceClient tables,
        QueueServiceClient queues)
    {
        Description = description;
        Access = blobs.CanGenerateAccountSasUri ? "the account key" : blobs.Uri.Query.Length > 1 ? "the SAS" : "your identity";
        IsLocal = local;
        Configuration = configuration;
        Blobs = blobs;
        Tables = tables;
        Queues = queues;
    }

    /// <summary>How error lines name it: "Azurite at http://127.0.0.1:10000", "storage account 'news'".</summary>
    public string Description { get; }
    /// <summary>Azurite (or another emulator on this machine): containers and table are created when missing.</summary>
    public bool IsLocal { get; }
    /// <summary>What the requests are signed with: "the account key", "the SAS" or "your identity".</summary>
    public string Access { get; }
    public IConfiguration Configuration { get; }
    public BlobServiceClient Blobs { get; }
    public TableServiceClient Tables { get; }
    /// <summary>The queues (a publish announces the change to the fediverse delivery queue, as the app does).</summary>
    public QueueServiceClient Queues { get; }

    /// <summary>The target the options name; a bad account name or connection string is a <see cref="UsageException"/>.</summary>
    public static StorageTarget From(TargetSettings settings, IConfiguration configuration)
    {
        if (settings.AccountName is { } account && settings.ConnectionString is not null)
            throw new UsageException("give --account-name or --connection-string, not both");
        var retries = configuration.GetValue("Syndication:Cli:MaxRetries", 3);
        var blobOptions = new BlobClientOptions();
        var tableOptions = new TableClientOptions();
        foreach (var retry in new[] { blobOptions.Retry, tableOptions.Retry })
            (retry.MaxRetries, retry.Delay, retry.MaxDelay) = (retries, TimeSpan.FromSeconds(0.2), TimeSpan.FromSeconds(10));
        if (settings.AccountName is { } name)
        {
            if (!AccountName().IsMatch(name))
                throw new UsageException($"no such account: '{name}' is not a storage account name (3 to 24 lower-case letters and digits)");
            // Managed identity is left out: its probe of the instance metadata address is no use on a publisher's machine.
            TokenCredential credential = new DefaultAzureCredential(new DefaultAzureCredentialOptions { ExcludeManagedIdentityCredential = true });
            return new StorageTarget($"storage account '{name}'", false, Settings(configuration, false),
                new BlobServiceClient(new Uri($"https://{name}.blob.core.windows.net"), credential, blobOptions),
                new TableServiceClient(new Uri($"https://{name}.table.core.windows.net"), credential, tableOptions),
                new QueueServiceClient(new Uri($"https://{name}.queue.core.windows.net"), credential, QueueOptions(retries)));
        }
        var connection = settings.ConnectionString ?? (configuration["AzureWebJobsStorage"] is { Length: > 0 } cs ? cs : DevelopmentStorage);
        BlobServiceClient blobs;
        TableServiceClient tables;
        QueueServiceClient queues;
        try
        {
            blobs = new BlobServiceClient(connection, blobOptions);
            tables = new TableServiceClient(connection, tableOptions);
            queues = QueuesFor(connection, retries);
        }
        catch (Exception e) when (e is FormatException or ArgumentException or InvalidOperationException)
        {
            throw new UsageException($"the connection string is not valid ({e.Message.Split('\n')[0].TrimEnd('.')})");
        }
        var local = blobs.Uri.IsLoopback;
        var description = local ? $"Azurite at {blobs.Uri.GetLeftPart(UriPartial.Authority)}" : $"storage account '{blobs.AccountName}'";
        return new StorageTarget(description, local, Settings(configuration, local), blobs, tables, queues);
    }

    /// <summary>The library's services on this target, with its storage names and limits from the configuration, checked as a host's start checks them.</summary>
    public ServiceProvider Services()
    {
        var services = new ServiceCollection()
            .AddSingleton(Configuration)
            .AddLogging()
            .AddSyndication()
            .AddSingleton(Blobs)
            .AddSingleton(Tables)
            .AddSingleton(Queues)
            .AddSingleton(_ => CommandServerKey(Configuration))
            .AddSingleton<BulkPublisher>()
            .BuildServiceProvider();
        try
        {
            services.GetRequiredService<IStartupValidator>().Validate();
            return services;
        }
        catch (OptionsValidationException e)
        {
            services.Dispose();
            throw new UsageException(string.Join("; ", e.Failures));
        }
    }

    // The command signs nothing another process verifies (no paging cursors, no partner credentials), but the library's
    // feed service, which the fediverse deliveries hold, asks for the server key: the one set, else a key of this run
    // only, so a publisher's shell needs no server secret (the app refuses to start without one outside Azurite).
    private static ServerKey CommandServerKey(IConfiguration configuration) =>
        configuration[ServerKey.Setting] is { Length: > 0 } ? ServerKey.FromConfiguration(configuration) : new ServerKey(RandomNumberGenerator.GetBytes(32));

    /// <summary>Where the delivery queue is when the connection string has no queue endpoint: an address that cannot resolve.</summary>
    internal static readonly Uri NoQueueEndpoint = new("https://no-queue-endpoint.invalid/");

    // A connection string may name blob and table endpoints only (a SAS for publishing): then the fediverse announcement
    // has nowhere to go, and fails as any announcement does (logged, never failing the publish) at NoQueueEndpoint.
    private static QueueServiceClient QueuesFor(string connection, int retries) => NamesQueueEndpoint(connection)
        ? new QueueServiceClient(connection, QueueOptions(retries))
        : new QueueServiceClient(NoQueueEndpoint, QueueOptions(retries));

    /// <summary>
    /// Whether a connection string gives the queue service an endpoint: its own QueueEndpoint, an AccountName (the SDK
    /// builds the account's endpoint from it) or the development storage (Azurite's). One that names only other services'
    /// endpoints has none (the SDK would fail on it with a NullReferenceException).
    /// </summary>
    internal static bool NamesQueueEndpoint(string connection) =>
        connection.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => part.Split('=', 2))
            .Any(pair => pair.Length == 2 && pair[1].Trim().Length > 0 && (pair[0].Trim().ToLowerInvariant() is "queueendpoint" or "accountname"
                || (pair[0].Trim().Equals("UseDevelopmentStorage", StringComparison.OrdinalIgnoreCase) && pair[1].Trim().Equals("true", StringComparison.OrdinalIgnoreCase))));

    // Base64 as the Functions queue trigger reads messages (host.json), with the command's retries.
    private static QueueClientOptions QueueOptions(int retries)
    {
        var options = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 };
        (options.Retry.MaxRetries, options.Retry.Delay, options.Retry.MaxDelay) = (retries, TimeSpan.FromSeconds(0.2), TimeSpan.FromSeconds(10));
        return options;
    }

    // In Azure the containers and the table come with the deployment and a publisher's identity has data rights only,
    // so they are created only on Azurite (unless Syndication__Storage__CreateIfMissing says otherwise).
    private static IConfiguration Settings(IConfiguration configuration, bool local) => new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?> { ["Syndication:Storage:CreateIfMissing"] = local ? "true" : "false" })
        .AddConfiguration(configuration)
        .Build();

    [GeneratedRegex(@"^[a-z0-9]{3,24}\z")]
    private static partial Regex AccountName();
}
