using System.Diagnostics;

namespace Syndication;

/// <summary>Our trace source: one activity per ingestion and per feed request, tagged with slug, feed and outcome.</summary>
public static class Telemetry
{
    public const string SourceName = "Syndication";

    public static readonly ActivitySource Source = new(SourceName);
}
