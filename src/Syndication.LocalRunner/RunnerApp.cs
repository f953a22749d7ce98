using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.Options;
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
        builder.Services.AddHostedService<DeliveryPump>(); // what the DeliverActivity queue trigger does in Azure
        var app = builder.Build();
        app.Use((context, next) =>
        {
            ClientAddress.AppendPeer(context); // as Azure's front end does: the rightmost X-Forwarded-For entry is the peer
            return next(context);
        });
        MapRoutes(app);
        return app;
    }

    /// <summary>The library's services with the runner's configuration, for the publish commands; settings checked as a host's start checks them.</summary>
    public static ServiceProvider Services()
    {
        var configuration = new ConfigurationBuilder().Add(LocalSettings()).AddEnvironmentVariables().Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging().AddSyndication().BuildServiceProvider();
        try
        {
            services.GetRequiredService<IStartupValidator>().Validate();
        }
        catch
        {
            services.Dispose();
            throw;
        }
        return services;
    }

    /// <summary>The Functions app's routes (<see cref="RouteTable"/>, from the root as host.json's routePrefix "" has them), onto the same handlers.</summary>
    public static void MapRoutes(IEndpointRouteBuilder app)
    {
        var configuration = app.ServiceProvider.GetRequiredService<IConfiguration>();
        var outage = app.ServiceProvider.GetRequiredService<StorageOutage>();
        foreach (var route in RouteTable.All)
        {
            // Storage not answering is a 503 with Retry-After, as the Functions app's StorageOutageMiddleware makes it.
            Func<HttpContext, Task<Reply>> handle = c => outage.GuardAsync(() => route.Handle(c));
            var endpoint = app.MapMethods(route.Route, route.Methods, handle).WithName(route.Function);
            if (KeyFilter.For(route.Auth, configuration) is { } keys) endpoint.AddEndpointFilter(keys);
        }
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
