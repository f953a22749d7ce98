using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace Syndication.FunctionsHost.Triggers;

/// <summary>The storage account a trigger's <c>connection</c> setting names (a connection string, as locally).</summary>
public sealed class StorageAccount(IConfiguration configuration)
{
    /// <summary>The connection string of a setting name ("AzureWebJobsStorage" when the binding names none).</summary>
    public string ConnectionString(string? connection)
    {
        var name = string.IsNullOrEmpty(connection) ? "AzureWebJobsStorage" : connection;
        return configuration[name] ?? configuration[$"ConnectionStrings:{name}"]
            ?? throw new InvalidOperationException($"the setting '{name}' holds no storage connection string (local.settings.json Values or the environment)");
    }

    public QueueClient Queue(string? connection, string name) => new(ConnectionString(connection), name);

    public BlobContainerClient Container(string? connection, string name) => new(ConnectionString(connection), name);

    /// <summary>A binding value with <c>%Setting%</c> references resolved, as the host resolves them.</summary>
    public string Resolve(string value) =>
        System.Text.RegularExpressions.Regex.Replace(value, "%([^%]+)%",
            m => configuration[m.Groups[1].Value] ?? throw new InvalidOperationException($"the setting '{m.Groups[1].Value}' is not set"));
}
