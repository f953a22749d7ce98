using System.Text.Json.Serialization;

namespace Syndication.FunctionsHost;

/// <summary>Source-generated JSON for the few shapes the host writes.</summary>
[JsonSerializable(typeof(Dictionary<string, string>))]
[JsonSerializable(typeof(Triggers.BlobTriggerMessage))]
internal sealed partial class JsonContext : JsonSerializerContext;
