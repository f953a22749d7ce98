using System.Text.Json;
using System.Text.Json.Serialization;

namespace Syndication.Cli.Output;

/// <summary>The one JSON shape every command's --json writes: camelCase, enums as names, indented.</summary>
internal static class CliJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static void Write<T>(CliEnvironment environment, T value) =>
        environment.Out.WriteLine(JsonSerializer.Serialize(value, Options));
}
