using Mono.Cecil;

namespace Syndication.Tests.Architecture;

/// <summary>
/// Unit tests need nothing running. Read from the compiled IL of this project and of the test support it uses: no
/// reference to the integration tests (Azurite, the runner and host processes) or the Functions host, no process, no
/// socket, no HTTP client, no host started. A test that needs one of them belongs in Syndication.IntegrationTests.
/// </summary>
public sealed class UnitTestIsolationTests
{
    private static readonly string[] ForbiddenAssemblies = ["Syndication.IntegrationTests", "Syndication.FunctionsHost"];

    private static readonly string[] ForbiddenTypes =
    [
        "System.Diagnostics.Process", "System.Diagnostics.ProcessStartInfo", "System.Net.Sockets.Socket", "System.Net.Sockets.TcpListener",
        "System.Net.Sockets.TcpClient", "System.Net.Http.HttpClient",
    ];

    /// <summary>Starting a built host listens on a port: building one (to read its routes) is allowed, running it is not.</summary>
    private static readonly string[] ForbiddenMembers =
    [
        "Microsoft.AspNetCore.Builder.WebApplication::StartAsync", "Microsoft.AspNetCore.Builder.WebApplication::RunAsync",
        "Microsoft.AspNetCore.Builder.WebApplication::Run", "Microsoft.Extensions.Hosting.IHost::StartAsync",
        "Microsoft.Extensions.Hosting.HostingAbstractionsHostExtensions::Start", "Microsoft.Extensions.Hosting.HostingAbstractionsHostExtensions::Run",
        "Microsoft.Extensions.Hosting.HostingAbstractionsHostExtensions::RunAsync",
    ];

    public static TheoryData<string> Assemblies => ["Syndication.UnitTests", "Syndication.TestSupport"];

    [Theory]
    [MemberData(nameof(Assemblies))]
    public void NothingInTheUnitTestsStartsAProcessListensOrCallsOverTheNetwork(string assembly)
    {
        using var module = ModuleDefinition.ReadModule(Path.Combine(AppContext.BaseDirectory, assembly + ".dll"));
        var uses = module.AssemblyReferences.Select(r => r.Name).Where(ForbiddenAssemblies.Contains)
            .Concat(module.GetTypeReferences().Select(t => t.FullName).Where(ForbiddenTypes.Contains))
            .Concat(module.GetMemberReferences().Where(m => m.DeclaringType is not null)
                .Select(m => $"{m.DeclaringType.FullName}::{m.Name}").Where(ForbiddenMembers.Contains))
            .Distinct().Order(StringComparer.Ordinal).ToList();

        Assert.True(uses.Count == 0, $"{assembly} uses {string.Join(", ", uses)}: a test that needs it belongs in Syndication.IntegrationTests");
    }
}
