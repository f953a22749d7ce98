namespace Syndication.Partners;

/// <summary>Partner settings (section "Syndication:Partners", e.g. app setting Syndication__Partners__MaxFailures).</summary>
public sealed class PartnerOptions
{
    public const string Section = "Syndication:Partners";

    /// <summary>Items per partner feed page when the partner row names no limit.</summary>
    public int DefaultLimit { get; set; } = 25;
    /// <summary>Failed attempts from one client (<see cref="Http.ClientAddress"/>) before its failing attempts are answered 429; never counted per partner.</summary>
    public int MaxFailures { get; set; } = 10;
    /// <summary>How long failures are counted, and how long a client that reached the limit is answered 429 (seconds).</summary>
    public int LockoutSeconds { get; set; } = 300;
    /// <summary>How often each instance writes its pull counts to the table (seconds).</summary>
    public int PullFlushSeconds { get; set; } = 60;
    /// <summary>How long an access token from POST partners/token lasts (seconds): 1 to 3600.</summary>
    public int TokenSeconds { get; set; } = 600;

    /// <summary>The rules checked at start: a page of at least one item, at least one failure before lockout, periods not negative, a token lasting at most an hour.</summary>
    public static void Check(PartnerOptions o, SettingRules rules) => rules
        .AtLeast(nameof(DefaultLimit), o.DefaultLimit, 1)
        .AtLeast(nameof(MaxFailures), o.MaxFailures, 1)
        .AtLeast(nameof(LockoutSeconds), o.LockoutSeconds, 0)
        .AtLeast(nameof(PullFlushSeconds), o.PullFlushSeconds, 0)
        .Between(nameof(TokenSeconds), o.TokenSeconds, 1, 3600);
}
