using System.Collections.Concurrent;
using System.Diagnostics;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Syndication.Fediverse;
using Syndication.Http;
using Syndication.LocalRunner;
using Syndication.Ingestion;
using Syndication.Storage;

namespace Syndication.Benchmarks;

/// <summary>
/// Fediverse fan-out (issue 26): FOLLOWERS followers on SERVERS shared inboxes (stub inboxes on 127.0.0.1 answering
/// 202), one article published through the ingestor, delivered by the local runner's DeliveryPump. Measures the
/// requests each inbox got, the time from the publish until the last inbox had it, how long the publish itself took,
/// and every storage request the library made (by service and method). Reference in the same run: the same publish to
/// one follower on one inbox.
/// </summary>
internal static class FanoutHarness
{
    public static async Task<int> RunAsync(string[] args)
    {
        var followers = Harness.IntOption(args, "followers", 1000);
        var servers = Harness.IntOption(args, "servers", 100);
        var counter = new Counter(Environment.GetEnvironmentVariable("AzureWebJobsStorage") ?? "");
        await using var services = Services(counter);
        await using var stub = await StubInboxes.StartAsync();
        var pump = new DeliveryPump(services.GetRequiredService<DeliveryQueue>(), services.GetRequiredService<Deliveries>(),
            services.GetRequiredService<StorageOutage>(), services.GetRequiredService<ILogger<DeliveryPump>>());
        await pump.StartAsync(CancellationToken.None);
        var store = services.GetRequiredService<FollowerStore>();
        await store.AddFollowerAsync(new Follower(stub.Url("users/ref"), stub.Url("inbox/ref"), stub.Url("inbox/ref"), "f-ref", DateTimeOffset.UtcNow, "https://news.example.com/"));
        var reference = await PublishAsync(services, stub, counter, "reference", 1);
        await store.RemoveFollowerAsync(stub.Url("users/ref"));

        var seeding = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, followers), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
            await store.AddFollowerAsync(new Follower(stub.Url($"users/{i}"), stub.Url($"users/{i}/inbox"), stub.Url($"inbox/{i % servers}"),
                $"f-{i}", DateTimeOffset.UtcNow, "https://news.example.com/"), ct: ct));
        Console.WriteLine($"fanout: {followers} followers on {servers} shared inboxes stored in {seeding.Elapsed.TotalSeconds:0.0} s, load {Harness.Load()}");
        var fanout = await PublishAsync(services, stub, counter, "fanout", servers);
        await pump.StopAsync(CancellationToken.None);

        foreach (var (name, r) in new[] { ("reference (1 follower, 1 inbox)", reference), ($"fan-out ({followers} followers, {servers} inboxes)", fanout) })
            Console.WriteLine($"RESULT {name}: requests={r.Requests} inboxes={r.Inboxes} max-per-inbox={r.MaxPerInbox} publish={r.Publish.TotalMilliseconds:0} ms " +
                $"all-delivered={r.AllDelivered.TotalSeconds:0.00} s storage={r.Storage} load={Harness.Load()}");
        return fanout.Requests == servers && fanout.MaxPerInbox == 1 ? 0 : 1;
    }

    private sealed record Result(int Requests, int Inboxes, int MaxPerInbox, TimeSpan Publish, TimeSpan AllDelivered, string Storage);

    // Publishes one article and waits (at most 120 s) until `inboxes` inboxes have a Create for it.
    private static async Task<Result> PublishAsync(ServiceProvider services, StubInboxes stub, Counter counter, string slug, int inboxes)
    {
        var incoming = services.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(services.GetRequiredService<IOptions<StorageOptions>>().Value.ArticlesContainer);
        await incoming.CreateIfNotExistsAsync();
        await incoming.UploadBlobAsync(slug + ".md", BinaryData.FromString($"---\ntitle: {slug}\nsummary: A {slug} story.\n---\nBody.\n"));
        stub.Reset();
        counter.Reset();
        var clock = Stopwatch.StartNew();
        var outcome = await services.GetRequiredService<ArticleIngestor>().IngestSlugAsync(slug);
        var publish = clock.Elapsed;
        if (outcome.Result != IngestResult.Published) throw new InvalidOperationException($"bench: {slug} was {outcome.Result}");
        while (stub.Inboxes < inboxes && clock.Elapsed < TimeSpan.FromSeconds(120)) await Task.Delay(20);
        var all = stub.Last;
        await Task.Delay(3000); // late duplicates would show here
        return new Result(stub.Requests, stub.Inboxes, stub.MaxPerInbox, publish, all, counter.Summary());
    }

    private static ServiceProvider Services(Counter counter)
    {
        var id = Harness.Name("fan");
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Syndication:Storage:Table"] = id, ["Syndication:Storage:ArticlesContainer"] = id, ["Syndication:Storage:PublishedContainer"] = id + "p",
            ["Syndication:Fediverse:DeliveryQueue"] = id, ["Syndication:Fediverse:AllowLoopback"] = "true", ["Syndication:PublicBaseUrl"] = "https://news.example.com",
        }).Build();
        var cs = configuration["AzureWebJobsStorage"] ?? throw new InvalidOperationException("bench: set AzureWebJobsStorage (bench/fanout.sh does)");
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging(b => b.SetMinimumLevel(LogLevel.Warning)).AddSyndication();
        services.AddSingleton(new BlobServiceClient(cs, Options(new BlobClientOptions(), counter)));
        services.AddSingleton(new TableServiceClient(cs, Options(new TableClientOptions(), counter)));
        var queues = new QueueServiceClient(cs, Options(new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 }, counter));
        services.AddSingleton(new DeliveryQueue(queues.GetQueueClient(id)));
        return services.BuildServiceProvider();
    }

    private static T Options<T>(T options, Counter counter) where T : ClientOptions
    {
        options.AddPolicy(counter, HttpPipelinePosition.PerRetry);
        return options;
    }

    /// <summary>Counts every storage request by service (Azurite's port) and method.</summary>
    private sealed class Counter(string connectionString) : HttpPipelinePolicy
    {
        private readonly ConcurrentDictionary<string, int> calls = new();
        private readonly Dictionary<int, string> services = connectionString.Split(';')
            .Where(p => p.Contains("Endpoint=http", StringComparison.Ordinal))
            .ToDictionary(p => new Uri(p[(p.IndexOf('=') + 1)..]).Port, p => p[..p.IndexOf("Endpoint", StringComparison.Ordinal)].ToLowerInvariant());

        public void Reset() => calls.Clear();

        public string Summary() => $"{calls.Values.Sum()} ({string.Join(", ", calls.OrderByDescending(c => c.Value).Select(c => $"{c.Key} {c.Value}"))})";

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            Count(message);
            ProcessNext(message, pipeline);
        }

        public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            Count(message);
            return ProcessNextAsync(message, pipeline);
        }

        private void Count(HttpMessage message)
        {
            var service = services.GetValueOrDefault(message.Request.Uri.Port, message.Request.Uri.Port.ToString());
            calls.AddOrUpdate($"{message.Request.Method} {service}", 1, (_, n) => n + 1);
        }
    }

    /// <summary>Stub inboxes on 127.0.0.1: POST /inbox/{name} answers 202 and is counted; the time of the first per inbox is kept.</summary>
    private sealed class StubInboxes(WebApplication app, string origin) : IAsyncDisposable
    {
        private readonly ConcurrentDictionary<string, int> perInbox = new();
        private readonly Stopwatch clock = new();
        private long lastTicks;

        public string Url(string path) => origin + path;
        public int Requests => perInbox.Values.Sum();
        public int Inboxes => perInbox.Count;
        public int MaxPerInbox => perInbox.IsEmpty ? 0 : perInbox.Values.Max();
        public TimeSpan Last => TimeSpan.FromTicks(Interlocked.Read(ref lastTicks));

        public void Reset()
        {
            perInbox.Clear();
            clock.Restart();
        }

        public static async Task<StubInboxes> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            var app = builder.Build();
            StubInboxes? stub = null;
            app.MapPost("/inbox/{name}", async (HttpContext c, string name) =>
            {
                await c.Request.Body.CopyToAsync(Stream.Null);
                if (stub!.perInbox.AddOrUpdate(name, 1, (_, n) => n + 1) == 1) Interlocked.Exchange(ref stub.lastTicks, stub.clock.Elapsed.Ticks);
                return Results.StatusCode(202);
            });
            await app.StartAsync();
            var address = app.Urls.First();
            stub = new StubInboxes(app, address.TrimEnd('/') + "/");
            return stub;
        }

        public ValueTask DisposeAsync() => app.DisposeAsync();
    }
}
