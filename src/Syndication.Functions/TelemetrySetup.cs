using System.Globalization;
using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace Syndication.Functions;

/// <summary>The identity telemetry is sent as: null ClientId means the app's system-assigned identity.</summary>
public sealed record TelemetryIdentity(string? ClientId);

/// <summary>
/// OpenTelemetry for the worker: our ingestion and feed activities, sampled by <c>Syndication__TraceSamplingRatio</c>,
/// exported to Application Insights with Entra auth as the identity <c>APPLICATIONINSIGHTS_AUTHENTICATION_STRING</c> names.
/// </summary>
public static class TelemetrySetup
{
    public const string AuthenticationSetting = "APPLICATIONINSIGHTS_AUTHENTICATION_STRING";
    public const string SamplingSetting = "Syndication:TraceSamplingRatio";

    public static IServiceCollection AddSyndicationTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var ratio = SamplingRatio(configuration[SamplingSetting]);
        // Parent-based: a trace started upstream (the host's request) keeps its decision, so a trace is whole or absent.
        var telemetry = services.AddOpenTelemetry().UseFunctionsWorkerDefaults()
            .WithTracing(tracing => tracing.AddSource(Telemetry.SourceName)
                .SetSampler(new ParentBasedSampler(new TraceIdRatioBasedSampler(ratio))));
        if (!string.IsNullOrEmpty(configuration["APPLICATIONINSIGHTS_CONNECTION_STRING"]))
        {
            // Local auth is off on the resource: the exporter authenticates as the identity the setting names.
            var identity = ParseAuthentication(configuration[AuthenticationSetting]);
            telemetry.UseAzureMonitorExporter(o =>
            {
                // The exporter installs its own sampler (by trace id, so also whole traces): give it the same ratio.
                o.SamplingRatio = (float)ratio;
                o.TracesPerSecond = null;
                if (identity is not null)
                    o.Credential = new ManagedIdentityCredential(identity.ClientId is { } id ? ManagedIdentityId.FromUserAssignedClientId(id) : ManagedIdentityId.SystemAssigned);
            });
        }
        return services;
    }

    /// <summary>
    /// Reads <c>APPLICATIONINSIGHTS_AUTHENTICATION_STRING</c> ("ClientId=&lt;guid&gt;;Authorization=AAD", keys in any
    /// order and case): null unless it asks for Entra (AAD) auth; a missing ClientId means the system-assigned identity.
    /// </summary>
    public static TelemetryIdentity? ParseAuthentication(string? value)
    {
        var pairs = (value ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => p.Split('=', 2, StringSplitOptions.TrimEntries)).Where(p => p.Length == 2)
            .GroupBy(p => p[0], StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.Last()[1], StringComparer.OrdinalIgnoreCase);
        if (!pairs.TryGetValue("Authorization", out var auth) || !auth.Equals("AAD", StringComparison.OrdinalIgnoreCase)) return null;
        return new TelemetryIdentity(pairs.TryGetValue("ClientId", out var id) && id.Length > 0 ? id : null);
    }

    /// <summary>The share of traces kept, 0 to 1 (default 1: everything; the volume is a few spans per ingestion and per uncached feed).</summary>
    public static double SamplingRatio(string? value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var r) ? Math.Clamp(r, 0, 1) : 1.0;
}
