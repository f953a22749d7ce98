using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Syndication.LocalRunner;
using Syndication.Tests.Support;

namespace Syndication.Tests.Runner;

/// <summary>A setting out of range stops the host at start, with a message naming the app setting as users write it.</summary>
public sealed class SettingsValidationTests
{
    /// <summary>One bad setting per options class (and a few rules more): the setting, its value, and the message's start.</summary>
    public static TheoryData<string, string, string> BadSettings => new()
    {
        { "Syndication:MaxLimit", "0", "Syndication__MaxLimit must be at least 1" },
        { "Syndication:DefaultLimit", "500", "Syndication__MaxLimit (200) must be at least Syndication__DefaultLimit (500)" },
        { "Syndication:PublicBaseUrl", "news.example.com", "Syndication__PublicBaseUrl must be an absolute http or https URL" },
        { "Syndication:MaxAgeSeconds", "-1", "Syndication__MaxAgeSeconds must be at least 0" },
        { "Syndication:MaxConcurrentDecodes", "0", "Syndication__MaxConcurrentDecodes must be at least 1" },
        { "Syndication:ReconcileParallelism", "0", "Syndication__ReconcileParallelism must be at least 1" },
        { "Syndication:TimeZone", "Mars/Olympus_Mons", "Syndication__TimeZone must name a time zone" },
        { "Syndication:Storage:ArticlesContainer", "Articles_In", "Syndication__Storage__ArticlesContainer must be 3 to 63 lowercase" },
        { "Syndication:Storage:Table", "my-table", "Syndication__Storage__Table must be 3 to 63 letters and digits" },
        { "Syndication:Partners:MaxFailures", "0", "Syndication__Partners__MaxFailures must be at least 1" },
        { "Syndication:Network:TrustedProxies", "10.0.0.0/99", "Syndication__Network__TrustedProxies must be IP addresses or CIDR ranges" },
        { "Syndication:Network:FrontDoorId", "front-door", "Syndication__Network__FrontDoorId must be the Front Door profile's id, a GUID" },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public async Task TheRunnerDoesNotStartWithABadSettingAndNamesIt(string key, string value, string message)
    {
        await using var app = RunnerApp.Build(["--urls", "http://127.0.0.1:0", "--AzureWebJobsStorage", "UseDevelopmentStorage=true", $"--{key}", value]);
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());
        Assert.Contains(failure.Failures, f => f.StartsWith(message, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(BadSettings))]
    public async Task AGenericHostAsTheFunctionsWorkerBuildsOneDoesNotStartWithABadSetting(string key, string value, string message)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true", [key] = value });
        builder.Services.AddSyndication();
        using var host = builder.Build();
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains(failure.Failures, f => f.StartsWith(message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheDefaultsAndTheCommittedLocalSettingsPass()
    {
        await using var app = RunnerApp.Build(["--urls", "http://127.0.0.1:0", "--AzureWebJobsStorage", "UseDevelopmentStorage=true"]);
        app.Services.GetRequiredService<IStartupValidator>().Validate();
    }

    [Theory]
    [InlineData("serve")]
    [InlineData("publish")]
    public async Task TheRunnerProcessExitsWithTheSettingNamed(string command)
    {
        var settings = new Dictionary<string, string> { ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true", ["Syndication__MaxLimit"] = "0" };
        string[] args = command == "serve" ? ["serve", "--urls", $"http://127.0.0.1:{Ports.Free()}"] : ["publish", Repo.Samples(Repo.SampleSlug + ".txt")];
        var (exitCode, output) = await RunnerProcess.ExitAsync(settings, args);
        Assert.Equal(2, exitCode);
        Assert.Contains("Syndication__MaxLimit must be at least 1 (it is 0)", output);
    }
}
