using Microsoft.Extensions.Configuration.Memory;
using Syndication.Http;

namespace Syndication.LocalRunner;

/// <summary>The local runner: Kestrel on 127.0.0.1:7071 hosting the Functions app's handlers, plus the container watcher.</summary>
public static class RunnerApp
{
    /// <summary>The address <c>func start</c> uses; ASPNETCORE_URLS or --urls override it.</summary>
    public const string DefaultUrl = "http://127.0.0.1:7071";

    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.Sources.Insert(0, LocalSettings());
        if (string.IsNullOrEmpty(builder.Configuration["urls"])) builder.WebHost.UseUrls(DefaultUrl);
        builder.Services.AddSyndication();
        builder.Services.AddHostedService<ContainerWatcher>();
        var app = builder.Build();
        app.Use((context, next) =>
        {
            ClientAddress.AppendPeer(context); // as Azure's front end does: the rightmost X-Forwarded-For entry is the peer
            return next(context);
        });
        MapRoutes(app);
        return app;
    }

    /// <summary>The library's services with the runner's configuration, for the publish commands.</summary>
    public static ServiceProvider Services()
    {
        var configuration = new ConfigurationBuilder().Add(LocalSettings()).AddEnvironmentVariables().Build();
        return new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging().AddSyndication().BuildServiceProvider();
    }

    /// <summary>The same routes as the Functions app (host.json routePrefix "api"), onto the same handlers.</summary>
    public static void MapRoutes(IEndpointRouteBuilder app)
    {
        string[] read = [HttpMethods.Get, HttpMethods.Head];
        var api = app.MapGroup("/api");
        var configuration = app.ServiceProvider.GetRequiredService<IConfiguration>();
        api.MapMethods(Routes.Feed, read, (HttpRequest r, string file, SyndicationHandlers h) => h.GetFeedAsync(r, file, r.HttpContext.RequestAborted));
        api.MapMethods(Routes.FilteredFeed, read, (HttpRequest r, string kind, string file, SyndicationHandlers h) => h.GetFilteredFeedAsync(r, kind, file, r.HttpContext.RequestAborted));
        api.MapMethods(Routes.Opml, read, (HttpRequest r, SyndicationHandlers h) => h.GetOpmlAsync(r, r.HttpContext.RequestAborted));
        api.MapMethods(Routes.Image, read, (HttpRequest r, string slug, string file, SyndicationHandlers h) => h.GetImageAsync(r, slug, file, r.HttpContext.RequestAborted));
        api.MapMethods(Routes.Rendition, read, (HttpRequest r, string slug, string name, SyndicationHandlers h) => h.GetRenditionAsync(r, slug, name, r.HttpContext.RequestAborted));
        api.MapMethods(Routes.Sitemap, read, (HttpRequest r, string file, SyndicationHandlers h) => h.GetSitemapAsync(r, file, r.HttpContext.RequestAborted));
        api.MapMethods(Routes.Article, read, (HttpRequest r, string slug, SyndicationHandlers h) => h.GetArticlePageAsync(r, slug, r.HttpContext.RequestAborted));
        api.MapMethods(Routes.Health, read, (HttpRequest r, SyndicationHandlers h) => h.GetHealthAsync(r.HttpContext.RequestAborted));
        api.MapMethods(Routes.PartnerFeed, read, (HttpRequest r, string id, string file, PartnerFeedHandlers h) => h.GetFeedAsync(r, id, file, r.HttpContext.RequestAborted));
        api.MapMethods(Routes.PartnerFilteredFeed, read, (HttpRequest r, string id, string kind, string file, PartnerFeedHandlers h) => h.GetFilteredFeedAsync(r, id, kind, file, r.HttpContext.RequestAborted));
        api.MapMethods(Routes.Index, read, (HttpRequest r, SyndicationHandlers h) => h.GetIndexAsync(r, r.HttpContext.RequestAborted));
        var manage = api.MapGroup("").AddEndpointFilter(KeyFilter.Admin(configuration));
        manage.MapMethods(Routes.Rejections, [HttpMethods.Get], (HttpRequest r, ManageHandlers h) => h.ListRejectionsAsync(r.HttpContext.RequestAborted));
        manage.MapMethods(Routes.Retry, [HttpMethods.Post], (HttpRequest r, ManageHandlers h) => h.RetryAsync(r, r.HttpContext.RequestAborted));
        manage.MapMethods(Routes.PutBlob, [HttpMethods.Put], (HttpRequest r, string path, ManageHandlers h) => h.PutBlobAsync(r, path, r.HttpContext.RequestAborted));
        manage.MapMethods(Routes.DeleteArticle, [HttpMethods.Delete], (HttpRequest r, string slug, ManageHandlers h) => h.DeleteArticleAsync(slug, r.HttpContext.RequestAborted));
        manage.MapMethods(Routes.Partners, [HttpMethods.Post], (HttpRequest r, PartnerManageHandlers h) => h.CreateAsync(r, r.HttpContext.RequestAborted));
        manage.MapMethods(Routes.Partners, [HttpMethods.Get], (HttpRequest r, PartnerManageHandlers h) => h.ListAsync(r.HttpContext.RequestAborted));
        manage.MapMethods(Routes.RotatePartner, [HttpMethods.Post], (HttpRequest r, string id, PartnerManageHandlers h) => h.RotateAsync(id, r.HttpContext.RequestAborted));
        manage.MapMethods(Routes.DeletePartner, [HttpMethods.Delete], (HttpRequest r, string id, PartnerManageHandlers h) => h.DeleteAsync(id, r.HttpContext.RequestAborted));
        api.MapMethods(Routes.BlobDeleted, [HttpMethods.Post], (HttpRequest r, EventHandlers h) => h.BlobDeletedAsync(r, r.HttpContext.RequestAborted))
            .AddEndpointFilter(KeyFilter.Webhook(configuration));
        app.MapGet("/", () => Results.Redirect("/api/")).ExcludeFromDescription();
    }

    // local.settings.json "Values" (AzureWebJobsStorage, Syndication__*) as the lowest-priority configuration.
    private static MemoryConfigurationSource LocalSettings()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "local.settings.json");
        var values = new Dictionary<string, string?>();
        if (File.Exists(path) && System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(path))?["Values"] is System.Text.Json.Nodes.JsonObject o)
            foreach (var (key, value) in o) values[key.Replace("__", ":")] = value?.GetValue<string>();
        return new MemoryConfigurationSource { InitialData = values };
    }
}
