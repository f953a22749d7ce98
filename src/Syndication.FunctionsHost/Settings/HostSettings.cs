namespace Syndication.FunctionsHost.Settings;

/// <summary>Where this host listens and what it hosts, decided at startup.</summary>
public sealed record HostSettings(ScriptRoot Root, Uri GrpcUri, int HttpPort, KeySettings Keys, string HostId)
{
    /// <summary>The Functions host's id (AzureFunctionsWebHost:hostid), else one made from the machine and app folder.</summary>
    public static string MakeHostId(IConfiguration configuration, ScriptRoot root)
    {
        if (configuration["AzureFunctionsWebHost:hostid"] is { Length: > 0 } configured) return configured.ToLowerInvariant();
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(root.Path)))[..8];
        var machine = new string(Environment.MachineName.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).ToArray());
        return $"{machine[..Math.Min(machine.Length, 23)]}-{hash}";
    }
}
