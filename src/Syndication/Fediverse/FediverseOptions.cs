using System.Text.RegularExpressions;

namespace Syndication.Fediverse;

/// <summary>The fediverse actor's settings (section "Syndication:Fediverse", e.g. app setting Syndication__Fediverse__Handle).</summary>
public sealed partial class FediverseOptions
{
    public const string Section = "Syndication:Fediverse";

    /// <summary>The account name: followers look up @{Handle}@{host}.</summary>
    public string Handle { get; set; } = "news";
    /// <summary>The actor's display name; the feed title when empty.</summary>
    public string? Name { get; set; }
    /// <summary>The actor's bio (plain text); the feed description when empty.</summary>
    public string? Summary { get; set; }
    /// <summary>The actor's RSA private key (PEM, PKCS#8 or PKCS#1); in Azure a Key Vault reference, on Azurite made once and kept in the table.</summary>
    public string? PrivateKey { get; set; }
    /// <summary>Lets key fetches and deliveries reach loopback and private addresses: local runs and tests only, never in Azure.</summary>
    public bool AllowLoopback { get; set; }
    /// <summary>The Storage queue deliveries go through (the Functions app's queue trigger listens on "fediverse-deliveries").</summary>
    public string DeliveryQueue { get; set; } = "fediverse-deliveries";
    /// <summary>How long a delivery is retried before it is given up (hours).</summary>
    public double GiveUpHours { get; set; } = 48;
    /// <summary>How long an inbox may fail before its followers are dropped (days).</summary>
    public double DropInboxDays { get; set; } = 7;

    /// <summary>The most followers kept from one registrable domain (a server and all its subdomains); further Follows from it are refused with 403.</summary>
    public int MaxFollowersPerHost { get; set; } = 10_000;
    /// <summary>The most followers kept in all; further Follows are refused with 403.</summary>
    public int MaxFollowers { get; set; } = 100_000;

    /// <summary>The rules checked at start: a handle Mastodon accepts, a queue name Storage accepts, positive periods.</summary>
    public static void Check(FediverseOptions o, SettingRules rules) => rules
        .Rule(HandlePattern().IsMatch(o.Handle), $"{rules.Setting(nameof(Handle))} must be letters, digits, '_', '.' or '-' (it is \"{o.Handle}\")")
        .Rule(QueuePattern().IsMatch(o.DeliveryQueue), $"{rules.Setting(nameof(DeliveryQueue))} must be a Storage queue name: 3-63 lower-case letters, digits and '-' (it is \"{o.DeliveryQueue}\")")
        .AtLeast(nameof(GiveUpHours), o.GiveUpHours, 0)
        .AtLeast(nameof(DropInboxDays), o.DropInboxDays, 0)
        .AtLeast(nameof(MaxFollowersPerHost), o.MaxFollowersPerHost, 1)
        .AtLeast(nameof(MaxFollowers), o.MaxFollowers, 1);

    // Mastodon's username rule (app/models/account.rb).
    [GeneratedRegex(@"\A[a-z0-9_]+([.-]+[a-z0-9_]+)*\z", RegexOptions.IgnoreCase)]
    private static partial Regex HandlePattern();

    [GeneratedRegex(@"\A[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]\z")]
    private static partial Regex QueuePattern();
}
