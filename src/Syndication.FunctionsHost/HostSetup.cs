using Microsoft.Extensions.Configuration.Memory;
using Syndication.FunctionsHost.Http;
using Syndication.FunctionsHost.Settings;
using Syndication.FunctionsHost.Triggers;
using Syndication.FunctionsHost.Worker;

namespace Syndication.FunctionsHost;

/// <summary>Registration and routes of the host: one call each from Program.cs.</summary>
public static partial class HostSetup
{
    /// <summary>Reads the script root (--script-root, else the current folder), settles ports and keys, registers the host.</summary>
    public static WebApplicationBuilder AddFunctionsHost(this WebApplicationBuilder builder)
    {
        var root = ScriptRoot.Load(builder.Configuration["script-root"] ?? Directory.GetCurrentDirectory());
        // local.settings.json Values are the lowest-priority settings; the environment and command line override them.
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource
        {
            InitialData = root.Values.ToDictionary(v => v.Key.Replace("__", ":"), v => (string?)v.Value),
        });
        var configuration = builder.Configuration;
        var httpPort = configuration.GetValue<int?>("port") ?? root.LocalHttpPort ?? 7071;
        var grpcPort = FreePort();
        var settings = new HostSettings(root, new Uri($"http://127.0.0.1:{grpcPort}/"), httpPort, KeySettings.From(configuration), HostSettings.MakeHostId(configuration, root));

        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(System.Net.IPAddress.Loopback, httpPort);
            kestrel.Listen(System.Net.IPAddress.Loopback, grpcPort, o => o.Protocols = Microsoft.AspNetCore.Server.Kestrel.Core.HttpProtocols.Http2);
            kestrel.Limits.MaxRequestBodySize = null;
        });
        builder.Services.AddGrpc(o =>
        {
            o.MaxReceiveMessageSize = null;
            o.MaxSendMessageSize = null;
        });
        builder.Services.AddHttpForwarder();
        builder.Services.AddSingleton(settings).AddSingleton<HostKeys>().AddSingleton<StorageAccount>().AddSingleton<FunctionEndpoints>()
            .AddSingleton<HttpTriggerProxy>().AddSingleton<BlobEventWebhook>().AddSingleton<AdminApi>();
        builder.Services.AddSingleton<WorkerSupervisor>().AddHostedService(s => s.GetRequiredService<WorkerSupervisor>());
        foreach (var trigger in new[] { typeof(BlobTriggers), typeof(TimerTriggers), typeof(QueueTriggers) }) builder.Services.AddSingleton(trigger);
        builder.Services.AddHostedService(s => s.GetRequiredService<BlobTriggers>()).AddHostedService(s => s.GetRequiredService<TimerTriggers>())
            .AddHostedService(s => s.GetRequiredService<QueueTriggers>()).AddHostedService<ContainerEvents>();
        return builder;
    }

    /// <summary>The gRPC service on its own port, the admin API and webhooks, and one endpoint per HTTP function.</summary>
    public static WebApplication MapFunctionsHost(this WebApplication app)
    {
        var settings = app.Services.GetRequiredService<HostSettings>();
        var supervisor = app.Services.GetRequiredService<WorkerSupervisor>();
        var endpoints = app.Services.GetRequiredService<FunctionEndpoints>();
        var proxy = app.Services.GetRequiredService<HttpTriggerProxy>();
        LogListening(app.Logger, settings.HttpPort, settings.GrpcUri.Port, settings.Root.Path, settings.HostId,
            settings.Keys.MasterConfigured ? "(from FunctionsHost__Key)" : settings.Keys.Master);

        // Until the first worker has said which functions it has, requests wait for it (as the host holds them while it starts).
        app.Use(async (context, next) =>
        {
            if (!endpoints.Filled && context.Connection.LocalPort == settings.HttpPort)
            {
                var worker = await supervisor.ReadyAsync(TimeSpan.FromSeconds(60), context.RequestAborted);
                endpoints.Fill(worker.Functions.Values, settings.Root.RoutePrefix, proxy.For);
            }
            await next(context);
        });
        app.UseRouting();
        app.MapGrpcService<FunctionRpcService>().RequireHost($"*:{settings.GrpcUri.Port}");
        app.MapPost(BlobEventWebhook.Path, (HttpContext c, BlobEventWebhook webhook) => webhook.HandleAsync(c));
        AdminApi.Map(app);
        ((IEndpointRouteBuilder)app).DataSources.Add(endpoints);
        return app;
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Functions host on http://127.0.0.1:{HttpPort} (worker gRPC on {GrpcPort}) for {ScriptRoot}, host id {HostId}, master key {Key}")]
    private static partial void LogListening(ILogger log, int httpPort, int grpcPort, string scriptRoot, string hostId, string key);
}
