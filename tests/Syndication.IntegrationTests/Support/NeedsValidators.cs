namespace Syndication.Tests.Support;

/// <summary>
/// A test that runs Python's feedparser or jing (<see cref="ExternalValidators"/>). Where one is missing it is skipped
/// with the Debian package to install, except in CI (CI set): CI installs both, so there it runs and fails instead.
/// </summary>
public sealed class NeedsValidatorsFactAttribute : FactAttribute
{
    public NeedsValidatorsFactAttribute() => Skip = ExternalValidators.SkipReason;
}

/// <summary>The theory form of <see cref="NeedsValidatorsFactAttribute"/>.</summary>
public sealed class NeedsValidatorsTheoryAttribute : TheoryAttribute
{
    public NeedsValidatorsTheoryAttribute() => Skip = ExternalValidators.SkipReason;
}
