using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace Syndication.Functions;

/// <summary>OpenTelemetry for the worker: our ingestion and feed activities, exported to Application Insights with Entra auth.</summary>
internal static class TelemetrySetup
{
    public static IServiceCollection AddSyndicationTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var telemetry = services.AddOpenTelemetry().UseFunctionsWorkerDefaults()
            .WithTracing(tracing => tracing.AddSource(Telemetry.SourceName));
        if (!string.IsNullOrEmpty(configuration["APPLICATIONINSIGHTS_CONNECTION_STRING"]))
        {
            // APPLICATIONINSIGHTS_AUTHENTICATION_STRING is "ClientId=...;Authorization=AAD": local auth is off on the resource.
            var clientId = configuration["AzureWebJobsStorage:clientId"];
            telemetry.UseAzureMonitorExporter(o =>
            {
                if (!string.IsNullOrEmpty(clientId)) o.Credential = new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId));
            });
        }
        return services;
    }
}
