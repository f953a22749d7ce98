using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Syndication.Feeds;
using Syndication.Fediverse;
using Syndication.Http;
using Syndication.Images;
using Syndication.Ingestion;
using Syndication.Partners;
using Syndication.Publishing;
using Syndication.Security;
using Syndication.Storage;
using Syndication.WebSub;

namespace Syndication;

public static class SyndicationServiceCollectionExtensions
{
    /// <summary>Everything both doors need: options, storage clients, the stores, ingestion, feeds and HTTP handlers.</summary>
    public static IServiceCollection AddSyndication(this IServiceCollection services)
    {
        services.AddOptions<FeedOptions>().BindConfiguration(FeedOptions.Section).ValidateSettings(FeedOptions.Section, FeedOptions.Check);
        services.AddOptions<IngestionOptions>().BindConfiguration(IngestionOptions.Section).ValidateSettings(IngestionOptions.Section, IngestionOptions.Check);
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section).ValidateSettings(StorageOptions.Section, StorageOptions.Check);
        services.AddSingleton(sp => StorageClients.Blobs(sp.GetRequiredService<IConfiguration>()));
        services.AddSingleton(sp => StorageClients.Tables(sp.GetRequiredService<IConfiguration>()));
        services.AddSingleton(sp => StorageClients.Queues(sp.GetRequiredService<IConfiguration>()));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp => ServerKey.FromConfiguration(sp.GetRequiredService<IConfiguration>()));
        services.AddSingleton<StorageAccount>();
        services.AddSingleton<ArticleStore>();
        services.AddSingleton<IncomingStore>();
        services.AddSingleton<PartnerStore>();
        services.AddSingleton<RejectionStore>();
        services.AddSingleton<ScheduleStore>();
        services.AddSingleton(sp => new DecodeGate(sp.GetRequiredService<IOptions<IngestionOptions>>().Value.MaxConcurrentDecodes));
        services.AddSingleton<ArticleIngestor>();
        services.AddHttpClient<HubNotifier>(http => http.Timeout = TimeSpan.FromSeconds(5));
        services.AddSingleton<ItemCache>();
        services.AddSingleton<PageCursors>();
        services.AddSingleton<FeedService>();
        services.AddSingleton<RenderCache>();
        services.AddSingleton<HealthCheck>();
        services.AddSingleton<StorageOutage>();
        services.AddSingleton<SiteOrigins>();
        services.AddSingleton<SyndicationHandlers>();
        services.AddSingleton<ManageHandlers>();
        services.AddSingleton<EventHandlers>();
        services.AddOptions<NetworkOptions>().BindConfiguration(NetworkOptions.Section).ValidateSettings(NetworkOptions.Section, NetworkOptions.Check);
        services.AddSingleton<ClientAddress>();
        services.AddOptions<PartnerOptions>().BindConfiguration(PartnerOptions.Section).ValidateSettings(PartnerOptions.Section, PartnerOptions.Check);
        services.AddSingleton<PartnerTokens>();
        services.AddSingleton<PartnerGate>();
        services.AddSingleton<PartnerTokenHandlers>();
        services.AddSingleton<PartnerPullCounter>();
        services.AddSingleton<PartnerFeedHandlers>();
        services.AddSingleton<PartnerManageHandlers>();
        services.AddSingleton<ArticlePublisher>();
        services.AddFediverse();
        return services;
    }

    // The fediverse actor: its key, the follower store and delivery queue, the guarded HTTP client, inbox and deliveries.
    private static void AddFediverse(this IServiceCollection services)
    {
        services.AddOptions<FediverseOptions>().BindConfiguration(FediverseOptions.Section).ValidateSettings(FediverseOptions.Section, FediverseOptions.Check);
        services.AddSingleton<FollowerStore>();
        services.AddSingleton(sp => new DeliveryQueue(sp.GetRequiredService<QueueServiceClient>()
            .GetQueueClient(sp.GetRequiredService<IOptions<FediverseOptions>>().Value.DeliveryQueue)));
        services.AddSingleton<ActorKey>();
        services.AddSingleton<SafeHttp>();
        services.AddSingleton<RemoteActors>();
        services.AddSingleton<Deliveries>();
        services.AddSingleton<InboxProcessor>();
        services.AddSingleton<FediverseActor>();
        services.AddSingleton<FediverseHandlers>();
    }
}
