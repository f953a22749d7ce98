using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;

namespace Syndication.Storage;

/// <summary>
/// Blob and Table clients from the same setting the Functions host uses: <c>AzureWebJobsStorage</c> as a connection
/// string (locally <c>UseDevelopmentStorage=true</c>), or identity-based as <c>AzureWebJobsStorage__blobServiceUri</c>,
/// <c>__tableServiceUri</c>, <c>__credential</c> and <c>__clientId</c> (managed identity in Azure).
/// </summary>
public static class StorageClients
{
    public const string Setting = "AzureWebJobsStorage";

    /// <summary>The identity-based sub-settings this code reads (the host reads queueServiceUri too, for the queue triggers).</summary>
    public static readonly IReadOnlyList<string> IdentitySettings = ["blobServiceUri", "tableServiceUri", "queueServiceUri", "credential", "clientId"];

    public static BlobServiceClient Blobs(IConfiguration configuration) =>
        ConnectionString(configuration) is { } cs
            ? new BlobServiceClient(cs)
            : new BlobServiceClient(ServiceUri(configuration, "blobServiceUri"), Credential(configuration));

    public static TableServiceClient Tables(IConfiguration configuration) =>
        ConnectionString(configuration) is { } cs
            ? new TableServiceClient(cs)
            : new TableServiceClient(ServiceUri(configuration, "tableServiceUri"), Credential(configuration));

    public static QueueServiceClient Queues(IConfiguration configuration) =>
        ConnectionString(configuration) is { } cs
            ? new QueueServiceClient(cs, Base64)
            : new QueueServiceClient(ServiceUri(configuration, "queueServiceUri"), Credential(configuration), Base64);

    // As the Functions queue trigger reads messages by default (host.json messageEncoding "base64").
    private static QueueClientOptions Base64 => new() { MessageEncoding = QueueMessageEncoding.Base64 };

    /// <summary>Whether storage is the local emulator (Azurite's development account), where development defaults apply.</summary>
    public static bool IsDevelopmentStorage(IConfiguration configuration) =>
        ConnectionString(configuration) is { } cs
        && (cs.Contains("UseDevelopmentStorage=true", StringComparison.OrdinalIgnoreCase)
            || cs.Contains("AccountName=devstoreaccount1", StringComparison.OrdinalIgnoreCase));

    private static string? ConnectionString(IConfiguration configuration) =>
        configuration[Setting] is { Length: > 0 } cs ? cs : null;

    private static Uri ServiceUri(IConfiguration configuration, string name) =>
        Uri.TryCreate(configuration[$"{Setting}:{name}"], UriKind.Absolute, out var uri)
            ? uri
            : throw new InvalidOperationException(
                $"Storage is not configured: set {Setting} to a connection string, or {Setting}__{name} for an identity-based connection.");

    private static TokenCredential Credential(IConfiguration configuration)
    {
        var clientId = configuration[$"{Setting}:clientId"];
        return string.Equals(configuration[$"{Setting}:credential"], "managedidentity", StringComparison.OrdinalIgnoreCase)
            ? new ManagedIdentityCredential(string.IsNullOrEmpty(clientId) ? ManagedIdentityId.SystemAssigned : ManagedIdentityId.FromUserAssignedClientId(clientId))
            : new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = clientId });
    }
}
