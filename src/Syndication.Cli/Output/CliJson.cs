using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Syndication.Cli.Output;

/// <summary>The one JSON shape every command's --json writes: camelCase, enums as names, indented, text as written (it's, not it\u0027s).</summary>
internal static class CliJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        // Read by scripts and people, never embedded in HTML, so apostrophes and accents need no escapes.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Write<T>(CliEnvironment environment, T value) =>
        environment.Out.WriteLine(JsonSerializer.Serialize(value, Options));
}
