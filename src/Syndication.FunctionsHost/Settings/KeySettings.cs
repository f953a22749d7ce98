namespace Syndication.FunctionsHost.Settings;

/// <summary>
/// The host's keys, kept as the Functions host keeps them: the master key (<c>FunctionsHost__Key</c>), host function
/// keys (<c>FunctionsHost__HostKeys__{name}</c>), keys of one function (<c>FunctionsHost__FunctionKeys__{function}__{name}</c>)
/// and system keys of an extension's webhook (<c>FunctionsHost__SystemKeys__{name}</c>, e.g. blobs_extension).
/// </summary>
public sealed record KeySettings(
    string Master,
    IReadOnlyDictionary<string, string> HostKeys,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> FunctionKeys,
    IReadOnlyDictionary<string, string> SystemKeys)
{
    /// <summary>Whether the master key came from the settings (else it was made for this run).</summary>
    public bool MasterConfigured { get; init; }

    /// <summary>The keys in the FunctionsHost section; a fresh random master key when none is set.</summary>
    public static KeySettings From(IConfiguration configuration)
    {
        var section = configuration.GetSection("FunctionsHost");
        var master = section["Key"] is { Length: > 0 } k ? k : Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
        var functions = section.GetSection("FunctionKeys").GetChildren()
            .ToDictionary(f => f.Key, f => Named(f), StringComparer.OrdinalIgnoreCase);
        return new KeySettings(master, Named(section.GetSection("HostKeys")), functions, Named(section.GetSection("SystemKeys")))
        {
            MasterConfigured = section["Key"] is { Length: > 0 },
        };
    }

    private static IReadOnlyDictionary<string, string> Named(IConfigurationSection section) =>
        section.GetChildren().Where(c => c.Value is { Length: > 0 }).ToDictionary(c => c.Key, c => c.Value!, StringComparer.OrdinalIgnoreCase);
}
