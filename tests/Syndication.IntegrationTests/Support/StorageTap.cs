using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;

namespace Syndication.Tests.Support;

/// <summary>
/// A pipeline policy on both storage clients of a <see cref="TestSite"/>: records every request that reaches the wire
/// and counts what storage answered (table queries, their entities, response bytes: what Azure bills and answers in
/// proportion to, where Azurite's latency says nothing), and answers with a made-up status instead when
/// <see cref="Fault"/> says so (a throttled or refused call).
/// </summary>
public sealed class StorageTap : HttpPipelinePolicy
{
    private readonly ConcurrentQueue<Call> requests = new();

    /// <summary>One request that reached the tap: the port tells the service (Azurite serves each on its own).</summary>
    public sealed record Call(int Port, string Method, string Target)
    {
        public override string ToString() => $"{Method} {Target}";
    }

    /// <summary>A status to answer instead of storage ("GET /table()?..." in, 503 out), or null to let it through.</summary>
    public Func<HttpMessage, int?>? Fault { get; set; }

    /// <summary>Every request so far.</summary>
    public IReadOnlyList<Call> Requests => requests.ToList();

    public int Count => requests.Count;

    /// <summary>Entities the table service returned (a query's rows, or one for a point read).</summary>
    public int TableEntities => tableEntities;

    /// <summary>Table queries (GET of "table()"), and the entities those queries returned.</summary>
    public int TableQueries => tableQueries;
    public int QueryEntities => queryEntities;

    /// <summary>Bytes of every response body storage sent.</summary>
    public long ResponseBytes => Interlocked.Read(ref responseBytes);

    private int tableEntities, tableQueries, queryEntities;
    private long responseBytes;

    public void Reset()
    {
        requests.Clear();
        tableEntities = tableQueries = queryEntities = 0;
        Interlocked.Exchange(ref responseBytes, 0);
    }

    /// <summary>Registers table and blob clients with this tap (few, quick SDK retries, so faults cost no waiting).</summary>
    public Action<IServiceCollection> On(AzuriteFixture azurite) => services =>
    {
        var tables = new TableClientOptions();
        tables.AddPolicy(this, HttpPipelinePosition.PerRetry);
        tables.Retry.MaxRetries = 2;
        tables.Retry.Delay = TimeSpan.FromMilliseconds(10);
        var blobs = new BlobClientOptions();
        blobs.AddPolicy(this, HttpPipelinePosition.PerRetry);
        blobs.Retry.MaxRetries = 2;
        blobs.Retry.Delay = TimeSpan.FromMilliseconds(10);
        services.AddSingleton(new TableServiceClient(azurite.ConnectionString, tables));
        services.AddSingleton(new BlobServiceClient(azurite.ConnectionString, blobs));
    };

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        if (Intercept(message)) return;
        ProcessNext(message, pipeline);
        CountEntities(message);
    }

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        if (Intercept(message)) return;
        await ProcessNextAsync(message, pipeline);
        CountEntities(message);
    }

    // Table reads answer JSON: {"value":[...]} for a query, the entity itself for a point read. The body is buffered here.
    private void CountEntities(HttpMessage message)
    {
        if (message.Response.ContentStream is MemoryStream buffered) Interlocked.Add(ref responseBytes, buffered.Length);
        else if (message.Response.Headers.ContentLength is { } length) Interlocked.Add(ref responseBytes, length);
        if (message.Request.Method != RequestMethod.Get || message.Response.Status != 200) return;
        if (!(message.Response.Headers.ContentType ?? "").Contains("json", StringComparison.OrdinalIgnoreCase)) return;
        using var json = System.Text.Json.JsonDocument.Parse(message.Response.Content);
        var n = json.RootElement.TryGetProperty("value", out var rows) ? rows.GetArrayLength() : 1;
        Interlocked.Add(ref tableEntities, n);
        if (!message.Request.Uri.Path.EndsWith("()", StringComparison.Ordinal)) return;
        Interlocked.Increment(ref tableQueries);
        Interlocked.Add(ref queryEntities, n);
    }

    private bool Intercept(HttpMessage message)
    {
        requests.Enqueue(new Call(message.Request.Uri.Port, message.Request.Method.ToString(), message.Request.Uri.Path + message.Request.Uri.Query));
        if (Fault?.Invoke(message) is not { } status) return false;
        message.Response = new Answer(status, message.Request.ClientRequestId);
        return true;
    }

    /// <summary>Whether the request goes to the table service (Azurite serves tables on their own port).</summary>
    public static bool IsTable(HttpMessage message, AzuriteFixture azurite) => message.Request.Uri.Port == azurite.TablePort;

    /// <summary>A bodiless reply with a status, as a throttling front end sends.</summary>
    private sealed class Answer(int status, string clientRequestId) : Response
    {
        public override int Status => status;
        public override string ReasonPhrase => status == 429 ? "Too Many Requests" : "Service Unavailable";
        public override Stream? ContentStream { get; set; } = new MemoryStream();
        public override string ClientRequestId { get; set; } = clientRequestId;
        public override void Dispose() { }
        protected override bool ContainsHeader(string name) => false;
        protected override IEnumerable<HttpHeader> EnumerateHeaders() => [];
        protected override bool TryGetHeader(string name, [NotNullWhen(true)] out string? value) { value = null; return false; }
        protected override bool TryGetHeaderValues(string name, [NotNullWhen(true)] out IEnumerable<string>? values) { values = null; return false; }
    }
}
