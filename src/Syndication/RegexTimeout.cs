using System.Runtime.CompilerServices;

namespace Syndication;

/// <summary>
/// Every regular expression gives up after <see cref="Limit"/>: set as the process-wide default before any Regex in
/// this library is built (generated ones read it on first use), so a pattern that backtracks on hostile input throws
/// <see cref="System.Text.RegularExpressions.RegexMatchTimeoutException"/>, which parsing records as a rejection,
/// instead of burning minutes of CPU on each of the blob trigger's retries.
/// </summary>
public static class RegexTimeout
{
    /// <summary>The limit in milliseconds, for patterns that name their timeout (NonBacktracking ones, built at run time).</summary>
    public const int Milliseconds = 2000;

    /// <summary>How long one match may run.</summary>
    public static readonly TimeSpan Limit = TimeSpan.FromMilliseconds(Milliseconds);

#pragma warning disable CA2255 // A library initializer on purpose: the default must be in place before the first Regex.
    [ModuleInitializer]
    internal static void SetDefault()
    {
        if (AppContext.GetData("REGEX_DEFAULT_MATCH_TIMEOUT") is not TimeSpan)
            AppDomain.CurrentDomain.SetData("REGEX_DEFAULT_MATCH_TIMEOUT", Limit);
    }
#pragma warning restore CA2255
}
