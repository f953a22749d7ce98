using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Syndication.Http;
using Syndication.Ingestion;
using Syndication.Storage;

namespace Syndication.Tests.Support;

/// <summary>
/// The library wired as the hosts wire it (AddSyndication), against Azurite, with this test's own table and
/// container names so no test depends on another.
/// </summary>
public sealed class TestSite : IAsyncDisposable
{
    private readonly ServiceProvider services;

    public TestSite(AzuriteFixture azurite, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? replace = null)
    {
        var id = Guid.NewGuid().ToString("N")[..12];
        var values = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["Syndication:Storage:ArticlesContainer"] = $"articles-{id}",
            ["Syndication:Storage:PublishedContainer"] = $"published-{id}",
            ["Syndication:Storage:Table"] = $"articles{id}",
            ["Syndication:Title"] = "Test feed",
            ["Syndication:PublicBaseUrl"] = "https://news.example.com",
        };
        foreach (var (k, v) in settings ?? new Dictionary<string, string?>()) values[k] = v;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var collection = new ServiceCollection();
        collection.AddSingleton<IConfiguration>(configuration)
            .AddLogging(b => b.SetMinimumLevel(LogLevel.Warning))
            .AddSyndication();
        replace?.Invoke(collection);
        services = collection.BuildServiceProvider();
    }

    public StorageAccount Storage => services.GetRequiredService<StorageAccount>();
    public ArticleStore Store => services.GetRequiredService<ArticleStore>();
    public RejectionStore Rejections => services.GetRequiredService<RejectionStore>();
    public ArticleIngestor Ingestor => services.GetRequiredService<ArticleIngestor>();
    public SyndicationHandlers Handlers => services.GetRequiredService<SyndicationHandlers>();
    public T Get<T>() where T : notnull => services.GetRequiredService<T>();

    /// <summary>The incoming container, reached as a publisher reaches it (tests act as the publisher).</summary>
    public BlobContainerClient Incoming =>
        Get<BlobServiceClient>().GetBlobContainerClient(Get<Microsoft.Extensions.Options.IOptions<StorageOptions>>().Value.ArticlesContainer);

    /// <summary>Uploads a blob to the incoming container, as a publisher would.</summary>
    public async Task<BlobClient> UploadAsync(string name, byte[] content, IDictionary<string, string>? metadata = null)
    {
        await Storage.EnsureCreatedAsync();
        var blob = Incoming.GetBlobClient(name);
        await blob.UploadAsync(new BinaryData(content), new BlobUploadOptions { Metadata = metadata });
        return blob;
    }

    public Task<BlobClient> UploadTextAsync(string name, string text, IDictionary<string, string>? metadata = null) =>
        UploadAsync(name, System.Text.Encoding.UTF8.GetBytes(text), metadata);

    /// <summary>Uploads the shared sample article and its two images.</summary>
    public async Task UploadSampleAsync()
    {
        await UploadAsync(Repo.SampleSlug + ".txt", await File.ReadAllBytesAsync(Repo.Samples(Repo.SampleSlug + ".txt")));
        foreach (var image in Directory.GetFiles(Repo.Samples(Repo.SampleSlug)))
            await UploadAsync($"{Repo.SampleSlug}/{Path.GetFileName(image)}", await File.ReadAllBytesAsync(image));
    }

    /// <summary>Runs a library reply as the local runner does and returns the HTTP response a client would see.</summary>
    public static Task<TestResponse> ExecuteAsync(Func<HttpRequest, Task<Reply>> handler, string method = "GET",
        string path = "/", string query = "", IDictionary<string, string>? headers = null) =>
        InvokeAsync(async request => await handler(request), method, path, query, headers);

    /// <summary>Calls an HTTP function class's method as the Functions host does (DefaultHttpContext, IActionResult).</summary>
    public static async Task<TestResponse> InvokeAsync(Func<HttpRequest, Task<IActionResult>> function, string method = "GET",
        string path = "/", string query = "", IDictionary<string, string>? headers = null)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        context.Request.Scheme = "http";
        context.Request.Host = new HostString("127.0.0.1:7071");
        context.Request.Path = path;
        context.Request.QueryString = new QueryString(query);
        foreach (var (k, v) in headers ?? new Dictionary<string, string>()) context.Request.Headers[k] = v;
        var body = new MemoryStream();
        context.Response.Body = body;
        var result = await function(context.Request);
        await result.ExecuteResultAsync(new ActionContext(context, new RouteData(), new ActionDescriptor()));
        return new TestResponse(context.Response.StatusCode, context.Response.Headers, body.ToArray());
    }

    public ValueTask DisposeAsync() => services.DisposeAsync();
}

/// <summary>What a client received: status, headers, body.</summary>
public sealed record TestResponse(int Status, IHeaderDictionary Headers, byte[] Body)
{
    public string Text => System.Text.Encoding.UTF8.GetString(Body);
    public string? ContentType => Headers.ContentType.ToString();
}
