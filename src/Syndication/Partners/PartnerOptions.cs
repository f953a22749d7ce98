namespace Syndication.Partners;

/// <summary>Partner settings (section "Syndication:Partners", e.g. app setting Syndication__Partners__MaxFailures).</summary>
public sealed class PartnerOptions
{
    public const string Section = "Syndication:Partners";

    /// <summary>PBKDF2-HMAC-SHA256 iterations for new password hashes (OWASP: at least 600,000); a hash keeps its own count.</summary>
    public int HashIterations { get; set; } = PartnerPassword.MinIterations;
    /// <summary>Items per partner feed page when the partner row names no limit.</summary>
    public int DefaultLimit { get; set; } = 25;
    /// <summary>Failed attempts for one partner, or from one client, before it is answered 429.</summary>
    public int MaxFailures { get; set; } = 10;
    /// <summary>How long failures are counted, and how long a partner or client that reached the limit is answered 429 (seconds).</summary>
    public int LockoutSeconds { get; set; } = 300;
    /// <summary>How long a verified password is trusted without hashing it again, while the partner row keeps its version (seconds).</summary>
    public int VerifiedSeconds { get; set; } = 600;
    /// <summary>How often each instance writes its pull counts to the table (seconds).</summary>
    public int PullFlushSeconds { get; set; } = 60;
}
